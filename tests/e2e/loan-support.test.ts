/**
 * 贴息 and 风险补偿 end to end in a real Chromium against the Node entry with Changzhi's demo data
 * (issue 19). First, a loan the demo bank has approved (授信) is disbursed on the bank's page; the
 * enterprise is told it may apply for 贴息, starts the application from its loan page (the loan's
 * figures filled in), enters the interest period and the interest paid, uploads the materials and
 * submits; the bank confirms a different figure on its 贴息确认 page; the reviewer and the zone
 * admin pass 初审 and 复审; after 公示 the admin approves the award, computed from the confirmed
 * interest with the LPR cap. Second, the zone admin approves the demo bank's risk-compensation
 * claim and the pool's balance falls by exactly the amount paid; the bank sees it paid.
 */
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  loanApplications,
  loanProducts,
  riskClaims,
  riskPools,
  subsidyApplications,
  users,
} from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { useE2e } from "../support/e2e";
import { openPage, signInWithForm, usePdfFiles } from "../support/e2e-steps";
import { phoneLayoutFaults, seriousAxeViolations } from "./a11y-paths";

const e2e = useE2e({ name: "loan-support", demo: true });
const HOST = "changzhi.localhost";
const url = (path: string) => e2e.server.url(path, HOST);
const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };
const PASSWORD = "Demo-changzhi-2026";
const WAN = 1_000_000; // fen

const files = usePdfFiles(["借款合同", "计息期间的银行利息回单"]);

const open = (viewport: { width: number; height: number }) => openPage(e2e.chromium, viewport);
const logIn = (page: Page, email: string) => signInWithForm(page, url("/login"), email, PASSWORD);
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";
/**
 * The pages with this suite's data on them (a pool, a claim, a confirmed 贴息) — the accessibility suite
 * runs in Zibo, which has neither: every axe rule, and at phone width the layout checks, here too.
 */
async function accessible(page: Page) {
  const faults = (await seriousAxeViolations(page)).map((v) => `axe ${v.rule}: ${v.help} → ${v.targets.join(" | ")}`);
  if ((page.viewportSize()?.width ?? 0) < 500) faults.push(...(await phoneLayoutFaults(page)));
  expect(faults, `${page.url()}:\n${faults.join("\n")}`).toEqual([]);
}

/** A 科技助保贷 loan of enterprise@changzhi.demo, approved by the bank (授信): 100万元 at 4.20%, 12 months. */
async function approvedLoan(): Promise<string> {
  return e2e.server.withTenantDb("changzhi", async (db) => {
    const [member] = await db.select().from(users).where(eq(users.email, "enterprise@changzhi.demo"));
    const [product] = await db.select().from(loanProducts).where(eq(loanProducts.name, "科技助保贷"));
    const id = newId();
    const t = Date.now();
    await db.insert(loanApplications).values({
      id,
      productId: product!.id,
      bankId: product!.bankId,
      enterpriseId: member!.enterpriseId!,
      createdBy: member!.id,
      amountFen: 100 * WAN,
      termMonths: 12,
      status: "approved",
      approvedAmountFen: 100 * WAN,
      approvedRateBp: 420,
      approvedTermMonths: 12,
      submittedAt: t,
      acceptedAt: t,
      decidedAt: t,
      acceptDueOn: "2026-09-01",
    });
    return id;
  });
}

