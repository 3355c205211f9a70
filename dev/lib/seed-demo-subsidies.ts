/**
 * Demo subsidy applications for `npm start` and the tests — never production:
 * in Zibo, the admitted demo enterprises have applications at different points
 * (a draft, one in 初审, one in 公示, one paid), computed by the engine from
 * their figures under the policy in force, with their timelines. Idempotent by
 * idempotency key.
 */
import { and, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../../worker/db/open";
import { subsidyApplications, subsidyEvents, subsidyPayments, users } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/features/enterprises/yuan";
import { loadCurrentPolicy } from "../../worker/features/policies/current-policy";
import { loadEnterpriseProfiles } from "../../worker/features/policies/enterprise-profiles";
import { newId } from "../../worker/lib/ids";
import { lastOfWorkingDays } from "../../worker/lib/working-days";
import { evaluate } from "../../worker/policy/evaluate";
import { prefillFacts } from "../../worker/policy/prefill";

interface DemoApplication { applicant: string; programme: string; facts: Record<string, number | boolean | string>; at: "draft" | "first-review" | "publicity" | "paid" }

const DEMO: Record<string, DemoApplication[]> = {
  zibo: [
    { applicant: "applicant1", programme: "zibo-rd-inclusive", facts: {}, at: "first-review" },
    { applicant: "applicant2", programme: "zibo-hitech-cert", facts: {}, at: "publicity" },
    { applicant: "applicant2", programme: "zibo-tech-contract", facts: { contractAmountFen: 420_000_000 }, at: "paid" },
    { applicant: "applicant2", programme: "zibo-invention-patent", facts: { filings: 6, grants: 2 }, at: "draft" },
  ],
};

export async function seedDemoSubsidies(db: TenantDb, zone: ZoneConfig, now = new Date()): Promise<number> {
  const list = DEMO[zone.slug];
  if (!list) return 0;
  const today = shanghaiDate(now);
  const policy = await loadCurrentPolicy({ db, zone }, today);
  if (!policy) return 0;
  let created = 0;
  for (const [i, d] of list.entries()) {
    const key = `demo-${d.programme}`;
    const [user] = await db.select().from(users).where(eq(users.email, `${d.applicant}@${zone.slug}.demo`));
    const programme = policy.compiled.programmes.get(d.programme);
    if (!user?.enterpriseId || !programme) continue;
    const [exists] = await db.select({ id: subsidyApplications.id }).from(subsidyApplications).where(and(eq(subsidyApplications.enterpriseId, user.enterpriseId), eq(subsidyApplications.idempotencyKey, key)));
    if (exists) continue;
    const [e] = await loadEnterpriseProfiles({ db }, today, user.enterpriseId);
    const facts = { ...prefillFacts(programme, e!.profile), ...d.facts };
    const result = evaluate(programme, { facts, profile: e!.profile, history: [], date: today });
    const id = newId();
    const t0 = now.getTime() - (12 - i) * 86_400_000;
    const stages = zone.subsidy.stages;
    const base = { id, programmeId: d.programme, enterpriseId: user.enterpriseId, createdBy: user.id, facts: JSON.stringify(facts), idempotencyKey: key, createdAt: t0, updatedAt: now.getTime() };
    const events: (typeof subsidyEvents.$inferInsert)[] = [{ applicationId: id, at: t0, actorId: user.id, actor: user.email, action: "created", note: programme.title.zh }];
    if (d.at === "draft") {
      await db.insert(subsidyApplications).values({ ...base, status: "draft" });
    } else {
      const submitted = { policyVersion: policy.version.id, evaluation: JSON.stringify({ ...result, policyVersion: policy.version.id }), requestedFen: result.amountFen, amountFen: result.amountFen, awardYear: Number(today.slice(0, 4)), submittedAt: t0 + 3_600_000 };
      events.push({ applicationId: id, at: t0 + 3_600_000, actorId: user.id, actor: user.email, action: "submitted", toStage: stages[0]!.key, amountFen: result.amountFen });
      if (d.at === "first-review") {
        await db.insert(subsidyApplications).values({ ...base, ...submitted, status: "in_review", stage: stages[0]!.key, stageEnteredAt: t0 + 3_600_000, dueOn: lastOfWorkingDays(today, stages[0]!.dueWorkingDays, zone.subsidy) });
      } else {
        const passes = stages.filter((s) => s.kind === "review").map((s, k) => ({ applicationId: id, at: t0 + (k + 1) * 86_400_000, actor: k === 0 ? `reviewer@${zone.slug}.demo` : `admin@${zone.slug}.demo`, action: "passed", stage: s.key, toStage: stages[stages.indexOf(s) + 1]!.key, amountFen: result.amountFen }));
        events.push(...passes);
        if (d.at === "publicity") {
          const publicity = stages.find((s) => s.kind === "publicity")!;
          await db.insert(subsidyApplications).values({ ...base, ...submitted, status: "in_review", stage: publicity.key, stageEnteredAt: now.getTime(), publicityFrom: today, publicityTo: lastOfWorkingDays(today, zone.subsidy.noticeWorkingDays, zone.subsidy), dueOn: lastOfWorkingDays(today, zone.subsidy.noticeWorkingDays, zone.subsidy) });
        } else {
          const payment = stages.at(-1)!;
          events.push({ applicationId: id, at: t0 + 9 * 86_400_000, actor: "system", action: "advanced", stage: "publicity", toStage: payment.key, note: "公示期届满无异议" });
          events.push({ applicationId: id, at: t0 + 10 * 86_400_000, actor: `admin@${zone.slug}.demo`, action: "awarded", stage: payment.key, amountFen: result.amountFen });
          events.push({ applicationId: id, at: t0 + 11 * 86_400_000, actor: `admin@${zone.slug}.demo`, action: "paid", stage: payment.key, amountFen: result.amountFen, note: "演示拨付" });
          await db.insert(subsidyApplications).values({ ...base, ...submitted, status: "paid", stage: payment.key, decidedAt: t0 + 10 * 86_400_000 });
          await db.insert(subsidyPayments).values({ id: newId(), applicationId: id, enterpriseId: user.enterpriseId, programmeId: d.programme, amountFen: result.amountFen ?? 0, paidOn: shanghaiDate(new Date(t0 + 11 * 86_400_000)), voucherNo: `DEMO-${zone.slug}-${i + 1}`, recordedBy: "seed", recordedAt: t0 + 11 * 86_400_000 });
        }
      }
    }
    await db.insert(subsidyEvents).values(events);
    created++;
  }
  return created;
}
