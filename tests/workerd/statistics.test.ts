/**
 * The 数据看板's API (GET /api/v1/admin/statistics) and page (GET /admin/statistics): who may read
 * them, that each figure agrees with the list it summarises (the directory, the subsidy queue, the
 * subsidy dashboard, the 金融超市 statistics), that a quarter narrows the period, that bad input is a
 * 422 in Chinese, the workbook, and one batch after the session.
 *
 * Other files write to the same zone database while this one runs, so two answers are compared only
 * when the first, read again after the second, has not changed (`steady`). The period figures are
 * flows (what was submitted, decided, paid in the period); the lists hold every row, so a list is
 * compared with the figures summed over every year the zone has data in.
 */
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { roundTrips } from "./round-trip-support";
import { dataYears, steady, thisYear } from "./statistics-support";
import { outbox } from "../../worker/db/schema";
import {
  api,
  APPS,
  demo,
  enterpriseWithMember,
  host,
  type Json,
  PROGRAMME,
  slug,
  submitted,
} from "./subsidies-support";
import { call, dbFor } from "./auth-support";
import { act, applied, bankWithStaff, financeEnterprise, productBody, publishedProduct } from "./finance-support";

const STATS = "/api/v1/admin/statistics";
const who: Record<"admin" | "reviewer" | "enterprise" | "bank", string> = {
  admin: "",
  reviewer: "",
  enterprise: "",
  bank: "",
};

const stats = async (query: string, cookie = who.admin) => {
  const r = await api("GET", `${STATS}?${query}`, { cookie });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

/** The figures of every year the data spans, with the numbers summed by `pick`. */
async function overAllYears(pick: (s: Json) => Record<string, number>) {
  const total: Record<string, number> = {};
  for (const y of await dataYears())
    for (const [k, v] of Object.entries(pick(await stats(`year=${y}`)))) total[k] = (total[k] ?? 0) + v;
  return total;
}

beforeAll(async () => {
  for (const k of Object.keys(who) as (keyof typeof who)[]) who[k] = await demo(k === "enterprise" ? "applicant2" : k);
});

describe("who may read the statistics", () => {
  it("answers zone admins and reviewers, refuses members and banks (403), asks others to sign in (401)", async () => {
    for (const k of ["admin", "reviewer"] as const)
      expect((await api("GET", STATS, { cookie: who[k] })).status).toBe(200);
    for (const k of ["enterprise", "bank"] as const) {
      const r = await api("GET", STATS, { cookie: who[k] });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await api("GET", STATS)).status).toBe(401);
    const page = await call(host, "GET", "/admin/statistics", { cookie: who.enterprise });
    expect(page.status).toBe(403);
    const anon = await call(host, "GET", "/admin/statistics");
    expect([302, 303]).toContain(anon.status);
  });
});