describe("贴息 and 风险补偿 in Chromium (Changzhi)", () => {
  it("a loan is disbursed, 贴息 is applied for from it, the bank confirms the interest, it is approved", async () => {
    const loanId = await approvedLoan();

    // ── The bank registers the 放款 on the loan's page.
    const banker = await open(DESKTOP);
    let page = banker.page;
    await logIn(page, "bank@changzhi.demo");
    await page.goto(url(`/bank/loans/${loanId}`));
    await page.getByLabel("放款日期").fill("2026-09-01");
    await Promise.all([page.waitForURL(/done=/), page.getByRole("button", { name: "登记放款" }).click()]);
    expect(await mainText(page)).toContain("已放款");

    // ── The enterprise is told, opens the loan and starts the 贴息 application from it (on a phone).
    const member = await open(PHONE);
    page = member.page;
    await logIn(page, "enterprise@changzhi.demo");
    await page.goto(url("/notices"));
    expect(await mainText(page)).toContain("贴息");
    await page.goto(url(`/finance/loans/${loanId}`));
    const panel = page.locator("#interest");
    expect(await panel.textContent()).toContain("科技型企业贷款贴息(演示)");
    await accessible(page);
    await Promise.all([
      page.waitForURL(/\/subsidies\/applications\/[a-z2-7]{26}/),
      panel.getByRole("button", { name: /申请贴息/ }).click(),
    ]);
    const applicationPath = new URL(page.url()).pathname;
    const applicationId = applicationPath.split("/").at(-1)!;
    // The loan's record filled what it knows.
    const facts = await e2e.server.withTenantDb("changzhi", async (db) => {
      const [row] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, applicationId));
      return { loanId: row!.loanId, facts: JSON.parse(row!.facts) as Record<string, unknown> };
    });
    expect(facts).toMatchObject({
      loanId,
      facts: { loanAmount: 100 * WAN, loanRate: 4.2, interestFrom: "2026-09-01", productType: "guarantee" },
    });
    for (const [name, file] of Object.entries(files)) {
      await page.locator(".mats > li").filter({ hasText: name }).locator("input[type=file]").setInputFiles(file);
      await page.locator(".mats > li").filter({ hasText: name }).locator(".tag", { hasText: "已上传" }).waitFor();
    }
    await page.getByLabel(/^计息截止日/).fill("2026-11-30");
    await page.getByLabel(/^计息期间实际支付利息/).fill("10000");
    await Promise.all([page.waitForURL(/done=submitted/), page.getByRole("button", { name: "提交申报" }).click()]);
    expect(await mainText(page)).toContain("初审");
    await accessible(page);
    await member.context.close();

    // ── The bank confirms the interest paid: 10,500元 by its records, not the 10,000元 entered.
    page = banker.page;
    await page.goto(url("/bank/interest-confirmations"));
    const mine = page
      .locator("section.card")
      .filter({ has: page.locator(`form[action="/bank/interest-confirmations/${applicationId}"]`) });
    expect(await mine.count()).toBe(1);
    await accessible(page);
    await mine.getByLabel(/^核实的已付利息/).fill("10500");
    await Promise.all([page.waitForURL(/done=/), mine.getByRole("button", { name: "确认利息" }).click()]);
    await banker.context.close();

    // ── 初审 by the reviewer, 复审 by the admin, then 公示.
    const reviewer = await open(DESKTOP);
    page = reviewer.page;
    await logIn(page, "reviewer@changzhi.demo");
    await page.goto(url(`/admin${applicationPath}`));
    expect(await mainText(page)).toContain("银行确认");
    await Promise.all([page.waitForURL(/done=pass/), page.getByRole("button", { name: "通过初审" }).click()]);
    await reviewer.context.close();
    const admin = await open(DESKTOP);
    page = admin.page;
    await logIn(page, "admin@changzhi.demo");
    await page.goto(url(`/admin${applicationPath}`));
    await Promise.all([page.waitForURL(/done=pass/), page.getByRole("button", { name: "通过复审" }).click()]);
    expect(await page.locator(".lead .tag").first().textContent()).toBe("公示中");

    // ── 公示 ends (its dates moved into the past; the cron's job moves it on), and the admin approves.
    await e2e.server.withTenantDb("changzhi", (db) =>
      db
        .update(subsidyApplications)
        .set({ publicityFrom: "2020-01-02", publicityTo: "2020-01-08" })
        .where(eq(subsidyApplications.id, applicationId)),
    );
    await e2e.server.runScheduled();
    await page.goto(url(`/admin${applicationPath}`));
    await Promise.all([page.waitForURL(/done=award/), page.getByRole("button", { name: "批准拨付" }).click()]);
    expect(await page.locator(".lead .tag").first().textContent()).toBe("已批准,待拨付");
    // 91 days (2026-09-01…11-30, both ends): contract interest 100万 × 4.20% × 91 ÷ 360 = 10,616.67元, so the
    // confirmed 10,500元 stands; × 50% = 5,250元; the LPR cap, 100万 × 3.00% × 91 ÷ 360 = 7,583.33元 × 60%
    // = 4,550元, binds.
    const awarded = await e2e.server.withTenantDb("changzhi", async (db) => {
      const [row] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, applicationId));
      return row!;
    });
    expect(awarded).toMatchObject({ status: "awarded", amountFen: 455_000, interestConfirmedFen: 1_050_000 });
    expect(await mainText(page)).toContain("1年期LPR 3.00%");
    await accessible(page);
    await admin.context.close();
  }, 120_000);

  it("the admin approves the bank's claim, the pool pays exactly that amount, the bank sees it paid", async () => {
    const before = await e2e.server.withTenantDb("changzhi", async (db) => {
      const [claim] = await db.select().from(riskClaims).where(eq(riskClaims.status, "submitted"));
      const [pool] = await db.select().from(riskPools).where(eq(riskPools.id, claim!.poolId));
      return { claim: claim!, pool: pool! };
    });
    const admin = await open(PHONE);
    let page = admin.page;
    await logIn(page, "admin@changzhi.demo");
    await page.goto(url("/admin/risk-pool"));
    expect(await mainText(page)).toContain("科技助保贷风险补偿资金池(演示)");
    await accessible(page);
    await Promise.all([
      page.waitForURL(/\/admin\/risk-pool\/claims\//),
      page.locator(`a[href="/admin/risk-pool/claims/${before.claim.id}"]`).first().click(),
    ]);
    await accessible(page);
    // 未偿本金240万元, 首贷 90%: 216万元, within the 300万元 per-loan cap.
    await Promise.all([page.waitForURL(/done=/), page.getByRole("button", { name: /^批准补偿/ }).click()]);
    expect(await mainText(page)).toContain("已补偿");
    await admin.context.close();

    const after = await e2e.server.withTenantDb("changzhi", async (db) => {
      const [claim] = await db.select().from(riskClaims).where(eq(riskClaims.id, before.claim.id));
      const [pool] = await db.select().from(riskPools).where(eq(riskPools.id, before.pool.id));
      return { claim: claim!, pool: pool! };
    });
    expect(after.claim).toMatchObject({ status: "approved", amountFen: 216 * WAN });
    expect(after.pool.balanceFen).toBe(before.pool.balanceFen - 216 * WAN);

    const bank = await open(PHONE);
    page = bank.page;
    await logIn(page, "bank@changzhi.demo");
    await page.goto(url("/bank/risk-pool"));
    expect(await mainText(page)).toContain("已补偿");
    expect(await mainText(page)).not.toContain("可用余额");
    await accessible(page);
    await bank.context.close();
  }, 60_000);

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
