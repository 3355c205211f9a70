/**
 * Every evaluation of an enterprise reads the same award history
 * (worker/features/subsidies/award-history.ts): 政策匹配 (page and API), the
 * staff's 政策找企业 and creating an application. An award or an application
 * in progress (here in 公示) counts against the limits: an enterprise whose
 * 研发投入普惠制补贴 (at most 100万 a year, clause 14 of the 2026 rules) is in
 * 公示 at 100万 is not told 可以申报; one with 50万 in review is told the
 * remaining 50万 and why; a second application for a once-only programme is
 * refused when it is created.
 */
import { describe, expect, it } from "vitest";
import { enterpriseYearlyFigures, subsidyApplications, type SubsidyStatus } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { newId } from "../../worker/lib/ids";
import { call, dbFor } from "./auth-support";
import { recomputeMatches, storedMatch } from "./programme-matches-support";
import { api, APPS, enterpriseWithMember, host, slug, WAN, type Json } from "./subsidies-support";

const RD = "zibo-rd-inclusive";
const FIRST_FAIL = "zibo-hitech-first-fail"; // clause 15: once only
const DEAL = "zibo-tech-contract"; // clause 21: at most 30万 a year
const year = () => Number(shanghaiDate(new Date()).slice(0, 4));

/** An enterprise of this test's own whose figures qualify it for 50万 of 研发投入普惠制补贴. */
async function qualifyingEnterprise() {
  const e = await enterpriseWithMember();
  const YI = 10_000 * WAN;
  await dbFor(slug)
    .insert(enterpriseYearlyFigures)
    .values([
      {
        enterpriseId: e.id,
        year: year() - 2,
        revenueFen: 2 * YI + 5000 * WAN,
        rdExpenseFen: 800 * WAN,
        rdSuperDeductionFen: 2000 * WAN,
        updatedAt: Date.now(),
      },
      {
        enterpriseId: e.id,
        year: year() - 1,
        revenueFen: 3 * YI,
        rdExpenseFen: 960 * WAN,
        rdSuperDeductionFen: 3000 * WAN,
        updatedAt: Date.now(),
      },
    ]);
  return e;
}

/** An application of the enterprise written as the subsidy flow leaves it: in 公示 by default. */
async function application(
  e: { id: string; member: { id: string } },
  programmeId: string,
  amountFen: number,
  status: SubsidyStatus = "in_review",
  stage: string | null = "publicity",
) {
  const now = Date.now();
  await dbFor(slug)
    .insert(subsidyApplications)
    .values({
      id: newId(),
      programmeId,
      enterpriseId: e.id,
      createdBy: e.member.id,
      status,
      stage: status === "in_review" || status === "returned" ? stage : null,
      requestedFen: amountFen,
      amountFen,
      awardYear: status === "draft" ? null : year(),
      createdAt: now,
      updatedAt: now,
      submittedAt: status === "draft" ? null : now,
    });
}

async function myMatch(cookie: string, programme: string) {
  const res = await api("GET", "/api/v1/policy/matches", { cookie });
  expect(res.status).toBe(200);
  return (res.body.matches as Json[]).find((m) => m.programme.id === programme)!;
}

/** The staff's stored list, recomputed by its background job after the enterprise's changes. */
async function staffMatch(enterpriseId: string, programme: string) {
  await recomputeMatches(programme);
  return (await storedMatch(programme, enterpriseId))!;
}

const reasons = (m: Json) => (m.result.conditions as { reason: string }[]).map((c) => c.reason).join(";");