describe("the figures agree with the lists they summarise", () => {
  it("counts the directory's enterprises, in total and per industry and qualification", async () => {
    const s0 = await stats(`year=${thisYear}`);
    const [s, dir] = await steady(
      () => stats(`year=${thisYear}`).then((x) => x.enterprises),
      () => api("GET", "/api/v1/admin/enterprises", { cookie: who.admin }).then((r) => r.body),
    );
    expect(s.total).toBe(dir.total);
    expect(s.total).toBeGreaterThan(0);
    const industry = s0.enterprises.byIndustry.find((r: Json) => r.n > 0);
    const [s2, byInd] = await steady(
      () => stats(`year=${thisYear}`).then((x) => x.enterprises.byIndustry.find((r: Json) => r.key === industry.key).n),
      () => api("GET", `/api/v1/admin/enterprises?industry=${industry.key}`, { cookie: who.admin }).then((r) => r.body),
    );
    expect(s2).toBe(byInd.total);
    for (const q of s0.enterprises.byQualification.filter((r: Json) => r.n > 0).slice(0, 2)) {
      const [n, list] = await steady(
        () => stats(`year=${thisYear}`).then((x) => x.enterprises.byQualification.find((r: Json) => r.key === q.key).n),
        () => api("GET", `/api/v1/admin/enterprises?qualification=${q.key}`, { cookie: who.admin }).then((r) => r.body),
      );
      expect(n).toBe(list.total);
    }
  });

  it("counts applications at each stage as the staff queue does", async () => {
    const [mine, queue] = await steady(
      () =>
        overAllYears((s) =>
          Object.fromEntries(s.subsidies.byStage.map((r: Json) => [`${r.status}/${r.stage ?? ""}`, r.n])),
        ),
      () => api("GET", APPS, { cookie: who.admin }).then((r) => r.body),
    );
    const fromQueue: Record<string, number> = {};
    for (const c of queue.counts as Json[]) {
      const key = c.status === "in_review" ? `in_review/${c.stage}` : `${c.status}/`;
      fromQueue[key] = (fromQueue[key] ?? 0) + c.n;
    }
    for (const [k, n] of Object.entries(fromQueue)) expect(mine[k], k).toBe(n);
    expect(Object.values(mine).reduce((a, b) => a + b, 0)).toBe(queue.total);
    expect(queue.total).toBeGreaterThan(0);
  });

  it("sums awards and payments as the subsidy dashboard does", async () => {
    const years = await dataYears();
    const [mine, dash] = await steady(
      () => overAllYears((s) => ({ awarded: s.subsidies.awardedFen, paid: s.subsidies.paidFen })),
      async () => {
        let awarded = 0;
        let paid = 0;
        for (const y of years) {
          const r = await api("GET", `/api/v1/admin/subsidies/dashboard?year=${y}`, { cookie: who.admin });
          expect(r.status, `${y}: ${JSON.stringify(r.body)}`).toBe(200);
          const d = r.body;
          for (const p of d.programmes as Json[]) {
            awarded += p.awardedThisYearFen;
            paid = y === thisYear ? paid + p.paidFen : paid;
          }
        }
        return { awarded, paid };
      },
    );
    expect(mine).toEqual(dash);
    expect(dash.paid).toBeGreaterThan(0);
  });

  it("counts needs, loans and amounts as the 金融超市 statistics do", async () => {
    const [mine, fin] = await steady(
      () =>
        overAllYears((s) => ({
          posted: s.finance.needsPosted,
          met: s.finance.needsMet,
          open: s.finance.needsOpen,
          applications: s.finance.loanApplications.total,
          granted: s.finance.grantedFen,
          disbursed: s.finance.disbursedFen,
        })),
      () => api("GET", "/api/v1/admin/finance/statistics", { cookie: who.admin }).then((r) => r.body),
    );
    expect(mine).toEqual({
      posted: fin.needs.posted,
      met: fin.needs.met,
      open: fin.needs.open,
      applications: fin.loans.applications,
      granted: fin.loans.approvedFen,
      disbursed: fin.loans.disbursedFen,
    });
  });
});

describe("a bank's loans", () => {
  it("counts a new bank's loans, outcomes and response days as the 金融超市 statistics do, in their quarter", async () => {
    const bank = await bankWithStaff();
    const product = await publishedProduct(bank.cookie, productBody(bank.id.slice(0, 6)));
    const asked = [];
    for (const amount of [300, 200]) {
      const e = await financeEnterprise();
      asked.push(await applied(e.cookie, product.id, { amountFen: amount * 1_000_000 }));
    }
    expect((await act(bank.cookie, asked[0]!.id, { action: "accept" })).status).toBe(200);
    expect(
      (await act(bank.cookie, asked[1]!.id, { action: "decline", reason: "经营年限不足,暂不符合准入条件" })).status,
    ).toBe(200);
    const quarter = Math.ceil(Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 7)) / 3);
    const mine = (await stats(`year=${thisYear}&quarter=${quarter}`)).finance.byBank.find(
      (b: Json) => b.bankId === bank.id,
    );
    expect(mine).toMatchObject({ bank: bank.name, applications: 2, approved: 0, declined: 1, pending: 1, overdue: 0 });
    expect(mine.avgDaysToRespond).toBe(0);
    const theirs = (await api("GET", "/api/v1/admin/finance/statistics", { cookie: who.admin })).body.banks.find(
      (b: Json) => b.bankId === bank.id,
    );
    for (const k of ["applications", "approved", "declined", "overdue", "avgDaysToRespond", "avgDaysToDecide"])
      expect(mine[k], k).toBe(theirs[k]);
    // Another quarter of the year knows nothing of them.
    const other = (await stats(`year=${thisYear}&quarter=${(quarter % 4) + 1}`)).finance.byBank;
    expect(other.find((b: Json) => b.bankId === bank.id)?.applications).toBe(0);
    const page = await (await call(host, "GET", `/admin/statistics?year=${thisYear}`, { cookie: who.admin })).text();
    expect(page).toContain(bank.name);
  });
});

