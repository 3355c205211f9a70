/**
 * 免申即享 notices and submit read the same award history as 政策匹配
 * (subsidies/award-history.ts): an enterprise that already has a once-only
 * award, or whose yearly cap is used or reserved by an application in
 * progress, is not mailed "新符合"; a second once-only application is refused
 * at submit while the first is in review.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import zone from "../../../tenants/zibo/zone";
import { wan } from "../../../tenants/policy";
import { seedDemoAccounts } from "../../../dev/lib/seed-demo";
import { seedDemoEnterprises } from "../../../dev/lib/seed-demo-enterprises";
import { openMemoryTenantDb } from "../../db/memory-db";
import { drainZoneJobs } from "../../scheduled/test-support";
import { outbox, subsidyApplications, users, type SubsidyStatus } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { ProgrammeInput } from "../../engines/policy/format/programme";
import type { PolicySetInput } from "../../engines/policy/format/policy-set";
import { historiesByEnterprise, awardHistoryQuery, limitHistory } from "../subsidies/award-history";
import { createApplication } from "../subsidies/create-application";
import { submitApplication } from "../subsidies/submit-application";
import { attachFor, publishTestProgrammes } from "../subsidies/test-programmes";
import { subsidyWorld } from "../subsidies/test-support";
import { publishPolicyVersion } from "./publish-policy-version";

const NOW = new Date("2026-06-30T02:00:00Z");
const hitech = (id: string, limits: ProgrammeInput["limits"]): ProgrammeInput => ({
  id,
  title: { zh: `高新技术企业认定奖励(${id})`, en: "HNTE award (test)" },
  document: "zibo-zichuang-2017",
  clause: "15",
  excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
  category: "qualification",
  applicants: { zh: "通过认定的高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"] },
  amount: [{ kind: "fixed", label: "认定奖励", fen: wan(20) }],
  limits,
});
const ONCE = hitech("zibo-hitech-once-test", [{ kind: "once", label: "只奖励一次" }]);
const CAPPED = hitech("zibo-hitech-cap-test", [
  { kind: "perEnterprisePerYear", label: "每年最高20万元", fen: wan(20) },
]);
const set = (over: Partial<PolicySetInput> = {}): PolicySetInput => ({
  zone: "zibo",
  label: "测试版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes: [],
  cases: [],
  ...over,
});

async function enterpriseOf(db: Awaited<ReturnType<typeof openMemoryTenantDb>>["db"], email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { enterpriseId: u!.enterpriseId!, userId: u!.id };
}

async function application(
  db: Awaited<ReturnType<typeof openMemoryTenantDb>>["db"],
  who: { enterpriseId: string; userId: string },
  programmeId: string,
  status: SubsidyStatus,
  amountFen: number,
) {
  const t = NOW.getTime();
  await db.insert(subsidyApplications).values({
    id: newId(),
    programmeId,
    enterpriseId: who.enterpriseId,
    createdBy: who.userId,
    status,
    stage: status === "in_review" ? "publicity" : null,
    requestedFen: amountFen,
    amountFen,
    awardYear: 2026,
    createdAt: t,
    updatedAt: t,
    submittedAt: t,
  });
}

describe("免申即享 notices respect the award history", () => {
  it("mails no enterprise that has the once-only award or its year's cap used or reserved", async () => {
    const { db } = await openMemoryTenantDb();
    const ctx = {
      db,
      zone,
      now: NOW,
      ip: "203.0.113.1",
      actor: { id: "u-admin", email: "admin@zibo.test" },
      origin: "https://zibo.example.cn",
    };
    await seedDemoAccounts(db, zone, NOW);
    await seedDemoEnterprises(db, zone, NOW);
    await publishPolicyVersion(ctx, set(), { baseVersion: null });
    const a1 = await enterpriseOf(db, "applicant1@zibo.demo");
    const a2 = await enterpriseOf(db, "applicant2@zibo.demo");
    // applicant1: the once-only award already paid; applicant2: this year's 20万 in 公示.
    await application(db, a1, ONCE.id, "paid", wan(20));
    await application(db, a2, CAPPED.id, "in_review", wan(20));
    // Nobody's draft or rejected application counts.
    const e = await enterpriseOf(db, "enterprise@zibo.demo");
    await application(db, e, ONCE.id, "rejected", wan(20));
    await application(db, e, CAPPED.id, "draft", wan(20));

    const cases = [
      { name: "recognised: 20万", programme: ONCE.id, expect: { eligible: true, amountFen: wan(20) } },
      { name: "recognised: 20万", programme: CAPPED.id, expect: { eligible: true, amountFen: wan(20) } },
    ];
    await publishPolicyVersion(ctx, set({ label: "新增高企奖励", programmes: [ONCE, CAPPED], cases }), {
      baseVersion: 1,
    });
    await drainZoneJobs(ctx);
    const sent = await db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"));
    const to = (email: string) => sent.find((m) => m.recipient === email)?.body ?? "";
    // enterprise@ qualifies for both; applicant1 only for the capped one, applicant2 only for the once-only one.
    expect(sent.map((m) => m.recipient).sort()).toEqual([
      "applicant1@zibo.demo",
      "applicant2@zibo.demo",
      "enterprise@zibo.demo",
    ]);
    expect(to("enterprise@zibo.demo")).toContain(ONCE.title.zh);
    expect(to("enterprise@zibo.demo")).toContain(CAPPED.title.zh);
    expect(to("applicant1@zibo.demo")).not.toContain(ONCE.title.zh);
    expect(to("applicant1@zibo.demo")).toContain(CAPPED.title.zh);
    expect(to("applicant2@zibo.demo")).toContain(ONCE.title.zh);
    expect(to("applicant2@zibo.demo")).not.toContain(CAPPED.title.zh);
  });

  it("reads every enterprise's history in one query, grouped by enterprise", async () => {
    const { db } = await openMemoryTenantDb();
    await seedDemoAccounts(db, zone, NOW);
    await seedDemoEnterprises(db, zone, NOW);
    const a1 = await enterpriseOf(db, "applicant1@zibo.demo");
    await application(db, a1, ONCE.id, "paid", wan(20));
    await application(db, a1, CAPPED.id, "in_review", wan(15));
    const h = historiesByEnterprise(await awardHistoryQuery(db)).get(a1.enterpriseId)!;
    expect(h.awards).toEqual([{ programme: ONCE.id, year: 2026, amountFen: wan(20) }]);
    expect(h.inProgress).toMatchObject([{ programme: CAPPED.id, year: 2026, reservedFen: wan(15) }]);
    expect(limitHistory(h).map((a) => a.amountFen)).toEqual([wan(20), wan(15)]);
  });
});

describe("submit reads applications in progress", () => {
  it("refuses the second of two drafts of a once-only programme while the first is in review", async () => {
    const w = await subsidyWorld(new Date("2026-06-01T02:00:00Z"));
    const policy = await publishTestProgrammes(w);
    const member = await w.actorOf("applicant1@zibo.demo");
    const ctx = w.ctxAt(new Date("2026-06-01T02:00:00Z"), member);
    const first = (await createApplication(ctx, policy, { programme: "test-once" }, null)).application;
    const second = (await createApplication(ctx, policy, { programme: "test-once" }, null)).application;
    for (const app of [first, second]) await attachFor(w.db, policy, app.id, "test-once");
    await submitApplication(ctx, policy, first.id);
    await expect(submitApplication(ctx, policy, second.id)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("单个企业只扶持一次"),
    });
    const [row] = await w.db.select().from(subsidyApplications).where(eq(subsidyApplications.id, second.id));
    expect(row!.status).toBe("draft");
    // And a third is refused when it is created.
    await expect(createApplication(ctx, policy, { programme: "test-once" }, null)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("在审结束前不能再次申报"),
    });
  });
});
