/**
 * Publishing policy versions against a real (in-memory) libSQL database:
 * previews change nothing, only valid sets whose cases pass are published,
 * versions are immutable and numbered once under concurrency, the version in
 * force follows effective dates, and newly qualifying enterprises are told (by the
 * job publishing queues, which the scheduled run works through).
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import zone from "../../../tenants/zibo/zone";
import { wan } from "../../../tenants/policy";
import { seedDemoAccounts } from "../../../dev/lib/seed-demo";
import { seedDemoEnterprises } from "../../../dev/lib/seed-demo-enterprises";
import { openMemoryTenantDb } from "../../db/memory-db";
import { auditLog, jobs, outbox, policyDocuments, policyVersions } from "../../db/schema";
import { drainZoneJobs } from "../../scheduled/test-support";
import type { PolicySetInput } from "../../engines/policy/format/policy-set";
import { loadCurrentPolicy } from "./current-policy";
import { previewPolicyVersion } from "./preview-policy-version";
import { publishPolicyVersion } from "./publish-policy-version";

const NOW = new Date("2026-06-30T02:00:00Z");
const actor = { id: "u-admin", email: "admin@zibo.test" };

const hitech = {
  id: "zibo-hitech-test",
  title: { zh: "高新技术企业认定奖励(测试)", en: "HNTE award (test)" },
  document: "zibo-zichuang-2017",
  clause: "15",
  excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
  category: "qualification" as const,
  applicants: { zh: "通过认定的高新技术企业", kinds: ["enterprise" as const], qualifications: ["hnte"] },
  amount: [{ kind: "fixed" as const, label: "认定奖励", fen: wan(20) }],
};
const hitechCase = {
  name: "recognised: 20万",
  programme: "zibo-hitech-test",
  expect: { eligible: true, amountFen: wan(20) },
};
/** Nothing the platform could check: it asks only who the applicant is (a project in a co-built institute). */
const instituteProject = {
  id: "zibo-institute-test",
  title: { zh: "共建研究院项目扶持(测试)", en: "Institute project (test)" },
  document: "zibo-zichuang-2017",
  clause: "10",
  excerpt: "给予30—100万元项目扶持资金",
  category: "platform" as const,
  applicants: { zh: "进入共建研究院进行工程化研发的项目", kinds: ["enterprise" as const] },
  amount: [{ kind: "review" as const, label: "项目扶持资金", minFen: wan(30), maxFen: wan(100) }],
};
const instituteCase = {
  name: "set at review",
  programme: "zibo-institute-test",
  expect: { eligible: true, amountFen: null },
};

function set(over: Partial<PolicySetInput> = {}): PolicySetInput {
  return {
    zone: "zibo",
    label: "测试版",
    effectiveFrom: "2026-01-01",
    documents: zone.documents,
    programmes: [],
    cases: [],
    ...over,
  };
}

async function setup() {
  const { client, db } = await openMemoryTenantDb();
  const ctx = { db, zone, now: NOW, ip: "203.0.113.1", actor, origin: "https://zibo.example.cn" };
  return { client, db, ctx };
}

describe("previewing a policy set", () => {
  it("lists format errors by path and changes nothing", async () => {
    const { db } = await setup();
    const p = await previewPolicyVersion(
      { db, zone },
      { ...set(), programmes: [{ ...hitech, amount: [{ kind: "fixed", label: "x", fen: -1 }] }], cases: [hitechCase] },
    );
    expect(p.publishable).toBe(false);
    expect(p.errors.join("\n")).toMatch(/programmes\.0\.amount\.0\.fen/);
    expect(await db.select().from(policyVersions)).toHaveLength(0);
  });

  it("refuses another zone's set", async () => {
    const { db } = await setup();
    const p = await previewPolicyVersion({ db, zone }, set({ zone: "dongying" }));
    expect(p.publishable).toBe(false);
    expect(p.errors[0]).toContain("dongying");
  });

  it("refuses qualification and industry codes the zone does not have", async () => {
    const { db } = await setup();
    const p = await previewPolicyVersion(
      { db, zone },
      set({
        programmes: [
          {
            ...hitech,
            applicants: { ...hitech.applicants, qualifications: ["gazelle"], industries: ["space-mining"] },
          },
        ],
        cases: [hitechCase],
      }),
    );
    expect(p.publishable).toBe(false);
    expect(p.errors).toEqual([
      "zibo-hitech-test: 本园区没有资质代码 gazelle",
      "zibo-hitech-test: 本园区没有产业代码 space-mining",
    ]);
  });

  it("reports failing cases with what differed", async () => {
    const { db } = await setup();
    const p = await previewPolicyVersion(
      { db, zone },
      set({ programmes: [hitech], cases: [{ ...hitechCase, expect: { eligible: true, amountFen: wan(30) } }] }),
    );
    expect(p.cases).toMatchObject({ total: 1, passed: 0 });
    expect(p.cases.failures[0]!.problems[0]).toBe(`amountFen: expected ${wan(30)}, got ${wan(20)}`);
    expect(p.publishable).toBe(false);
  });
});

