/**
 * The payment ledger and the staff dashboard against a real libSQL database:
 * payments never exceed the award (not even two recorded at once), a voucher
 * number is used once, and the dashboard and CSV show counts by programme and
 * stage, budget used, average days per stage, with formula-safe cells.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { subsidyPayments } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import { createApplication } from "./create-application";
import { applicationsCsv, subsidyDashboard } from "./dashboard";
import { advancePublicity } from "./publicity";
import { recordPayment } from "./record-payment";
import { reviewApplication } from "./review-application";
import { atPayment, newEnterprise, rowOf, staffedWorld, submitted } from "./test-programmes";

const WAN = 1_000_000;
const day = (d: string) => new Date(`${d}T02:00:00Z`); // 10:00 in Shanghai

const world = staffedWorld;

describe("recording payments", () => {
  it("never pays more than the award, uses a voucher once, and ends paid", async () => {
    const { w, policy, member, admin, title } = await world();
    const id = await atPayment(w.db, {
      programme: "test-budget",
      enterpriseId: member.enterpriseId!,
      createdBy: member.id,
      amountFen: 30 * WAN,
      policyVersion: policy.version.id,
    });
    const ctx = w.ctxAt(day("2026-06-12"), admin);
    const pay = (amountFen: number, voucherNo: string, paidOn = "2026-06-12", at = ctx) =>
      recordPayment(at, id, { amountFen, paidOn, voucherNo }, "x");

    await expect(pay(WAN, "V-0")).rejects.toMatchObject({
      code: "conflict",
      message: "只有已批准拨付的申报可以登记拨付。",
    });
    expect(await reviewApplication(ctx, id, { action: "pass" }, title)).toMatchObject({
      status: "awarded",
      amountFen: 30 * WAN,
    });
    await expect(
      pay(WAN, "V-0", "2026-06-12", w.ctxAt(day("2026-06-12"), await w.actorOf("reviewer@zibo.demo"))),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(pay(31 * WAN, "V-0")).rejects.toMatchObject({
      code: "validation_failed",
      message: "拨付金额超出核定金额:核定30万元,已拨付0万元,最多还可拨付30万元。",
    });
    await expect(pay(WAN, "V-0", "2026-06-13")).rejects.toMatchObject({
      code: "validation_failed",
      fields: { paidOn: "不能晚于今天" },
    });
    // A payment date is within the last year (the request's clock), not 1000-01-01.
    await expect(pay(WAN, "V-0", "2025-06-11")).rejects.toMatchObject({
      code: "validation_failed",
      fields: { paidOn: "拨付日期须在 2025-06-12 至 2026-06-12 之间" },
    });
    await expect(pay(WAN, "V-0", "1000-01-01")).rejects.toMatchObject({
      code: "validation_failed",
      message: "拨付日期须在 2025-06-12 至 2026-06-12 之间。",
    });
    expect(await w.db.select().from(subsidyPayments)).toHaveLength(0);

    await pay(10 * WAN, "V-1");
    await expect(pay(WAN, "V-1")).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      message: "凭证号 V-1 已登记过。",
    });
    // Two clerks record at once against the 20万 left: one goes in, the other is refused.
    const both = await Promise.allSettled([pay(15 * WAN, "V-2"), pay(15 * WAN, "V-3")]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const paid = (await w.db.select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id))).reduce(
      (s, p) => s + p.amountFen,
      0,
    );
    expect(paid).toBe(25 * WAN);
    await expect(pay(6 * WAN, "V-4")).rejects.toMatchObject({
      code: "validation_failed",
      message: "拨付金额超出核定金额:核定30万元,已拨付25万元,最多还可拨付5万元。",
    });
    expect(await pay(5 * WAN, "V-4")).toMatchObject({ status: "paid" });
    await expect(pay(1, "V-5")).rejects.toMatchObject({ code: "conflict", message: "这份申报已全部拨付。" });
    expect(
      (await w.db.select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id))).map((p) => [
        p.voucherNo,
        p.amountFen,
        p.recordedBy,
      ]),
    ).toHaveLength(3);
  });

  it("a voucher already used for another application is refused with 409", async () => {
    const { w, policy, member, admin, title } = await world();
    const ctx = w.ctxAt(day("2026-06-12"), admin);
    const a = await atPayment(w.db, {
      programme: "test-once",
      enterpriseId: member.enterpriseId!,
      createdBy: member.id,
      amountFen: 10 * WAN,
      policyVersion: policy.version.id,
    });
    const other = await newEnterprise(w.db, "淄博另一家科技有限公司");
    const b = await atPayment(w.db, {
      programme: "test-once",
      enterpriseId: other.enterpriseId,
      createdBy: other.id,
      amountFen: 10 * WAN,
      policyVersion: policy.version.id,
    });
    await reviewApplication(ctx, a, { action: "pass" }, title);
    await reviewApplication(ctx, b, { action: "pass" }, title);
    await recordPayment(ctx, a, { amountFen: 10 * WAN, paidOn: "2026-06-12", voucherNo: "PZ-2026-001" }, "x");
    const before = await rowOf(w.db, b);
    await expect(
      recordPayment(ctx, b, { amountFen: 10 * WAN, paidOn: "2026-06-12", voucherNo: "PZ-2026-001" }, "x"),
    ).rejects.toMatchObject({ code: "conflict", status: 409, fields: { voucherNo: "已登记过" } });
    expect(await rowOf(w.db, b)).toEqual(before);
  });
});

describe("the dashboard and the CSV export", () => {
  it("count by programme and stage, show budget use and average days per stage, and export safe cells", async () => {
    const { w, policy, member, r1, admin, title } = await world();
    // A: tech contract through every stage: 初审 2 days, 复审 1, 公示 7 (calendar), 拨付 1.
    const a = await submitted(
      w,
      policy,
      member,
      "zibo-tech-contract",
      { facts: { contractAmountFen: 500 * WAN } },
      day("2026-06-01"),
    );
    await reviewApplication(w.ctxAt(day("2026-06-03"), r1), a.id, { action: "pass" }, title);
    await reviewApplication(w.ctxAt(day("2026-06-04"), admin), a.id, { action: "pass" }, title);
    expect(await advancePublicity(w.ctxAt(day("2026-06-11"), admin), title)).toBe(1);
    await reviewApplication(w.ctxAt(day("2026-06-12"), admin), a.id, { action: "pass" }, title);
    await recordPayment(
      w.ctxAt(day("2026-06-12"), admin),
      a.id,
      { amountFen: 5 * WAN, paidOn: "2026-06-12", voucherNo: "V-1" },
      "x",
    );
    // B: waits at 初审, from an enterprise whose name would be a formula in Excel.
    const evil = await newEnterprise(w.db, `=HYPERLINK("http://evil.example","点我"),1`);
    const b = await submitted(w, policy, evil, "test-budget", {}, day("2026-06-01"));
    // C: rejected at 初审 after 1 day.
    const c = await submitted(w, policy, member, "test-budget", {}, day("2026-06-01"));
    await reviewApplication(w.ctxAt(day("2026-06-02"), r1), c.id, { action: "reject", reason: "重复申报" }, title);
    // D: awarded from the budget (arranged at 拨付); E: a draft, which staff do not count.
    const other = await newEnterprise(w.db, "淄博预算测试有限公司");
    const d = await atPayment(w.db, {
      programme: "test-budget",
      enterpriseId: other.enterpriseId,
      createdBy: other.id,
      amountFen: 30 * WAN,
      policyVersion: policy.version.id,
      at: day("2026-06-05").getTime(),
    });
    await reviewApplication(w.ctxAt(day("2026-06-12"), admin), d, { action: "pass" }, title);
    await createApplication(w.ctxAt(day("2026-06-01"), member), policy, { programme: "test-once" }, null);

    const dash = await subsidyDashboard(w, policy.compiled, 2026);
    expect(dash.programmes.map((p) => p.id).sort()).toEqual(["test-budget", "zibo-tech-contract"]);
    const byId = new Map(dash.programmes.map((p) => [p.id, p]));
    expect(byId.get("zibo-tech-contract")).toMatchObject({
      title: "技术合同交易扶持",
      budgetFen: null,
      awardedThisYearFen: 15 * WAN,
      paidFen: 5 * WAN,
      byStatus: [
        { status: "awarded", statusZh: "已批准,待拨付", stage: "payment", stageZh: "拨付", n: 1, amountFen: 15 * WAN },
      ],
    });
    const budget = byId.get("test-budget")!;
    expect(budget).toMatchObject({ budgetFen: 100 * WAN, awardedThisYearFen: 30 * WAN, paidFen: 0 });
    expect(budget.byStatus.map((s) => [s.status, s.stage, s.n, s.amountFen]).sort()).toEqual([
      ["awarded", "payment", 1, 30 * WAN],
      ["in_review", "first-review", 1, 30 * WAN],
      ["rejected", "first-review", 1, 30 * WAN],
    ]);
    expect(dash.stages).toEqual([
      { key: "first-review", zh: "初审", waiting: 1, averageDays: 1.5, completed: 2 },
      { key: "second-review", zh: "复审", waiting: 0, averageDays: 1, completed: 1 },
      { key: "publicity", zh: "公示", waiting: 0, averageDays: 7, completed: 1 },
      { key: "payment", zh: "拨付", waiting: 0, averageDays: 1, completed: 1 },
    ]);
    expect((await subsidyDashboard(w, policy.compiled, 2025)).programmes.every((p) => p.awardedThisYearFen === 0)).toBe(
      true,
    );

    const csv = await applicationsCsv(w, policy.compiled);
    expect(
      csv.startsWith(
        "\uFEFF申报编号,企业名称,统一社会信用代码,项目编号,项目名称,状态,环节,测算金额(元),核定金额(元),申报年度,政策版本,提交时间(北京时间)\r\n",
      ),
    ).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(1 + 4 + 1); // header, A B C D (not the draft), and the last line's CRLF
    // Rows carry the application number people know (ZB-2026-…, in created order), never the internal id.
    expect(csv).not.toContain(a.id);
    // A, B and C were created in that order on 2026-06-01: numbers 1, 2, 3 of 2026.
    expect([a, b, c].map((x) => applicationNumber(w.zone, "subsidy", x))).toEqual([
      "ZB-2026-000001",
      "ZB-2026-000002",
      "ZB-2026-000003",
    ]);
    const evilLine = lines.find((l) => l.startsWith("ZB-2026-000002,"))!;
    // The formula is data: quoted for its comma and quotes, and led by an apostrophe Excel will not evaluate.
    expect(evilLine).toContain(`,"'=HYPERLINK(""http://evil.example"",""点我""),1",`);
    // Submitted 02:00 UTC is 10:00 in Beijing, as the pages say.
    expect(lines.find((l) => l.startsWith("ZB-2026-000001,"))).toContain(
      `,zibo-tech-contract,技术合同交易扶持,"已批准,待拨付",拨付,150000.00,150000.00,2026,${policy.version.id},2026-06-01 10:00:00`,
    );
  });
});
