/**
 * The whole path of a subsidy application against a real libSQL database:
 * draft → submit → 初审 → 复审 → 公示 → (clock) → 拨付 approval → payment, with
 * the facts, result and policy version stored, every step on the timeline and
 * in the enterprise's outbox.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { outbox, subsidyEvents, subsidyPayments } from "../../db/schema";
import { createApplication } from "./create-application";
import { getApplication } from "./get-application";
import { listPublicity } from "./list-publicity";
import { advancePublicity } from "./publicity";
import { recordPayment } from "./record-payment";
import { reviewApplication } from "./review-application";
import { saveDraft } from "./save-draft";
import { submitApplication } from "./submit-application";
import { subsidyWorld } from "./test-support";

const WAN = 1_000_000;
const day = (d: string) => new Date(`${d}T02:00:00Z`); // 10:00 in Shanghai

describe("a subsidy application from draft to payment", () => {
  it("goes through every stage and ends paid", async () => {
    const w = await subsidyWorld(day("2026-06-01"));
    const member = await w.actorOf("applicant1@zibo.demo");
    const r1 = await w.actorOf("reviewer@zibo.demo");
    const admin = await w.actorOf("admin@zibo.demo");
    const title = (id: string) => w.policy.compiled.programmes.get(id)!.title.zh;

    const { application: draft, created } = await createApplication(
      w.ctxAt(day("2026-06-01"), member),
      w.policy,
      { programme: "zibo-tech-contract" },
      "key-1",
    );
    expect(created).toBe(true);
    const again = await createApplication(
      w.ctxAt(day("2026-06-01"), member),
      w.policy,
      { programme: "zibo-tech-contract" },
      "key-1",
    );
    expect(again).toMatchObject({ created: false, application: { id: draft.id } });

    const saved = await saveDraft(w.ctxAt(day("2026-06-01"), member), w.policy, draft.id, {
      facts: { contractAmountFen: 500 * WAN, bogus: 1 },
      formValues: { contractAmount: "5000000" },
    });
    expect(saved.errors).toHaveProperty("bogus");
    await expect(submitApplication(w.ctxAt(day("2026-06-01"), member), w.policy, draft.id)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("请上传"),
    });
    await w.attachAll(draft.id, "zibo-tech-contract");
    const submitted = await submitApplication(w.ctxAt(day("2026-06-01"), member), w.policy, draft.id);
    expect(submitted.application).toMatchObject({
      status: "in_review",
      stage: "first-review",
      requestedFen: 15 * WAN,
      amountFen: 15 * WAN,
      policyVersion: 1,
      awardYear: 2026,
    });
    expect((await submitApplication(w.ctxAt(day("2026-06-01"), member), w.policy, draft.id)).alreadySubmitted).toBe(
      true,
    );

    await expect(
      reviewApplication(w.ctxAt(day("2026-06-02"), member), draft.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      reviewApplication(
        w.ctxAt(day("2026-06-02"), r1),
        draft.id,
        { action: "pass", amountFen: 20 * WAN, reason: "多给" },
        title,
      ),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await reviewApplication(
      w.ctxAt(day("2026-06-02"), r1),
      draft.id,
      { action: "pass", amountFen: 12 * WAN, reason: "部分合同未登记" },
      title,
    );
    // The same reviewer cannot pass the next stage too.
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-02"), r1), draft.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "forbidden" });
    const atPublicity = await reviewApplication(w.ctxAt(day("2026-06-03"), admin), draft.id, { action: "pass" }, title);
    expect(atPublicity).toMatchObject({
      stage: "publicity",
      amountFen: 12 * WAN,
      publicityFrom: "2026-06-03",
      publicityTo: "2026-06-09",
    });
    expect((await listPublicity(w)).rows.map((p) => p.id)).toEqual([draft.id]);

    expect(await advancePublicity(w.ctxAt(day("2026-06-09"), admin), title)).toBe(0); // still the last day
    expect(await advancePublicity(w.ctxAt(day("2026-06-10"), admin), title)).toBe(1);
    await expect(
      reviewApplication(w.ctxAt(day("2026-06-10"), r1), draft.id, { action: "pass" }, title),
    ).rejects.toMatchObject({ code: "forbidden" }); // 拨付 is the admin's
    // The admin who passed 复审 may approve payment: 公示, passed by the clock, stands between the two.
    const awarded = await reviewApplication(w.ctxAt(day("2026-06-11"), admin), draft.id, { action: "pass" }, title);
    expect(awarded).toMatchObject({ status: "awarded", amountFen: 12 * WAN });

    await expect(
      recordPayment(
        w.ctxAt(day("2026-06-12"), admin),
        draft.id,
        { amountFen: 13 * WAN, paidOn: "2026-06-12", voucherNo: "V-1" },
        "x",
      ),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await recordPayment(
      w.ctxAt(day("2026-06-12"), admin),
      draft.id,
      { amountFen: 5 * WAN, paidOn: "2026-06-12", voucherNo: "V-1" },
      "x",
    );
    await expect(
      recordPayment(
        w.ctxAt(day("2026-06-12"), admin),
        draft.id,
        { amountFen: 1 * WAN, paidOn: "2026-06-12", voucherNo: "V-1" },
        "x",
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    const paid = await recordPayment(
      w.ctxAt(day("2026-06-15"), admin),
      draft.id,
      { amountFen: 7 * WAN, paidOn: "2026-06-15", voucherNo: "V-2" },
      "x",
    );
    expect(paid.status).toBe("paid");
    expect(await w.db.select().from(subsidyPayments)).toHaveLength(2);

    const detail = await getApplication(w.ctxAt(day("2026-06-15"), member), draft.id);
    expect(detail.events.map((e) => e.action)).toEqual([
      "created",
      "submitted",
      "passed",
      "passed",
      "advanced",
      "awarded",
      "paid",
      "paid",
    ]);
    expect(detail.paidFen).toBe(12 * WAN);
    expect(detail.evaluation!.policyVersion).toBe(1);
    const notices = await w.db.select().from(outbox).where(eq(outbox.recipient, "applicant1@zibo.demo"));
    expect(notices.filter((n) => n.kind.startsWith("subsidy_")).length).toBe(7);
    expect((await w.db.select().from(subsidyEvents).where(eq(subsidyEvents.applicationId, draft.id))).length).toBe(8);
  });
});
