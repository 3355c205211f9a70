// biome-ignore-all lint/suspicious/noExplicitAny: these tests read JSON answers of many shapes loosely.
/**
 * The policy API through the real Worker: the public contract of
 * POST /api/v1/policy/estimate for Zibo's fixed programmes, programme listing,
 * 政策找企业 for members and staff, and policy versions for zone admins — with
 * each zone seeing only its own rules.
 */
import { describe, expect, it } from "vitest";
import { policyVersions } from "../../worker/db/schema";
import { call, dbFor, login, postJson, sessionCookie } from "./auth-support";
import { recomputeMatches } from "./programme-matches-support";

const host = "zibo.localhost";
const WAN = 1_000_000;

async function estimate(programme: string, facts: unknown, on = host) {
  const res = await postJson(on, "/api/v1/policy/estimate", { programme, facts });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function signIn(slug: string, who: string) {
  return sessionCookie(await login(slug, `${who}@${slug}.demo`, `Demo-${slug}-2026`));
}

describe("POST /api/v1/policy/estimate: Zibo's contract programmes", () => {
  const cases: [string, Record<string, unknown>, number][] = [
    [
      "zibo-rd-inclusive",
      {
        revenueFen: 300 * 100 * WAN,
        rdExpenseFen: 960 * WAN,
        rdDeductionFen: 3000 * WAN,
        prevRdDeductionFen: 2000 * WAN,
      },
      50 * WAN,
    ],
    ["zibo-hitech-cert", {}, 20 * WAN],
    ["zibo-hitech-first-fail", { agencyFeeFen: 5 * WAN }, 3 * WAN],
    ["zibo-hitech-first-fail", { agencyFeeFen: 10 * WAN }, 5 * WAN],
    ["zibo-project-matching", { level: "provincial", fundingFen: 500 * WAN, projectCode: "P-1" }, 100 * WAN],
    ["zibo-project-matching", { level: "national", fundingFen: 1000 * WAN, projectCode: "P-2" }, 300 * WAN],
    ["zibo-rd-institution", { level: "national" }, 100 * WAN],
    ["zibo-rd-institution", { level: "provincial" }, 50 * WAN],
    ["zibo-rd-institution", { level: "municipal" }, 10 * WAN],
    ["zibo-industry-academia", { paidToInstitutionsFen: 200 * WAN }, 20 * WAN],
    ["zibo-industry-academia", { paidToInstitutionsFen: 600 * WAN }, 50 * WAN],
    ["zibo-tech-contract", { contractAmountFen: 500 * WAN }, 15 * WAN],
    ["zibo-tech-contract", { contractAmountFen: 1200 * WAN }, 30 * WAN],
    ["zibo-invention-patent", { productionEnterprise: true, filings: 12, grants: 2 }, 3_400_000],
    ["zibo-invention-patent", { productionEnterprise: false, filings: 12, grants: 2 }, 1_600_000],
    ["zibo-patent-foreign", { pctFilings: 2, usJpEuGrants: 4, otherGrants: 1 }, 21 * WAN],
  ];
  for (const [programme, facts, amountFen] of cases) {
    it(`${programme} ${JSON.stringify(facts)} → ${amountFen} fen`, async () => {
      const { status, body } = await estimate(programme, facts);
      expect(status).toBe(200);
      expect(body).toMatchObject({ programme, eligible: true, amountFen, policyVersion: expect.any(Number) });
      // Exact amounts are accounted for step by step, each step citing its clause.
      expect(body.steps.reduce((s: number, x: { valueFen: number }) => s + x.valueFen, 0)).toBe(amountFen);
      for (const s of body.steps) expect(s.clause).toMatch(/^第.+条$/);
    });
  }

  it("explains the R&D subsidy in sentences citing clause 14", async () => {
    const { body } = await estimate("zibo-rd-inclusive", cases[0]![1]);
    expect(body.conditions[0]).toMatchObject({ result: "pass", clause: "第十四条" });
    expect(body.conditions[0].reason).toContain("研发投入占年销售收入3.2%,达到第十四条规定的“3%以上”");
    expect(body.steps[0].description).toContain("新增1,000万元的5%为50万元");
  });

  it("says which facts are missing instead of guessing", async () => {
    const { status, body } = await estimate("zibo-rd-inclusive", { revenueFen: 300 * 100 * WAN });
    expect(status).toBe(200);
    expect(body.eligible).toBe("unknown");
    expect(body.amountFen).toBeNull();
    expect(body.missing.map((m: { fact: string }) => m.fact).sort()).toEqual([
      "prevRdDeductionFen",
      "rdDeductionFen",
      "rdExpenseFen",
    ]);
  });

  it("answers a failed condition with eligible false, amount 0 and the reason", async () => {
    const { body } = await estimate("zibo-rd-inclusive", {
      revenueFen: 300 * 100 * WAN,
      rdExpenseFen: 600 * WAN,
      rdDeductionFen: 3000 * WAN,
      prevRdDeductionFen: 2000 * WAN,
    });
    expect(body).toMatchObject({ eligible: false, amountFen: 0 });
    expect(body.amountNote).toContain("不符合任何一档");
  });

  it("404s an unknown programme and 400s malformed facts, naming each fact", async () => {
    expect((await estimate("zibo-no-such-thing", {})).status).toBe(404);
    const wrong = await estimate("zibo-rd-inclusive", { revenueFen: "三亿", rdExpenseFen: -1, bogus: 1 });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(["bogus", "rdExpenseFen", "revenueFen"]);
    expect(wrong.body.error.fields.revenueFen).toContain("年销售收入(revenueFen)");
    const choice = await estimate("zibo-rd-institution", { level: "county" });
    expect(choice.status).toBe(400);
    expect(choice.body.error.fields.level).toContain("national(国家级)");
    const noProgramme = await postJson(host, "/api/v1/policy/estimate", { facts: {} });
    expect(noProgramme.status).toBe(400);
    const notJson = await call(host, "POST", "/api/v1/policy/estimate", {
      body: "programme=x",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(notJson.status).toBe(415);
  });

  it("keeps each zone's rules to itself: Dongying has no Zibo programme", async () => {
    expect((await estimate("zibo-hitech-cert", {}, "dongying.localhost")).status).toBe(404);
  });
});

describe("GET /api/v1/policy/programmes", () => {
  it("lists the version in force with each programme's clause and typed facts", async () => {
    const res = await call(host, "GET", "/api/v1/policy/programmes");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      version: { id: number };
      programmes: { id: string; citation: string; facts: { name: string; type: string }[] }[];
    };
    const byId = new Map(body.programmes.map((p) => [p.id, p]));
    expect(byId.get("zibo-rd-inclusive")!.facts.map((f) => f.name)).toEqual([
      "revenueFen",
      "rdExpenseFen",
      "rdDeductionFen",
      "prevRdDeductionFen",
    ]);
    expect(byId.get("zibo-invention-patent")!.facts.map((f) => [f.name, f.type])).toEqual([
      ["productionEnterprise", "boolean"],
      ["filings", "count"],
      ["grants", "count"],
    ]);
    expect(byId.get("zibo-hitech-cert")!.facts).toEqual([]);
    expect(byId.get("zibo-project-matching")!.citation).toBe("第十六条");
    expect(body.programmes.length).toBeGreaterThan(40);
  });

  it("searches and reads one programme with its clause text", async () => {
    const found = (await (
      await call(host, "GET", `/api/v1/policy/programmes?q=${encodeURIComponent("发明专利")}`)
    ).json()) as { programmes: { id: string }[] };
    expect(found.programmes.map((p) => p.id)).toContain("zibo-invention-patent");
    const one = (await (await call(host, "GET", "/api/v1/policy/programmes/zibo-rd-inclusive")).json()) as Record<
      string,
      any
    >;
    expect(one.clauseText).toContain("研发准备金制度");
    expect(one.excerpt).toContain("单个企业年度最高补助金额不超过100万元");
    expect((await call(host, "GET", "/api/v1/policy/programmes/zibo-nothing")).status).toBe(404);
  });
});

describe("政策找企业", () => {
  it("ranks every programme for a member's enterprise from its profile", async () => {
    expect((await call(host, "GET", "/api/v1/policy/matches")).status).toBe(401);
    // applicant1 is the admitted demo ceramics maker: a verified 高新技术企业 with three years of figures.
    const cookie = await signIn("zibo", "applicant1");
    const res = await call(host, "GET", "/api/v1/policy/matches", { cookie });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      figuresYear: number;
      matches: { programme: { id: string }; result: { eligible: unknown; amountFen: number | null } }[];
    };
    const eligible = body.matches.filter((m) => m.result.eligible === true).map((m) => m.programme.id);
    expect(eligible).toContain("zibo-hitech-cert");
    expect(eligible).toContain("zibo-rd-inclusive");
    // Eligible programmes come first.
    const firstNotEligible = body.matches.findIndex((m) => m.result.eligible !== true);
    expect(body.matches.slice(firstNotEligible).every((m) => m.result.eligible !== true)).toBe(true);
  });

  it("shows staff the enterprises that qualify for a programme, and refuses members", async () => {
    const reviewer = await signIn("zibo", "reviewer");
    await recomputeMatches("zibo-hitech-cert", { cookie: reviewer });
    const res = await call(host, "GET", "/api/v1/admin/policy/programmes/zibo-hitech-cert/matches?limit=200", {
      cookie: reviewer,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      counts: { eligible: number };
      enterprises: { name: string; result: { eligible: unknown } }[];
    };
    expect(body.counts.eligible).toBeGreaterThanOrEqual(2);
    expect(body.enterprises[0]!.result.eligible).toBe(true);
    expect(body.enterprises.map((e) => e.name)).toContain("淄博示范先进陶瓷材料有限公司");
    const member = await signIn("zibo", "enterprise");
    expect(
      (await call(host, "GET", "/api/v1/admin/policy/programmes/zibo-hitech-cert/matches", { cookie: member })).status,
    ).toBe(403);
  });
});

describe("policy versions (zone admins)", () => {
  it("are for zone admins only", async () => {
    expect((await call("changzhi.localhost", "GET", "/api/v1/admin/policy/versions")).status).toBe(401);
    const reviewer = await signIn("changzhi", "reviewer");
    expect(
      (await call("changzhi.localhost", "GET", "/api/v1/admin/policy/versions", { cookie: reviewer })).status,
    ).toBe(403);
  });

  it("preview a changed set, refuse one with failing cases, and publish the next version", async () => {
    // Dongying: no other suite publishes there (the pages suite publishes Changzhi), so version
    // numbers are this test's to count.
    const slug = "dongying";
    const on = `${slug}.localhost`;
    const origin = `http://${on}:8787`;
    const cookie = await signIn(slug, "admin");
    const list = (await (await call(on, "GET", "/api/v1/admin/policy/versions", { cookie })).json()) as {
      versions: { id: number; status: string }[];
    };
    const current = list.versions[0]!;
    expect(current.status).toBe("current");
    const stored = (await (
      await call(on, "GET", `/api/v1/admin/policy/versions/${current.id}`, { cookie })
    ).json()) as { policySet: Record<string, any> };

    const broken = { ...stored.policySet, programmes: [{ id: "x" }] };
    const preview = (await (
      await postJson(on, "/api/v1/admin/policy/previews", { policySet: broken }, { cookie, origin })
    ).json()) as { publishable: boolean; errors: string[] };
    expect(preview.publishable).toBe(false);
    expect(preview.errors.length).toBeGreaterThan(0);

    const relabelled = { ...stored.policySet, label: "2026年修订版" };
    const ok = (await (
      await postJson(on, "/api/v1/admin/policy/previews", { policySet: relabelled }, { cookie, origin })
    ).json()) as { publishable: boolean; diff: { meta: unknown[] } };
    expect(ok.publishable).toBe(true);
    expect(ok.diff.meta).toEqual([{ path: "label", before: stored.policySet.label, after: "2026年修订版" }]);

    const stale = await postJson(
      on,
      "/api/v1/admin/policy/versions",
      { policySet: relabelled, baseVersion: current.id - 1 || null },
      { cookie, origin },
    );
    expect(stale.status).toBe(409);
    const published = await postJson(
      on,
      "/api/v1/admin/policy/versions",
      { policySet: relabelled, baseVersion: current.id },
      { cookie, origin },
    );
    expect(published.status).toBe(201);
    expect(((await published.json()) as { version: { id: number } }).version.id).toBe(current.id + 1);
    const rows = await dbFor(slug)
      .select({ id: policyVersions.id, publishedVia: policyVersions.publishedVia })
      .from(policyVersions);
    expect(rows.at(-1)).toEqual({ id: current.id + 1, publishedVia: "admin" });
    const again = await postJson(
      on,
      "/api/v1/admin/policy/versions",
      { policySet: relabelled, baseVersion: current.id + 1 },
      { cookie, origin },
    );
    expect(again.status).toBe(409);
  });
});