describe("政策匹配 and 政策找企业 read the enterprise's awards and applications in progress", () => {
  it("tells a fresh enterprise it may apply for 50万", async () => {
    const e = await qualifyingEnterprise();
    expect(await myMatch(e.member.cookie, RD)).toMatchObject({
      tier: "eligible",
      result: { eligible: true, amountFen: 50 * WAN },
    });
    expect(await staffMatch(e.id, RD)).toMatchObject({ tier: "eligible" });
  });

  it(
    "does not tell an enterprise with the year's 100万 in 公示 that it may apply, " +
      "on the page, the API or the staff's list",
    async () => {
      const e = await qualifyingEnterprise();
      await application(e, RD, 100 * WAN);
      const mine = await myMatch(e.member.cookie, RD);
      expect(mine.tier).toBe("ineligible");
      expect(mine.result).toMatchObject({ eligible: false, amountFen: 0 });
      expect(reasons(mine)).toContain("已有一份在审");
      expect(reasons(mine)).not.toContain("尚未获得");
      expect(await staffMatch(e.id, RD)).toMatchObject({ tier: "ineligible", result: { eligible: false } });

      const page = await call(host, "GET", "/policies/match", { cookie: e.member.cookie });
      expect(page.status).toBe(200);
      const html = await page.text();
      const eligibleSection = html.slice(html.indexOf("可以申报"), html.indexOf("暂不符合"));
      expect(eligibleSection).not.toContain("科技型企业研发投入普惠制补贴");
      expect(html).toContain("可申报金额按在审金额预留100万元");
    },
  );

  it("reserves what an application in review asks for: 50万 of the 100万 cap leaves 50万", async () => {
    const e = await qualifyingEnterprise();
    await application(e, RD, 50 * WAN, "in_review", "first-review");
    const mine = await myMatch(e.member.cookie, RD);
    expect(mine).toMatchObject({ tier: "eligible", result: { eligible: true, amountFen: 50 * WAN } });
    expect(reasons(mine)).toContain("已有一份在审");
    // Reserved, not received: nothing has been awarded yet.
    expect(reasons(mine)).toContain("在审申报预留50万元,尚可获得50万元");
    expect(reasons(mine)).not.toContain("已获");
  });

  it("counts awards (awarded or paid) and leaves drafts, rejected and withdrawn applications out", async () => {
    const awarded = await qualifyingEnterprise();
    await application(awarded, RD, 60 * WAN, "paid");
    await application(awarded, RD, 40 * WAN, "awarded");
    expect(await myMatch(awarded.member.cookie, RD)).toMatchObject({ tier: "ineligible", result: { eligible: false } });
    expect(await staffMatch(awarded.id, RD)).toMatchObject({ tier: "ineligible" });

    const dead = await qualifyingEnterprise();
    for (const status of ["draft", "rejected", "withdrawn"] as const) await application(dead, RD, 100 * WAN, status);
    expect(await myMatch(dead.member.cookie, RD)).toMatchObject({
      tier: "eligible",
      result: { eligible: true, amountFen: 50 * WAN },
    });
  });
});

