/**
 * 免申即享 notices read the engine's effective period (decision 0013): a
 * programme whose document has expired is not mailed as "新符合", even to an
 * enterprise whose records prove its conditions; once the zone publishes an
 * extension of the document, the same enterprise is told.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import zone from "../../../tenants/zibo/zone";
import { wan } from "../../../tenants/policy";
import { seedDemoAccounts } from "../../../dev/lib/seed-demo";
import { seedDemoEnterprises } from "../../../dev/lib/seed-demo-enterprises";
import { openMemoryTenantDb } from "../../db/memory-db";
import { jobs, outbox } from "../../db/schema";
import { drainZoneJobs } from "../../scheduled/test-support";
import type { ProgrammeInput } from "../../engines/policy/format/programme";
import type { PolicySetInput } from "../../engines/policy/format/policy-set";
import { publishPolicyVersion } from "./publish-policy-version";

const NOW = new Date("2026-06-30T02:00:00Z");
const DOC = "zibo-zichuang-2017";
const HITECH: ProgrammeInput = {
  id: "zibo-hitech-expiry-test",
  title: { zh: "高新技术企业认定奖励(有效期测试)", en: "HNTE award (validity test)" },
  document: DOC,
  clause: "15",
  excerpt: "对通过认定的高新技术企业,给予20万元的扶持资金",
  category: "qualification",
  applicants: { zh: "通过认定的高新技术企业", kinds: ["enterprise"], qualifications: ["hnte"] },
  amount: [{ kind: "fixed", label: "认定奖励", fen: wan(20) }],
};
// A validity the test gives the document (the real one prints none): ended 2023-12-31.
const dated = (extension?: { until: string; by: string }) =>
  zone.documents.map((d) =>
    d.id === DOC
      ? { ...d, validity: { until: "2023-12-31", source: "测试用有效期" }, ...(extension ? { extension } : {}) }
      : d,
  );
const set = (over: Partial<PolicySetInput> = {}): PolicySetInput => ({
  zone: "zibo",
  label: "测试版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes: [],
  cases: [],
  ...over,
});

describe("免申即享 notices and expired documents", () => {
  it("mails nobody for a programme of an expired document, and mails them once the zone extends it", async () => {
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

    const expiredCase = {
      name: "document expired 2023-12-31",
      programme: HITECH.id,
      expect: { eligible: false, conditions: { effective: "fail" as const } },
    };
    const out = await publishPolicyVersion(
      ctx,
      set({ label: "到期文件", documents: dated(), programmes: [HITECH], cases: [expiredCase] }),
      { baseVersion: 1 },
    );
    await drainZoneJobs(ctx);
    expect(out.notified).toBe(0);
    expect(await db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"))).toEqual([]);

    const openCase = {
      name: "extended to 2026-12-31: 20万",
      programme: HITECH.id,
      expect: { eligible: true, amountFen: wan(20) },
    };
    const extended = await publishPolicyVersion(
      ctx,
      set({
        label: "延期",
        documents: dated({ until: "2026-12-31", by: "关于延长有效期的通知(测试)" }),
        programmes: [HITECH],
        cases: [openCase],
      }),
      { baseVersion: 2 },
    );
    await drainZoneJobs(ctx);
    const [job] = await db.select().from(jobs).where(eq(jobs.id, extended.job!.id));
    expect(job!.messages).toBeGreaterThan(0);
    const sent = await db.select().from(outbox).where(eq(outbox.kind, "policy_newly_eligible"));
    expect(sent.length).toBe(job!.messages);
    expect(sent.map((m) => m.recipient)).toContain("enterprise@zibo.demo");
    for (const m of sent) expect(m.body).toContain(HITECH.title.zh);
  });
});
