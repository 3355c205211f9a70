/**
 * Changing a zone's stages never strands an application: one left in a stage the zone
 * removed stays where it is, the staff pages say so, review answers 409 with that
 * sentence, and a zone admin moves it to an existing stage (API and form), audited and
 * on the timeline. Its enterprise reads 审核中 and that the zone is rearranging its
 * review steps, never the removed stage's code. The application is put in a stage key zibo never had, as a removal
 * leaves it, so zibo's settings are not touched (a key no version names shows as itself).
 */
import { afterAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, subsidyApplications, subsidyEvents } from "../../worker/db/schema";
import { api, enterpriseWithMember } from "./subsidies-support";
import { db, get, makeApplication, makeEnterprise, post, row, signIn } from "./subsidy-pages-support";

const SENTENCE = "该申报所在的环节「legacy-review」已从审核流程中删除,请将其移至现有环节";

async function stranded() {
  const e = await makeEnterprise();
  return (await makeApplication(e.id, "first-review", { stage: "legacy-review" })).id;
}

// Other files read zibo's queue and dashboard: what this file left stranded leaves the queue.
afterAll(async () => {
  await db()
    .update(subsidyApplications)
    .set({ status: "withdrawn", dueOn: null })
    .where(eq(subsidyApplications.stage, "legacy-review"));
});

describe("an application in a removed stage", () => {
  it("is shown with the sentence on the staff application page and in the queue", async () => {
    const id = await stranded();
    const admin = await signIn("zone_admin");
    const page = await (await get(`/admin/subsidies/applications/${id}`, admin.cookie)).text();
    expect(page).toContain(SENTENCE);
    expect(page).toContain(`action="/admin/subsidies/applications/${id}/move-stage"`);
    const reviewer = await signIn("reviewer");
    const asReviewer = await (await get(`/admin/subsidies/applications/${id}`, reviewer.cookie)).text();
    expect(asReviewer).toContain(SENTENCE);
    expect(asReviewer).not.toContain("/move-stage");
    const queue = await (await get("/admin/subsidies", admin.cookie)).text();
    expect(queue).toContain(SENTENCE);
  });

  it("answers review actions with 409 and the sentence, changing nothing", async () => {
    const id = await stranded();
    const reviewer = await signIn("reviewer");
    const before = await row(id);
    const res = await api("POST", `/api/v1/subsidies/applications/${id}/review`, {
      cookie: reviewer.cookie,
      data: { action: "pass" },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(SENTENCE);
    expect((await row(id)).revision).toBe(before.revision);
  });

  it("is moved by a zone admin through the API, audited and on the timeline; reviewers may not", async () => {
    const id = await stranded();
    const path = `/api/v1/admin/subsidies/applications/${id}/move-stage`;
    const reviewer = await signIn("reviewer");
    expect((await api("POST", path, { cookie: reviewer.cookie, data: { stage: "second-review" } })).status).toBe(403);
    expect((await api("POST", path, { data: { stage: "nonsense" } })).status).toBe(401);
    const admin = await signIn("zone_admin");
    const bad = await api("POST", path, { cookie: admin.cookie, data: { stage: "nowhere" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("stage");

    const res = await api("POST", path, { cookie: admin.cookie, data: { stage: "second-review" } });
    expect(res.status).toBe(200);
    expect(res.body.application).toMatchObject({ stage: "second-review", status: "in_review" });
    const moved = await row(id);
    expect(moved.stage).toBe("second-review");
    const [event] = await db()
      .select()
      .from(subsidyEvents)
      .where(and(eq(subsidyEvents.applicationId, id), eq(subsidyEvents.action, "stage_moved")));
    expect(event).toMatchObject({ stage: "legacy-review", toStage: "second-review", actor: admin.email });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "subsidy.stage_moved"), eq(auditLog.target, id)));
    expect(audit).toHaveLength(1);

    // Its stage exists now: it goes on by the review flow, not by moving.
    expect((await api("POST", path, { cookie: admin.cookie, data: { stage: "first-review" } })).status).toBe(409);
    const page = await (await get(`/admin/subsidies/applications/${id}`, admin.cookie)).text();
    expect(page).not.toContain("已从审核流程中删除,请将其移至现有环节");
    expect(page).toContain("移至现有环节"); // the timeline entry
  });

  it("is moved with the page's form; a refused choice re-renders with a 4xx", async () => {
    const id = await stranded();
    const admin = await signIn("zone_admin");
    const action = `/admin/subsidies/applications/${id}/move-stage`;
    const refused = await post(action, { stage: "nowhere" }, admin.cookie);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(SENTENCE);
    expect((await row(id)).stage).toBe("legacy-review");
    const done = await post(action, { stage: "first-review" }, admin.cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/admin/subsidies/applications/${id}?done=moved`);
    expect((await row(id)).stage).toBe("first-review");
    const reviewer = await signIn("reviewer");
    expect((await post(action, { stage: "second-review" }, reviewer.cookie)).status).toBe(403);
  });

  it("is 审核中 on its enterprise's pages, with the zone rearranging its steps, never the stage's code", async () => {
    const e = await enterpriseWithMember();
    const { id } = await makeApplication(e.id, "first-review", { stage: "legacy-review" });
    await db().insert(subsidyEvents).values({
      applicationId: id,
      at: Date.now(),
      actor: "reviewer@zibo.test",
      action: "comment",
      stage: "legacy-review",
      note: "请稍候",
    });
    const page = await (await get(`/subsidies/applications/${id}`, e.member.cookie)).text();
    expect(page).toMatch(/<span class="tag st-in_review">审核中<\/span>/);
    expect(page).toContain("园区正在调整审核环节,这份申报暂时停在原处,调整完成后园区会继续办理。");
    expect(page).not.toContain("legacy-review");
    expect(page).not.toContain("请将其移至现有环节");
    const list = await (await get("/subsidies", e.member.cookie)).text();
    expect(list).toContain("审核中");
    expect(list).toContain("园区正在调整审核环节,调整后继续办理");
    expect(list).not.toContain("legacy-review");

    // Returned from a stage since removed: the same words, not "退回补正()" with a blank.
    const returned = await makeApplication(e.id, "first-review", { stage: "legacy-review", status: "returned" });
    const draft = await (await get(`/subsidies/applications/${returned.id}`, e.member.cookie)).text();
    expect(draft).toMatch(/<span class="tag st-in_review">审核中<\/span>/);
    expect(draft).toContain("园区正在调整审核环节");
    expect(draft).not.toContain("退回补正()");
    expect(draft).not.toContain("legacy-review");

    // Staff still read which stage it is in, as before.
    const admin = await signIn("zone_admin");
    expect(await (await get(`/admin/subsidies/applications/${id}`, admin.cookie)).text()).toContain(SENTENCE);
  });
});