describe("publishing", () => {
  it("writes version 1 with its audit row and the documents the pages show", async () => {
    const { db, ctx } = await setup();
    const out = await publishPolicyVersion(ctx, set({ programmes: [hitech], cases: [hitechCase] }), {
      baseVersion: null,
    });
    expect(out.version).toMatchObject({ id: 1, label: "测试版", effectiveFrom: "2026-01-01" });
    const [row] = await db.select().from(policyVersions);
    expect(row).toMatchObject({
      id: 1,
      programmeCount: 1,
      caseCount: 1,
      publishedBy: "u-admin",
      publishedVia: "admin",
    });
    expect(JSON.parse(row!.changes).programmes.added).toEqual([
      { id: "zibo-hitech-test", title: "高新技术企业认定奖励(测试)" },
    ]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "policy.publish"))).toHaveLength(1);
    expect((await db.select().from(policyDocuments)).map((d) => d.id).sort()).toEqual(
      zone.documents.map((d) => d.id).sort(),
    );
  });

  it("refuses a set whose cases fail, and writes nothing", async () => {
    const { db, ctx } = await setup();
    const bad = set({ programmes: [hitech], cases: [{ ...hitechCase, expect: { eligible: false } }] });
    await expect(publishPolicyVersion(ctx, bad, { baseVersion: null })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("1 个测试用例未通过"),
    });
    expect(await db.select().from(policyVersions)).toHaveLength(0);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it("refuses an unchanged set and a stale base version", async () => {
    const { ctx } = await setup();
    const s = set({ programmes: [hitech], cases: [hitechCase] });
    await publishPolicyVersion(ctx, s, { baseVersion: null });
    await expect(publishPolicyVersion(ctx, s, { baseVersion: 1 })).rejects.toMatchObject({
      code: "conflict",
      message: "与第1版内容相同,无需发布。",
    });
    await expect(publishPolicyVersion(ctx, { ...s, label: "第二版" }, { baseVersion: null })).rejects.toMatchObject({
      code: "conflict",
      message: "政策已更新为第1版,请重新预览后再发布。",
    });
    const v2 = await publishPolicyVersion(ctx, { ...s, label: "第二版" }, { baseVersion: 1 });
    expect(v2.version.id).toBe(2);
    expect(v2.preview.diff!.meta).toEqual([{ path: "label", before: "测试版", after: "第二版" }]);
  });

  it("lets exactly one of several racing publishers win a version number", async () => {
    const { db, ctx } = await setup();
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) => publishPolicyVersion(ctx, set({ label: `并发${n}` }), { baseVersion: null })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason.code === "conflict"),
    ).toBe(true);
    expect(await db.select().from(policyVersions)).toHaveLength(1);
  });

  it("keeps published versions immutable in the database itself", async () => {
    const { client, db, ctx } = await setup();
    await publishPolicyVersion(ctx, set(), { baseVersion: null });
    await expect(client.execute("UPDATE policy_versions SET label = '改过'")).rejects.toThrow(/immutable/);
    await expect(client.execute("DELETE FROM policy_versions")).rejects.toThrow(/immutable/);
    expect((await db.select().from(policyVersions))[0]!.label).toBe("测试版");
  });

  it("refuses an effective date earlier than the newest version's", async () => {
    const { ctx } = await setup();
    await publishPolicyVersion(ctx, set({ effectiveFrom: "2026-03-01" }), { baseVersion: null });
    await expect(
      publishPolicyVersion(ctx, set({ effectiveFrom: "2026-02-01", label: "早" }), { baseVersion: 1 }),
    ).rejects.toMatchObject({ code: "validation_failed", message: expect.stringContaining("早于第1版") });
  });
});

