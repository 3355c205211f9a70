/**
 * Comments on the timeline: staff 意见 reach the enterprise by email and show as
 * the zone's; members' 留言 show as theirs; neither changes the application's
 * state or the revision a reviewer's open form relies on; drafts take none.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { outbox, subsidyEvents } from "../../db/schema";
import { commentOnApplication } from "./comment-application";
import { createApplication } from "./create-application";
import { rowOf, staffedWorld, submitted } from "./test-programmes";

const day = (d: string) => new Date(`${d}T02:00:00Z`);

describe("comments on an application", () => {
  it("are added by staff and members without moving the application, and staff comments are mailed", async () => {
    const { w, policy, member, r1, title } = await staffedWorld();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 300_000_000 } },
      day("2026-06-01"),
    );
    const before = await rowOf(w.db, app.id);
    await commentOnApplication(
      w.ctxAt(day("2026-06-02"), r1),
      app.id,
      { text: "请补充合同登记证明的扫描件页码。" },
      title("zibo-tech-contract"),
    );
    await commentOnApplication(
      w.ctxAt(day("2026-06-02"), member),
      app.id,
      { text: "已在第3页。" },
      title("zibo-tech-contract"),
    );
    const after = await rowOf(w.db, app.id);
    expect(after).toMatchObject({ status: before!.status, stage: before!.stage, revision: before!.revision });
    const events = await w.db
      .select()
      .from(subsidyEvents)
      .where(and(eq(subsidyEvents.applicationId, app.id)));
    expect(events.slice(-2).map((e) => [e.action, e.note])).toEqual([
      ["comment", "请补充合同登记证明的扫描件页码。"],
      ["member_comment", "已在第3页。"],
    ]);
    const mails = await w.db.select().from(outbox).where(eq(outbox.kind, "subsidy_comment"));
    expect(mails.map((m) => m.recipient)).toEqual(["applicant1@zibo.demo"]);
    expect(mails[0]!.body).toContain("请补充合同登记证明的扫描件页码。");
  });

  it("are refused on a draft and for another enterprise's application", async () => {
    const { w, policy, member, title } = await staffedWorld();
    const { application } = await createApplication(
      w.ctxAt(day("2026-06-01"), member),
      policy,
      { programme: "zibo-tech-contract" },
      null,
    );
    await expect(
      commentOnApplication(w.ctxAt(day("2026-06-01"), member), application.id, { text: "你好" }, title("x")),
    ).rejects.toMatchObject({ code: "conflict" });
    const other = await w.actorOf("applicant2@zibo.demo");
    await expect(
      commentOnApplication(w.ctxAt(day("2026-06-01"), other), application.id, { text: "你好" }, title("x")),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
