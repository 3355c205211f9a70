/**
 * Staff review of subsidy applications against a real libSQL database: return
 * for correction and resubmission at the same stage (history kept), rejection
 * with its reason, the amount rules (lower only, within a review range, always
 * with a reason), and separation of duties. A refused action changes nothing.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox, subsidyEvents } from "../../db/schema";
import { getApplication } from "./get-application";
import { reviewApplication } from "./review-application";
import { saveDraft } from "./save-draft";
import { submitApplication } from "./submit-application";
import { newStaff, rowOf, staffedWorld, submitted } from "./test-programmes";

const WAN = 1_000_000;
const day = (d: string) => new Date(`${d}T02:00:00Z`); // 10:00 in Shanghai

const world = staffedWorld;

describe("returning an application for correction", () => {
  it("goes back to the enterprise, is edited and resubmitted into the same stage, with every event kept", async () => {
    const { w, policy, member, r1, admin, title, events } = await world();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-01"),
    );
    await reviewApplication(w.ctxAt(day("2026-06-02"), r1), app.id, { action: "pass" }, title);

    const before = await rowOf(w.db, app.id);
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-03"), admin), app.id, { action: "return", reason: "  " }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "请写明需要补正的内容。" });
    expect(await rowOf(w.db, app.id)).toEqual(before);

    const returned = await reviewApplication(
      w.ctxAt(day("2026-06-03"), admin),
      app.id,
      { action: "return", reason: "合同登记证明与合同金额不一致" },
      title,
    );
    expect(returned).toMatchObject({ status: "returned", stage: "second-review", dueOn: "2026-06-16" });
    expect((await getApplication(w.ctxAt(day("2026-06-03"), member), app.id)).standing).toEqual({
      label: "退回补正(复审)",
      expected: "按退回意见修改后重新提交",
      by: "2026-06-16",
    });
    const notice = (await w.db.select().from(outbox).where(eq(outbox.kind, "subsidy_returned")))[0]!;
    expect(notice.body).toContain("需要补正:合同登记证明与合同金额不一致");

    // Staff cannot act on it while it is with the enterprise.
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-03"), admin), app.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "conflict" });
    await saveDraft(w.ctxAt(day("2026-06-04"), member), policy, app.id, { facts: { contractAmountFen: 400 * WAN } });
    const again = await submitApplication(w.ctxAt(day("2026-06-04"), member), policy, app.id);
    expect(again).toMatchObject({
      alreadySubmitted: false,
      application: {
        status: "in_review",
        stage: "second-review",
        amountFen: 12 * WAN,
        submittedAt: app.submittedAt,
        awardYear: 2026,
      },
    });
    expect(await events(app.id)).toEqual(["created", "submitted", "passed", "returned", "resubmitted"]);

    // Whoever passed 初审 still may not pass 复审 after the round trip; another may.
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-05"), r1), app.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await reviewApplication(w.ctxAt(day("2026-06-05"), admin), app.id, { action: "pass" }, title)).toMatchObject(
      { stage: "publicity" },
    );
  });
});

describe("rejecting an application", () => {
  it("needs a reason, then ends the application and tells the enterprise why", async () => {
    const { w, policy, member, r1, title, events } = await world();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-01"),
    );
    const before = await rowOf(w.db, app.id);
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-02"), r1), app.id, { action: "reject" }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "请写明驳回理由。", fields: { reason: "必填" } });
    expect(await rowOf(w.db, app.id)).toEqual(before);

    const rejected = await reviewApplication(
      w.ctxAt(day("2026-06-02"), r1),
      app.id,
      { action: "reject", reason: "合同未经省技术市场登记" },
      title,
    );
    expect(rejected).toMatchObject({ status: "rejected", stage: "first-review", dueOn: null });
    expect(rejected.decidedAt).toBe(day("2026-06-02").getTime());
    const [notice] = await w.db.select().from(outbox).where(eq(outbox.kind, "subsidy_rejected"));
    expect(notice).toMatchObject({ recipient: "applicant1@zibo.demo" });
    expect(notice!.body).toContain("理由:合同未经省技术市场登记");
    expect(await events(app.id)).toEqual(["created", "submitted", "rejected"]);
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-03"), r1), app.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "conflict", message: "这份申报当前不在审核中。" });
    await expect(
      saveDraft(w.ctxAt(day("2026-06-03"), member), policy, app.id, { facts: { contractAmountFen: 1 } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("the amount at review", () => {
  it("may be lowered with a reason, never raised", async () => {
    const { w, policy, member, r1, title } = await world();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-01"),
    );
    const before = await rowOf(w.db, app.id);
    await expect(
      reviewApplication(
        w.ctxAt(day("2026-06-02"), r1),
        app.id,
        { action: "pass", amountFen: 16 * WAN, reason: "多给一点" },
        title,
      ),
    ).rejects.toMatchObject({ code: "validation_failed", message: "核定金额只能调低(当前15万元)。" });
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-02"), r1), app.id, { action: "pass", amountFen: 10 * WAN }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "调整金额时请写明理由。" });
    expect(await rowOf(w.db, app.id)).toEqual(before);
    const passed = await reviewApplication(
      w.ctxAt(day("2026-06-02"), r1),
      app.id,
      { action: "pass", amountFen: 10 * WAN, reason: "部分合同不在申报年度" },
      title,
    );
    expect(passed).toMatchObject({ stage: "second-review", amountFen: 10 * WAN, requestedFen: 15 * WAN });
    const [event] = await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.action, "passed"));
    expect(event).toMatchObject({ amountFen: 10 * WAN, note: "核定金额调整为10万元:部分合同不在申报年度" });
  });

  it("is told to the enterprise in one sentence, even when the reason ends with its own 。", async () => {
    const { w, policy, member, r1, title } = await world();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-01"),
    );
    await reviewApplication(
      w.ctxAt(day("2026-06-02"), r1),
      app.id,
      { action: "pass", amountFen: 10 * WAN, reason: "核减。" },
      title,
    );
    const [notice] = await w.db.select().from(outbox).where(eq(outbox.kind, "subsidy_passed"));
    expect(notice!.body).toMatch(/核定金额:[^\n(]+\(核减\)。\n/);
    expect(notice!.body).not.toMatch(/[。.!?;,][)]|。。/);
  });

  it("of a programme whose amount is set at review lies within the policy's range", async () => {
    const { w, policy, member, r1, admin, title } = await world();
    const app = await submitted(w, policy, member, "zibo-institute-project", {}, day("2026-06-01"));
    expect(app).toMatchObject({ amountFen: null, requestedFen: null, rangeMinFen: 30 * WAN, rangeMaxFen: 100 * WAN });
    const at = w.ctxAt(day("2026-06-02"), r1);
    await expect(
      reviewApplication(at, app.id, { action: "pass", amountFen: 120 * WAN, reason: "项目很好" }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "核定金额须在政策规定的30万元至100万元之间。" });
    await expect(
      reviewApplication(at, app.id, { action: "pass", amountFen: 20 * WAN, reason: "规模较小" }, title),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { amountFen: "超出政策规定的范围" } });
    expect(
      await reviewApplication(at, app.id, { action: "pass", amountFen: 30 * WAN, reason: "按下限" }, title),
    ).toMatchObject({ amountFen: 30 * WAN });
    // At 复审 the amount set at 初审 may only go down, and never below the range.
    const second = w.ctxAt(day("2026-06-03"), admin);
    await expect(
      reviewApplication(second, app.id, { action: "pass", amountFen: 50 * WAN, reason: "调高" }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "核定金额只能调低(当前30万元)。" });
    await expect(
      reviewApplication(second, app.id, { action: "pass", amountFen: 25 * WAN, reason: "调低" }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "核定金额不能低于政策规定的30万元。" });
    expect(await reviewApplication(second, app.id, { action: "pass" }, title)).toMatchObject({
      stage: "publicity",
      amountFen: 30 * WAN,
    });
  });

  it("must be set before 公示 when the policy leaves it to review", async () => {
    const { w, policy, member, r1, admin, title } = await world();
    const app = await submitted(w, policy, member, "zibo-institute-project", {}, day("2026-06-01"));
    expect(await reviewApplication(w.ctxAt(day("2026-06-02"), r1), app.id, { action: "pass" }, title)).toMatchObject({
      stage: "second-review",
      amountFen: null,
    });
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-03"), admin), app.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "validation_failed", message: "金额由评审确定:进入公示前请填写核定金额。" });
    expect(
      await reviewApplication(
        w.ctxAt(day("2026-06-03"), admin),
        app.id,
        { action: "pass", amountFen: 80 * WAN, reason: "专家评审意见" },
        title,
      ),
    ).toMatchObject({ stage: "publicity", amountFen: 80 * WAN });
  });
});

describe("separation of duties", () => {
  it(
    "keeps the same person off two consecutive stages, " + "and the enterprise's own people off its application",
    async () => {
      const { w, policy, member, r1, title } = await world();
      const app = await submitted(
        w,
        policy,
        member,
        "zibo-tech-contract",
        { facts: { contractAmountFen: 500 * WAN } },
        day("2026-06-01"),
      );
      const before = await rowOf(w.db, app.id);
      // A member of the enterprise, and staff attached to it, never review it.
      await expect(
        reviewApplication(w.ctxAt(day("2026-06-02"), member), app.id, { action: "pass" }, title),
      ).rejects.toMatchObject({ code: "forbidden", message: "只有园区工作人员可以审核申报。" });
      const insider = await newStaff(w.db, "reviewer", member.enterpriseId);
      await expect(
        reviewApplication(w.ctxAt(day("2026-06-02"), insider), app.id, { action: "pass" }, title),
      ).rejects.toMatchObject({ code: "forbidden", message: "申报企业自己的人员不能审核本企业的申报。" });
      expect(await rowOf(w.db, app.id)).toEqual(before);

      await reviewApplication(w.ctxAt(day("2026-06-02"), r1), app.id, { action: "pass" }, title);
      const atSecond = await rowOf(w.db, app.id);
      await expect(
        reviewApplication(w.ctxAt(day("2026-06-03"), r1), app.id, { action: "pass" }, title),
      ).rejects.toMatchObject({ code: "forbidden", message: "上一环节由你通过,本环节须由另一位工作人员审核。" });
      expect(await rowOf(w.db, app.id)).toEqual(atSecond);
      const r2 = await newStaff(w.db, "reviewer");
      expect(await reviewApplication(w.ctxAt(day("2026-06-03"), r2), app.id, { action: "pass" }, title)).toMatchObject({
        stage: "publicity",
        lastPassedBy: r2.id,
      });
    },
  );

  it("refuses a review that names a revision someone else has moved past", async () => {
    const { w, policy, member, r1, title } = await world();
    const app = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-01"),
    );
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-02"), r1), app.id, { action: "pass", revision: app.revision - 1 }, title),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(
      await reviewApplication(
        w.ctxAt(day("2026-06-02"), r1),
        app.id,
        { action: "pass", revision: app.revision },
        title,
      ),
    ).toMatchObject({ stage: "second-review" });
  });
});