describe("the version in force", () => {
  it("is the newest whose effective date has come; a future one is scheduled", async () => {
    const { db, ctx } = await setup();
    expect(await loadCurrentPolicy({ db, zone }, "2026-06-30")).toBeNull();
    await publishPolicyVersion(ctx, set({ programmes: [hitech], cases: [hitechCase] }), { baseVersion: null });
    await publishPolicyVersion(ctx, set({ label: "下半年版", effectiveFrom: "2026-07-01" }), { baseVersion: 1 });
    const june = await loadCurrentPolicy({ db, zone }, "2026-06-30");
    expect(june!.version.id).toBe(1);
    expect(june!.compiled.programmes.has("zibo-hitech-test")).toBe(true);
    const july = await loadCurrentPolicy({ db, zone }, "2026-07-01");
    expect(july!.version).toMatchObject({ id: 2, label: "下半年版" });
    expect(july!.compiled.programmes.size).toBe(0);
  });
});

describe("免申即享 notices on a new version", () => {
  it("tells the members of enterprises that newly qualify, and nobody else", async () => {
    const { db, ctx } = await setup();
    await seedDemoAccounts(db, zone, NOW);
    await seedDemoEnterprises(db, zone, NOW);
    await publishPolicyVersion(ctx, set(), { baseVersion: null });
    const out = await publishPolicyVersion(
      ctx,
      set({ label: "新增高企奖励", programmes: [hitech, instituteProject], cases: [hitechCase, instituteCase] }),
      { baseVersion: 1 },
    );
    // Nothing is sent inside the request: the job is queued with the version, and counts the zone's enterprises.
    expect(out.notified).toBe(0);
    expect(await db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"))).toEqual([]);
    const [job] = await db.select().from(jobs).where(eq(jobs.id, out.job!.id));
    expect(job).toMatchObject({ kind: "notify_newly_eligible", status: "queued", done: 0, createdBy: "u-admin" });
    expect(job!.total).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(job!.params)).toEqual({
      versionId: 2,
      beforeVersionId: 1,
      today: "2026-06-30",
      asOf: NOW.getTime(),
    });

    await drainZoneJobs(ctx);
    const sent = await db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"));
    // The three demo enterprises holding a verified 高新技术企业 qualification (two admitted applicants and the
    // README's), one member each.
    const [finished] = await db.select().from(jobs).where(eq(jobs.id, out.job!.id));
    expect(finished).toMatchObject({ status: "done", done: job!.total, total: job!.total, messages: 3 });
    expect(sent.map((m) => m.recipient).sort()).toEqual([
      "applicant1@zibo.demo",
      "applicant2@zibo.demo",
      "enterprise@zibo.demo",
    ]);
    expect(sent[0]!.body).toContain("高新技术企业认定奖励(测试)(第十五条):预计20万元");
    expect(sent[0]!.body).toContain("https://zibo.example.cn/policies/programmes/zibo-hitech-test");
    // A programme whose conditions nothing in the records could prove is never announced as a match.
    expect(sent.some((m) => m.body.includes("共建研究院项目扶持"))).toBe(false);

    // Re-publishing with the programme still there (a label change) tells no one again.
    const again = await publishPolicyVersion(
      ctx,
      set({ label: "再版", programmes: [hitech, instituteProject], cases: [hitechCase, instituteCase] }),
      { baseVersion: 2 },
    );
    await drainZoneJobs(ctx);
    expect(await db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"))).toHaveLength(3);
    expect((await db.select().from(jobs).where(eq(jobs.id, again.job!.id)))[0]).toMatchObject({
      status: "done",
      messages: 0,
    });
  });

  it("queues no job for a version that takes effect later, nor in a zone with no enterprise yet", async () => {
    const { db, ctx } = await setup();
    // A new zone's first version (provisioning, npm start) comes before its enterprises: no one to tell.
    const first = await publishPolicyVersion(ctx, set(), { baseVersion: null });
    expect(first.job).toBeNull();
    await seedDemoAccounts(db, zone, NOW);
    await seedDemoEnterprises(db, zone, NOW);
    const later = await publishPolicyVersion(ctx, set({ label: "下半年", effectiveFrom: "2026-07-01" }), {
      baseVersion: 1,
    });
    expect(later.job).toBeNull();
    expect(await db.select().from(jobs)).toEqual([]);
  });
});
