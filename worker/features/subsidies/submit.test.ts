/**
 * Starting, autosaving and submitting applications against a real libSQL
 * database: each refusal names what is missing or failing (the fact, the
 * material, the condition with its clause, the programme no longer in force)
 * and changes nothing; creates are idempotent even when they race; a stale
 * autosave is a 409.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { subsidyApplications, subsidyEvents } from "../../db/schema";
import { createApplication } from "./create-application";
import { saveDraft } from "./save-draft";
import { submitApplication } from "./submit-application";
import { attachFor, publishTestProgrammes, rowOf } from "./test-programmes";
import { subsidyWorld } from "./test-support";
import { titleFrom } from "./programme-title";

const day = (d: string) => new Date(`${d}T02:00:00Z`);

async function world() {
  const w = await subsidyWorld(day("2026-06-01"));
  const policy = await publishTestProgrammes(w);
  const member = await w.actorOf("applicant1@zibo.demo");
  const ctx = w.ctxAt(day("2026-06-01"), member);
  const draft = async (programme: string) => (await createApplication(ctx, policy, { programme }, null)).application;
  return { w, policy, member, ctx, draft };
}

describe("submitting", () => {
  it(
    "names a missing fact, then a missing material, then the failing condition and its clause; " +
      "each refusal changes nothing",
    async () => {
      const { w, policy, ctx, draft } = await world();
      const app = await draft("test-patents");

      await expect(submitApplication(ctx, policy, app.id)).rejects.toMatchObject({
        code: "validation_failed",
        message: "请填写:授权发明专利数。",
        fields: { patents: "请填写授权发明专利数" },
      });
      await saveDraft(ctx, policy, app.id, { facts: { patents: 2 } });
      const before = await rowOf(w.db, app.id);
      await expect(submitApplication(ctx, policy, app.id)).rejects.toMatchObject({
        code: "validation_failed",
        message: "请上传:证明材料。",
        fields: { "material:proof": "请上传证明材料" },
      });
      await attachFor(w.db, policy, app.id, "test-patents");
      const failed = await submitApplication(ctx, policy, app.id).catch((e: unknown) => e);
      expect(failed).toMatchObject({
        code: "validation_failed",
        fields: { "condition:enough-patents": expect.any(String) },
      });
      expect((failed as Error).message).toBe(
        "不符合申报条件:授权发明专利3件以上(第十五条)——授权发明专利数为2,未达到第十五条规定的“3以上”",
      );
      expect(await rowOf(w.db, app.id)).toEqual(before);
      expect(
        (await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, app.id))).map((e) => e.action),
      ).toEqual(["created"]);

      await saveDraft(ctx, policy, app.id, { facts: { patents: 4 } });
      expect((await submitApplication(ctx, policy, app.id)).application).toMatchObject({
        status: "in_review",
        stage: "first-review",
        amountFen: 4_000_000,
      });
    },
  );

  it("refuses outside the programme's application window", async () => {
    const { w, policy, ctx, draft } = await world();
    const app = await draft("test-window");
    await attachFor(w.db, policy, app.id, "test-window");
    await expect(submitApplication(ctx, policy, app.id)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("不在申报期内(申报期:2026-05-01至2026-05-31)"),
      fields: { "condition:window": expect.any(String) },
    });
    expect((await rowOf(w.db, app.id)).status).toBe("draft");
  });

  it("refuses a programme that the policy in force no longer has, and a programme it never had", async () => {
    const { w, policy, member, ctx, draft } = await world();
    const app = await draft("test-once");
    await attachFor(w.db, policy, app.id, "test-once");
    const later = await publishTestProgrammes({ ...w, now: day("2026-06-02") }, { drop: ["test-once"] });
    await expect(submitApplication(w.ctxAt(day("2026-06-02"), member), later, app.id)).rejects.toMatchObject({
      code: "conflict",
      message: `该项目已不在现行政策(第${later.version.id}版)中,不能提交。`,
    });
    expect((await rowOf(w.db, app.id)).status).toBe("draft");
    await expect(createApplication(ctx, later, { programme: "test-once" }, null)).rejects.toMatchObject({
      code: "not_found",
      message: `现行政策(第${later.version.id}版)没有编号为 test-once 的项目。`,
    });
    // An application already submitted keeps the version it was computed with.
    expect(policy.version.id).toBeLessThan(later.version.id);
    // Lists and mails name it by title where a version has it, and never by its id.
    expect(titleFrom(policy.compiled)("test-once")).toBe(policy.compiled.programmes.get("test-once")!.title.zh);
    expect(titleFrom(later.compiled)("test-once")).toBe("已调整的扶持项目");
  });

  it("refuses a second award of a once-only programme, citing the earlier one", async () => {
    const { w, policy, ctx, draft } = await world();
    const first = await draft("test-once");
    // The second draft predates the award (once it is awarded, create itself refuses:
    // tests/workerd/policy-award-history.test.ts).
    const app = await draft("test-once");
    await w.db
      .update(subsidyApplications)
      .set({ status: "paid", amountFen: 100_000, awardYear: 2025 })
      .where(eq(subsidyApplications.id, first.id));
    await attachFor(w.db, policy, app.id, "test-once");
    await expect(submitApplication(ctx, policy, app.id)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("单个企业只扶持一次(第十五条)——已于2025年享受"),
    });
  });

  it("of a submitted application again returns it as it is", async () => {
    const { w, policy, ctx, draft } = await world();
    const app = await draft("test-once");
    await attachFor(w.db, policy, app.id, "test-once");
    const first = await submitApplication(ctx, policy, app.id);
    const again = await submitApplication(ctx, policy, app.id);
    expect(again).toEqual({ application: first.application, alreadySubmitted: true });
    expect(
      (await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, app.id))).map((e) => e.action),
    ).toEqual(["created", "submitted"]);
  });
});

describe("creating", () => {
  it("ten identical creates at once make one application", async () => {
    const { w, policy, ctx } = await world();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createApplication(ctx, policy, { programme: "test-once" }, "double-click-1")),
    );
    expect(new Set(results.map((r) => r.application.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await w.db
      .select()
      .from(subsidyApplications)
      .where(eq(subsidyApplications.idempotencyKey, "double-click-1"));
    expect(rows).toHaveLength(1);
    expect(await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, rows[0]!.id))).toHaveLength(1);
  });

  it("the same key from another enterprise is another application; only members apply", async () => {
    const { w, policy, ctx } = await world();
    const other = await w.actorOf("applicant2@zibo.demo");
    const a = await createApplication(ctx, policy, { programme: "test-once" }, "k");
    const b = await createApplication(w.ctxAt(day("2026-06-01"), other), policy, { programme: "test-once" }, "k");
    expect(a.application.id).not.toBe(b.application.id);
    const reviewer = await w.actorOf("reviewer@zibo.demo");
    await expect(
      createApplication(w.ctxAt(day("2026-06-01"), reviewer), policy, { programme: "test-once" }, null),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("autosave", () => {
  it("keeps what was typed, refuses a stale revision with 409 and changes nothing", async () => {
    const { w, policy, ctx, draft } = await world();
    const app = await draft("test-patents");
    const first = await saveDraft(ctx, policy, app.id, {
      facts: { patents: "三" },
      formValues: { patents: "三" },
      revision: app.revision,
    });
    expect(first.errors).toHaveProperty("patents");
    expect(JSON.parse(first.application.formValues)).toEqual({ patents: "三" });
    expect(JSON.parse(first.application.facts)).toEqual({});
    const second = await saveDraft(ctx, policy, app.id, {
      facts: { patents: 3 },
      formValues: { patents: "3" },
      revision: first.application.revision,
    });
    expect(second.application.revision).toBe(first.application.revision + 1);

    // Another tab still holding the first revision.
    await expect(
      saveDraft(ctx, policy, app.id, {
        facts: { patents: 9 },
        formValues: { patents: "9" },
        revision: first.application.revision,
      }),
    ).rejects.toMatchObject({ code: "conflict", status: 409 });
    const now = await rowOf(w.db, app.id);
    expect(now).toEqual(second.application);
    expect(JSON.parse(now.facts)).toEqual({ patents: 3 });
  });

  it(
    "is refused once the application is submitted, " +
      "and for another enterprise's application the draft does not exist",
    async () => {
      const { w, policy, ctx, draft } = await world();
      const app = await draft("test-once");
      await attachFor(w.db, policy, app.id, "test-once");
      await submitApplication(ctx, policy, app.id);
      await expect(saveDraft(ctx, policy, app.id, { formValues: {} })).rejects.toMatchObject({ code: "conflict" });
      const other = await w.actorOf("applicant2@zibo.demo");
      await expect(
        saveDraft(w.ctxAt(day("2026-06-01"), other), policy, app.id, { formValues: {} }),
      ).rejects.toMatchObject({ code: "not_found" });
    },
  );
});
