/**
 * 金融超市 end to end in a real Chromium against the Node entry with the demo
 * data: the demo bank's staff create a product on their own pages and publish
 * it; it is in the public catalogue; an enterprise member posts a need whose
 * terms only that product fits (a mortgage — no demo product takes one), sees
 * it ranked first with every criterion met, opens it from the ranked list and
 * applies, ticking the separate consent; the bank opens the application and
 * approves (授信); the enterprise sees the decision, and a notice of it in its
 * 消息中心 (消息 (1) in the header; 查看 opens the application). Another member asks for
 * more than a product lends and is told its range, applies within it, finds
 * the product page pointing to that application, and withdraws it after the
 * confirmation. The enterprise's pages must not scroll sideways on a phone or
 * break the CSP.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useE2e } from "../support/e2e";
import { expectNoSidewaysScroll, openPage, signInWithForm, screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "finance", demo: true });
const url = (path: string) => e2e.server.url(path);
const PHONE = { width: 375, height: 800 };
const PASSWORD = "Demo-zibo-2026";
const PRODUCT = "科技设备抵押贷";

const open = (viewport: { width: number; height: number }) => openPage(e2e.chromium, viewport);
const logIn = (page: Page, email: string) => signInWithForm(page, url("/login"), email, PASSWORD);
const noSideways = expectNoSidewaysScroll;

describe("金融超市 in Chromium", () => {
  it("a bank publishes a product, an enterprise's need ranks " +
    "it first, the enterprise applies and the bank approves", async () => {
    // ── The demo bank's staff create the product and publish it.
    const banker = await open({ width: 1280, height: 900 });
    let page = banker.page;
    await logIn(page, "bank@zibo.demo");
    await page.goto(url("/bank/new-product"));
    await page.getByLabel("产品名称").fill(PRODUCT);
    await page.getByLabel("产品类型").selectOption("mortgage");
    await page.getByLabel("最低额度(万元)").fill("100");
    await page.getByLabel("最高额度(万元)").fill("2000");
    await page.getByLabel("最低年利率(%)").fill("3.6");
    await page.getByLabel("最高年利率(%)").fill("4.5");
    await page.getByLabel("最短期限(月)").fill("12");
    await page.getByLabel("最长期限(月)").fill("60");
    await page.getByLabel("信用", { exact: true }).uncheck();
    await page.getByLabel("抵押", { exact: true }).check();
    await page.getByLabel("新材料", { exact: true }).check();
    await page.getByLabel("高新技术企业", { exact: true }).check();
    await page.getByLabel("最低经营年限(年)").fill("3");
    await page.getByLabel("最低年营业收入(万元)").fill("5000");
    await page.getByLabel("产品特色").fill("以厂房、设备抵押,支持技术改造和设备购置。");
    await page.getByLabel("申请材料").fill("营业执照\n抵押物权属证明\n近两年财务报表");
    await Promise.all([
      page.waitForURL(/\/bank\/products\/[a-z2-7]{26}\?done=created/),
      page.getByRole("button", { name: "保存为草稿" }).click(),
    ]);
    await Promise.all([
      page.waitForURL(/\/bank\/products\?done=published/),
      page.getByRole("button", { name: "发布" }).click(),
    ]);

    // ── Anyone finds it in the catalogue by the guarantee it takes.
    const visitor = await open(PHONE);
    await visitor.page.goto(url("/"));
    await Promise.all([
      visitor.page.waitForURL("**/finance"),
      visitor.page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "金融超市" }).click(),
    ]);
    await visitor.page.getByLabel("可提供的担保").selectOption("mortgage");
    await Promise.all([
      visitor.page.waitForURL(/guarantee=mortgage/),
      visitor.page.getByRole("button", { name: "筛选" }).click(),
    ]);
    expect(await visitor.page.locator(".prod h3 a").allTextContents()).toEqual([PRODUCT]);
    await noSideways(visitor.page);
    await screenshot(visitor.page, "test-results/finance-catalogue-phone.png");
    await visitor.context.close();

    // ── The enterprise member posts a need only that product fits and sees it ranked first.
    const member = await open(PHONE);
    page = member.page;
    await logIn(page, "applicant1@zibo.demo");
    await Promise.all([
      page.waitForURL("**/finance/needs"),
      page.getByRole("navigation", { name: "工作台" }).getByRole("link", { name: "融资需求" }).click(),
    ]);
    await page.getByLabel("金额(万元)").fill("600");
    await page.getByLabel("期限(月)").fill("24");
    await page.getByLabel("资金用途").fill("购置新一代陶瓷烧结设备");
    await page.getByLabel("抵押", { exact: true }).check();
    await Promise.all([
      page.waitForURL(/\/finance\/needs\/[a-z2-7]{26}\?done=posted/),
      page.getByRole("button", { name: "发布融资需求" }).click(),
    ]);
    const first = page.locator("ol.ranked > li").first();
    expect(await first.locator("h3").textContent()).toBe(PRODUCT);
    expect(await first.locator(".cond-verdict").allTextContents()).toEqual(Array(7).fill("符合"));
    expect(await page.locator("ol.ranked > li").nth(1).textContent()).toContain("不符合");
    await noSideways(page);
    await screenshot(page, "test-results/finance-need-ranked-phone.png");

    // ── It applies from the product's page, the need chosen, ticking the consent.
    await Promise.all([
      page.waitForURL(/\/finance\/products\/[a-z2-7]{26}\?need=/),
      first.getByRole("link", { name: "查看产品并申请" }).click(),
    ]);
    expect(await page.getByLabel("申请金额(万元)").inputValue()).toBe("600");
    const consent = page.getByLabel(/^同意示范银行淄博市分行查看本企业的资质、成立年限和营业收入/);
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await noSideways(page);
    await screenshot(page, "test-results/finance-apply-phone.png");
    await Promise.all([
      page.waitForURL(/\/finance\/loans\/[a-z2-7]{26}\?done=applied/),
      page.getByRole("button", { name: "提交贷款申请" }).click(),
    ]);
    const loanPath = new URL(page.url()).pathname;
    const loanId = loanPath.split("/").at(-1)!;
    expect(await page.locator(".lead .tag").textContent()).toBe("已提交,待受理");

    // ── The bank opens the application and approves it (授信) within the product's ranges.
    page = banker.page;
    await page.goto(url(`/bank/loans/${loanId}`));
    await page.getByLabel("授信金额(万元)").fill("500");
    await page.getByLabel("年利率(%)").fill("3.85");
    await Promise.all([
      page.waitForURL(/done=approve/),
      page.getByRole("button", { name: "授信", exact: true }).click(),
    ]);
    await banker.context.close();

    // ── The enterprise sees the decision.
    page = member.page;
    await page.goto(url(loanPath));
    expect(await page.locator(".lead .tag").textContent()).toBe("已授信");
    const decision = (await page.locator("#decision-heading + dl").textContent()) ?? "";
    for (const text of ["500万元", "3.85%", "24个月"]) expect(decision).toContain(text);
    expect(await page.locator(".timeline").textContent()).toContain("授信");
    await noSideways(page);
    await screenshot(page, "test-results/finance-loan-approved-phone.png");

    // ── …and is told in the 消息中心: the header counts it, 查看 opens the application.
    const messages = page.getByRole("navigation", { name: "账号" }).locator('a[href="/notices"]');
    expect((await messages.textContent())?.trim()).toBe("消息 (1)");
    await Promise.all([page.waitForURL(url("/notices")), messages.click()]);
    const told = page.locator("ol.notices li", { hasText: "贷款申请已获授信" });
    expect(await told.count()).toBe(1);
    expect(await told.textContent()).toContain(`已批准“${PRODUCT}”的贷款申请:授信500万元,年利率3.85%,期限24个月。`);
    await noSideways(page);
    await Promise.all([
      page.waitForURL(`**${loanPath}`),
      told.getByRole("button", { name: "查看:贷款申请已获授信" }).click(),
    ]);
    expect((await messages.textContent())?.trim()).toBe("消息");
    await member.context.close();
  }, 60_000);

  it("refuses an amount over the product's maximum naming its range; a pending application replaces the form until " +
    "it is withdrawn, after confirming", async () => {
    const member = await open(PHONE);
    const page = member.page;
    await logIn(page, "enterprise@zibo.demo");
    // The demo's 科技保险贷 lends 50万元 to 500万元.
    await page.goto(url(`/finance?q=${encodeURIComponent("科技保险贷")}`));
    await Promise.all([
      page.waitForURL(/\/finance\/products\/[a-z0-9-]+$/),
      page.locator(".prod h3 a", { hasText: "科技保险贷" }).first().click(),
    ]);
    const productUrl = page.url();
    await page.getByLabel("申请金额(万元)").fill("600");
    await page.getByLabel("期限(月)").fill("12");
    await page.getByLabel(/^同意示范银行淄博市分行查看本企业/).check();
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/finance/loans"),
      page.getByRole("button", { name: "提交贷款申请" }).click(),
    ]);
    expect(await page.locator("#f-amount-error").textContent()).toBe("申请金额须在50万元至500万元之间");
    expect(await page.getByLabel("申请金额(万元)").inputValue()).toBe("600");

    await page.getByLabel("申请金额(万元)").fill("300");
    await Promise.all([
      page.waitForURL(/\/finance\/loans\/[a-z2-7]{26}\?done=applied/),
      page.getByRole("button", { name: "提交贷款申请" }).click(),
    ]);
    const loanPath = new URL(page.url()).pathname;

    // Back on the product: no second form, a link to the application in progress.
    await page.goto(productUrl);
    expect(await page.getByRole("button", { name: "提交贷款申请" }).count()).toBe(0);
    expect(await page.locator("#apply-heading + *").textContent()).toContain("你已申请过这个产品,正在办理中。");
    await Promise.all([page.waitForURL(`**${loanPath}`), page.getByRole("link", { name: "查看这笔申请" }).click()]);
    await noSideways(page);

    // 撤回申请 asks first: dismissing keeps the application, accepting withdraws it.
    const questions: string[] = [];
    page.once("dialog", (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("button", { name: "撤回申请" }).click();
    expect(questions).toEqual([expect.stringContaining("确定撤回这笔贷款申请吗")]);
    expect(new URL(page.url()).search).toBe("");
    expect(await page.locator(".lead .tag").textContent()).toBe("已提交,待受理");
    await page.getByLabel("撤回原因(选填)").fill("资金已到位");
    page.once("dialog", (d) => void d.accept());
    await Promise.all([page.waitForURL(/done=withdrawn/), page.getByRole("button", { name: "撤回申请" }).click()]);
    expect(await page.locator(".lead .tag").textContent()).toBe("已撤回");
    expect(await page.locator(".timeline").textContent()).toContain("撤回原因:资金已到位");
    expect(await page.getByRole("button", { name: "撤回申请" }).count()).toBe(0);

    // The product offers the form again.
    await page.goto(productUrl);
    expect(await page.getByRole("button", { name: "提交贷款申请" }).count()).toBe(1);
    await member.context.close();
  }, 60_000);

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
