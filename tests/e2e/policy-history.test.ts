/**
 * 政策计算器 with past awards in a real Chromium: a visitor states the awards
 * the enterprise already has for 技术合同交易扶持 (at most 30万 a year), adds a
 * row with the site script's 再加一项, and reads the remainder and why; at the
 * cap the result is 0; a date that is no date is shown at its field.
 */
import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../../worker/lib/calendar";
import { useE2e } from "../support/e2e";
import { screenshot } from "../support/e2e-steps";

const e2e = useE2e({ name: "policy-history", demo: true });
const url = (path: string) => e2e.server.url(path);
const PHONE = { width: 375, height: 800 };
/** 1 January of this year (Asia/Shanghai): never after today, always this year's cap. */
const newYear = () => `${shanghaiDate(new Date()).slice(0, 4)}-01-01`;

describe("政策计算器 with past awards in Chromium", () => {
  it("a visitor enters two awards of this year and gets what is left of the 30万 cap, then 0 at the cap", async () => {
    const { page } = await e2e.chromium.newPage(PHONE);
    await page.goto(url("/policies/programmes/zibo-tech-contract"));
    const rows = page.locator("[data-award-row]");
    expect(await rows.count()).toBe(10);
    // The script shows one empty row; the rest wait behind 再加一项.
    expect(await rows.nth(0).isVisible()).toBe(true);
    expect(await rows.nth(1).isVisible()).toBe(false);

    await page.getByLabel("技术合同认定额(元)", { exact: true }).fill("12000000");
    await page.getByLabel("第 1 项:获得的项目").selectOption({ label: "技术合同交易扶持" });
    await page.getByLabel(/^第 1 项:获得日期/).fill(newYear());
    await page.getByLabel(/^第 1 项:金额/).fill("10万");
    await page.getByRole("button", { name: "再加一项" }).click();
    expect(await rows.nth(1).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-_award2_programme");
    await page.getByLabel("第 2 项:获得的项目").selectOption({ label: "技术合同交易扶持" });
    await page.getByLabel(/^第 2 项:获得日期/).fill(newYear());
    await page.getByLabel(/^第 2 项:金额/).fill("50000");
    await Promise.all([page.waitForURL(/_award2_amount=/), page.getByRole("button", { name: "计算" }).click()]);

    const result = page.locator("#result");
    expect(await result.locator(".verdict").textContent()).toBe("符合");
    let text = (await result.textContent()) ?? "";
    expect(text).toContain("已获15万元");
    expect(text).toContain("15万元");
    // The rows stay as typed; the filled rows and one empty one show.
    expect(await page.getByLabel(/^第 1 项:金额/).inputValue()).toBe("10万");
    expect(await rows.nth(2).isVisible()).toBe(true);
    expect(await rows.nth(3).isVisible()).toBe(false);
    await screenshot(page, "test-results/policy-calculator-awards-phone.png");

    await page.getByLabel(/^第 2 项:金额/).fill("20万");
    await Promise.all([page.waitForURL(/_award2_amount=20/), page.getByRole("button", { name: "计算" }).click()]);
    text = (await result.textContent()) ?? "";
    expect(text).toContain("已获30万元");
    expect(text).not.toContain("尚未获得");
    expect(await page.locator("#result").textContent()).toMatch(/0元|不符合/);
    await page.close();
  });

  it("says which row's date is wrong and keeps the rest", async () => {
    const { page } = await e2e.chromium.newPage(PHONE);
    await page.goto(
      url(
        "/policies/programmes/zibo-tech-contract?_calc=1&contractAmount=12000000" +
          "&_award1_programme=zibo-tech-contract&_award1_date=2026-02-30&_award1_amount=10%E4%B8%87",
      ),
    );
    expect(await page.locator("#f-_award1_date-error").textContent()).toContain("第 1 项");
    expect(await page.getByLabel(/^第 1 项:获得日期/).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel(/^第 1 项:金额/).inputValue()).toBe("10万");
    // The error summary takes focus and its link names the field.
    expect(await page.locator("[data-error-summary] a").first().textContent()).toContain("获得日期");
    await page.close();
  });

  it("raised no Content-Security-Policy violations on any page", () => {
    expect(e2e.chromium.cspErrors).toEqual([]);
  });
});