describe("政策触达", () => {
  it("counts 免申即享 mails and applications that followed a mail naming their programme, not another", async () => {
    const reach = async () =>
      (await stats(`year=${thisYear}`)).reach as { noticesSent: number; applicationsFollowed: number };
    const before = await reach();
    const told = await enterpriseWithMember();
    const toldOther = await enterpriseWithMember();
    const mail = (to: string, programme: string) => ({
      channel: "email" as const,
      recipient: to,
      subject: "【淄博高新区】政策更新:贵企业新符合1个扶持项目",
      body: `· 某项目(第1条):预计1万元\n  http://zibo.localhost/policies/programmes/${programme}\n\n以上为按现有资料的测算`,
      kind: "policy_newly_eligible",
      createdAt: Date.now() - 60_000,
    });
    await dbFor(slug)
      .insert(outbox)
      .values([mail(told.member.email, PROGRAMME), mail(toldOther.member.email, `${PROGRAMME}-x`)]);
    await submitted(told.member.cookie, 100);
    await submitted(toldOther.member.cookie, 100);
    const after = await reach();
    expect(after.noticesSent - before.noticesSent).toBeGreaterThanOrEqual(2);
    expect(after.applicationsFollowed - before.applicationsFollowed).toBe(1);
  });
});

describe("the period", () => {
  it("narrows to a quarter: its dates, its months, and the four quarters' flows add up to the year", async () => {
    const q2 = await stats(`year=${thisYear}&quarter=2`);
    expect(q2.period).toEqual({ from: `${thisYear}-04-01`, to: `${thisYear}-06-30` });
    expect(q2.quarter).toBe(2);
    expect(q2.subsidies.byMonth.map((m: Json) => m.month)).toEqual([
      `${thisYear}-04`,
      `${thisYear}-05`,
      `${thisYear}-06`,
    ]);
    const flows = (s: Json) => ({
      submitted: s.subsidies.applications,
      awarded: s.subsidies.awardedFen,
      paid: s.subsidies.paidFen,
      needs: s.finance.needsPosted,
      loans: s.finance.loanApplications.total,
      received: s.onboarding.received,
      newEnterprises: s.enterprises.new,
    });
    const [year, quarters] = await steady(
      () => stats(`year=${thisYear}`).then(flows),
      async () => {
        const sum: Record<string, number> = {};
        for (const q of [1, 2, 3, 4])
          for (const [k, v] of Object.entries(flows(await stats(`year=${thisYear}&quarter=${q}`))))
            sum[k] = (sum[k] ?? 0) + v;
        return sum;
      },
    );
    expect(quarters).toEqual(year);
    // The demo data lies in the last few weeks: an early year has none of it.
    const early = await stats("year=2001");
    expect(early.subsidies.applications).toBe(0);
    expect(early.enterprises.total).toBe(0);
    expect(early.period).toEqual({ from: "2001-01-01", to: "2001-12-31" });
  });

  it("refuses a bad year or quarter with a 422 in Chinese, on the API and the page", async () => {
    for (const q of ["year=1999", "year=abcd", "year=20260", "quarter=5", "quarter=q1", "format=pdf"]) {
      const r = await api("GET", `${STATS}?${q}`, { cookie: who.admin });
      expect(r.status, q).toBe(422);
      expect(r.body.error.message, q).toMatch(/年份|季度|格式/);
    }
    const page = await call(host, "GET", "/admin/statistics?quarter=7", { cookie: who.admin });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("季度只能是");
  });
});

describe("the page and the workbook", () => {
  it("draws every section with its charts in one batch after the session", async () => {
    for (const cookie of [who.admin, who.reviewer]) {
      const res = await call(host, "GET", `/admin/statistics?year=${thisYear}`, { cookie });
      expect(res.status).toBe(200);
      expect(roundTrips(res).waves).toBeLessThanOrEqual(2);
      const html = await res.text();
      for (const h of ["企业", "申请入驻", "奖补", "金融超市", "政策触达", "下载 Excel"]) expect(html).toContain(h);
      expect(html).toContain('id="chart-sub-stage"');
    }
    const api1 = await call(host, "GET", `${STATS}?year=${thisYear}&quarter=4`, { cookie: who.admin });
    expect(roundTrips(api1).waves).toBeLessThanOrEqual(2);
  });

  it("answers format=xlsx with a workbook named for the period", async () => {
    const res = await call(host, "GET", `${STATS}?year=${thisYear}&quarter=3&format=xlsx`, { cookie: who.reviewer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain(
      `数据看板-${thisYear}年第3季度.xlsx`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const files = unzipSync(bytes);
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    for (const sheet of ["概要", "企业按行业", "申请入驻", "奖补按项目", "奖补按月", "金融机构"])
      expect(workbook).toContain(sheet);
    const summary = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(summary).toContain(`统计期间 ${thisYear}-07-01 至 ${thisYear}-09-30`);
  });
});