describe("creating an application reads the same history", () => {
  it(
    "refuses a second application for a once-only programme while the first is in 公示, " +
      "or after its award, with 409",
    async () => {
      for (const status of ["in_review", "awarded"] as const) {
        const e = await enterpriseWithMember();
        await application(e, FIRST_FAIL, 3 * WAN, status);
        const res = await api("POST", APPS, { cookie: e.member.cookie, data: { programme: FIRST_FAIL } });
        expect(res.status, status).toBe(409);
        expect(res.body.error.message).toContain("不能再申报“首次申报高企未通过中介费补贴”");
        if (status === "in_review") {
          // In review is not awarded: the refusal says so, and says the rule once.
          expect(res.body.error.message).toContain("已有一份在审(");
          expect(res.body.error.message).toContain("在审结束前不能再次申报");
          expect(res.body.error.message).not.toContain("享受");
        }
        // The limit and its clause are named once, not once before the reason and again inside it.
        expect(res.body.error.message.split("限首次申报").length - 1, status).toBe(1);
        const rows = await dbFor(slug).select().from(subsidyApplications);
        expect(rows.filter((r) => r.enterpriseId === e.id)).toHaveLength(1);
      }
    },
  );

  it(
    "refuses a programme whose yearly cap is reserved by an application in review, " +
      "and allows one beside a draft or a rejection",
    async () => {
      const full = await enterpriseWithMember();
      await application(full, DEAL, 30 * WAN, "in_review", "first-review");
      const refused = await api("POST", APPS, { cookie: full.member.cookie, data: { programme: DEAL } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain("30万元");

      const open = await enterpriseWithMember();
      await application(open, FIRST_FAIL, 3 * WAN, "draft");
      await application(open, FIRST_FAIL, 3 * WAN, "rejected");
      await application(open, DEAL, 10 * WAN, "in_review", "first-review");
      expect((await api("POST", APPS, { cookie: open.member.cookie, data: { programme: FIRST_FAIL } })).status).toBe(
        201,
      );
      expect((await api("POST", APPS, { cookie: open.member.cookie, data: { programme: DEAL } })).status).toBe(201);
    },
  );
});

describe("政策计算器 fills a member's past awards from the records", () => {
  it("shows the award rows and computes against them, with no figures in the URL", async () => {
    const e = await enterpriseWithMember();
    await application(e, DEAL, 20 * WAN, "paid");
    await application(e, DEAL, 10 * WAN, "in_review", "first-review");
    const res = await call(host, "GET", `/policies/programmes/${DEAL}?from=profile`, { cookie: e.member.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    expect(html).toContain("和平台上的获奖、在审记录填入");
    // Two rows filled: the programme selected, the amounts in 元 (most recent first is fine; both are there).
    expect(
      html.match(/<option value="zibo-tech-contract" selected="">/g) ??
        html.match(/<option value="zibo-tech-contract" selected>/g),
    ).toHaveLength(2);
    expect(html).toContain('value="200000"');
    expect(html).toContain('value="100000"');
    // 30万 of the year's 30万 cap used or reserved: not "尚未获得".
    expect(html).toContain("已有一份在审");
    expect(html).not.toContain("尚未获得");
  });

  it("asks about past awards only where the programme has limits", async () => {
    expect(await (await call(host, "GET", `/policies/programmes/${FIRST_FAIL}`)).text()).toContain(
      "已获得的奖励(选填)",
    );
    // 共建研究院项目扶持 (clause 10) has no limit across applications.
    expect(await (await call(host, "GET", "/policies/programmes/zibo-institute-project")).text()).not.toContain(
      "已获得的奖励",
    );
  });
});

describe("an application in review reads as in review, not as awarded", () => {
  it("政策匹配 says a once-only programme's application is 在审, never 已于…享受, on the page and the API", async () => {
    const e = await enterpriseWithMember();
    await application(e, FIRST_FAIL, 3 * WAN);
    const mine = await myMatch(e.member.cookie, FIRST_FAIL);
    expect(mine.result.eligible).toBe(false);
    expect(reasons(mine)).toContain(`已有一份在审(${year()}年度`);
    expect(reasons(mine)).toContain("在审结束前不能再次申报");
    expect(reasons(mine)).not.toContain("享受");
    // No ✓ "可申报金额…预留" line beside the refusal.
    expect(reasons(mine)).not.toContain("可申报金额");
    const html = await (await call(host, "GET", "/policies/match", { cookie: e.member.cookie })).text();
    expect(html).toContain("在审结束前不能再次申报");
    expect(html).not.toContain(`已于${year()}年享受`);
  });

  it("政策计算器 shows a cap's cut as 按上限核减, not as a negative amount", async () => {
    // 3% of 1200万 is 36万; 10万 already this year leaves 20万 of the 30万 cap: 16万 taken off.
    const q =
      `?_calc=1&contractAmount=12000000&_award1_programme=${DEAL}` +
      `&_award1_date=${year()}-01-01&_award1_amount=100000`;
    const res = await call(host, "GET", `/policies/programmes/${DEAL}${q}`);
    expect(res.status).toBe(200);
    const steps = /<ol class="steps">([\s\S]*?)<\/ol>/.exec(await res.text())![1]!;
    expect(steps).toContain("按上限核减16万元");
    expect(steps).not.toContain("-16万元");
  });
});
