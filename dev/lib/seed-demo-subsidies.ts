/**
 * Demo subsidy applications for `npm start` and the tests — never production:
 * in Zibo, the admitted demo enterprises have applications at different points
 * (a draft, one in 初审, one in 公示, one paid), computed by the engine from
 * their figures under the policy in force, with their timelines. Idempotent by
 * idempotency key.
 */
import { and, eq } from "drizzle-orm";
import type { ZoneConfig } from "../../tenants/schema";
import { numberValues, takeNumber } from "../../worker/db/application-numbers";
import type { TenantDb } from "../../worker/db/open";
import { subsidyApplications, subsidyEvents, subsidyPayments, users } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { loadCurrentPolicy } from "../../worker/features/policies/current-policy";
import { loadEnterpriseProfiles } from "../../worker/features/policies/enterprise-profiles";
import { newId } from "../../worker/lib/ids";
import { dueOnFor } from "../../worker/features/subsidies/context";
import { calendarOf } from "../../worker/lib/calendar";
import { addDays, lastOfWorkingDays } from "../../worker/lib/working-days";
import { evaluate } from "../../worker/engines/policy/evaluate";
import { prefillFacts } from "../../worker/engines/policy/prefill";

const HOUR = 3_600_000;
const DAY = 86_400_000;
const dayOf = (ms: number) => shanghaiDate(new Date(ms));

/** How long ago each kind of demo application was started, so its timeline fits before today. */
const CREATED_DAYS_AGO: Record<DemoApplication["at"], number> = {
  draft: 3,
  "first-review": 5,
  publicity: 12,
  paid: 60,
};

interface DemoApplication {
  applicant: string;
  programme: string;
  facts: Record<string, number | boolean | string>;
  at: "draft" | "first-review" | "publicity" | "paid";
}

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
  // The paid demo's payment is recorded by the zone's demo admin, as a clerk would record it.
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `admin@${zone.slug}.demo`));
  let created = 0;
  for (const [i, d] of list.entries()) {
    const key = `demo-${d.programme}`;
    const [user] = await db
      .select()
      .from(users)
      .where(eq(users.email, `${d.applicant}@${zone.slug}.demo`));
    const programme = policy.compiled.programmes.get(d.programme);
    if (!user?.enterpriseId || !programme) continue;
    const [exists] = await db
      .select({ id: subsidyApplications.id })
      .from(subsidyApplications)
      .where(and(eq(subsidyApplications.enterpriseId, user.enterpriseId), eq(subsidyApplications.idempotencyKey, key)));
    if (exists) continue;
    const [e] = await loadEnterpriseProfiles({ db }, today, user.enterpriseId);
    const facts = { ...prefillFacts(programme, e!.profile), ...d.facts };
    const result = evaluate(programme, { facts, profile: e!.profile, history: [], date: today });
    const id = newId();
    const stages = zone.subsidy.stages;
    const review = stages.filter((s) => s.kind === "review");
    const publicity = stages.find((s) => s.kind === "publicity")!;
    const payment = stages.at(-1)!;
    // Each step follows the one before it and none lies ahead of `now`
    // (a minute apart per application keeps them distinct).
    const t0 = now.getTime() - CREATED_DAYS_AGO[d.at] * DAY + i * 60_000;
    const submittedAt = t0 + HOUR;
    // Numbered like createApplication numbers: the counter of the year of creation (Asia/Shanghai).
    const numberYear = Number(dayOf(t0).slice(0, 4));
    await takeNumber(db, "subsidy", numberYear);
    const base = {
      id,
      ...numberValues("subsidy", numberYear),
      programmeId: d.programme,
      enterpriseId: user.enterpriseId,
      createdBy: user.id,
      facts: JSON.stringify(facts),
      idempotencyKey: key,
      createdAt: t0,
      updatedAt: now.getTime(),
    };
    const events: (typeof subsidyEvents.$inferInsert)[] = [
      { applicationId: id, at: t0, actorId: user.id, actor: user.email, action: "created", note: programme.title.zh },
    ];
    if (d.at === "draft") {
      await db.insert(subsidyApplications).values({ ...base, status: "draft" });
    } else {
      const submitted = {
        policyVersion: policy.version.id,
        evaluation: JSON.stringify({ ...result, policyVersion: policy.version.id }),
        requestedFen: result.amountFen,
        amountFen: result.amountFen,
        awardYear: Number(dayOf(submittedAt).slice(0, 4)),
        submittedAt,
      };
      events.push({
        applicationId: id,
        at: submittedAt,
        actorId: user.id,
        actor: user.email,
        action: "submitted",
        toStage: stages[0]!.key,
        amountFen: result.amountFen,
      });
      if (d.at === "first-review") {
        await db.insert(subsidyApplications).values({
          ...base,
          ...submitted,
          status: "in_review",
          stage: stages[0]!.key,
          stageEnteredAt: submittedAt,
          dueOn: dueOnFor(zone, stages[0]!, dayOf(submittedAt)),
        });
      } else {
        // The review stages are passed between submission and the day 公示 starts: yesterday for the one on the 公示 page,
        // weeks ago for the paid one.
        const [firstPass, intoPublicity] =
          d.at === "publicity" ? [now.getTime() - 8 * DAY, now.getTime() - DAY] : [t0 + 3 * DAY, t0 + 8 * DAY];
        const passedAt = review.map((_, k) =>
          review.length === 1
            ? intoPublicity
            : firstPass + Math.round(((intoPublicity - firstPass) * k) / (review.length - 1)),
        );
        events.push(
          ...review.map((s, k) => ({
            applicationId: id,
            at: passedAt[k]!,
            actor: k === 0 ? `reviewer@${zone.slug}.demo` : `admin@${zone.slug}.demo`,
            action: "passed",
            stage: s.key,
            toStage: stages[stages.indexOf(s) + 1]!.key,
            amountFen: result.amountFen,
          })),
        );
        const publicityFrom = dayOf(intoPublicity);
        const publicityTo = lastOfWorkingDays(publicityFrom, zone.subsidy.noticeWorkingDays, calendarOf(zone));
        if (d.at === "publicity") {
          await db.insert(subsidyApplications).values({
            ...base,
            ...submitted,
            status: "in_review",
            stage: publicity.key,
            stageEnteredAt: intoPublicity,
            publicityFrom,
            publicityTo,
            dueOn: publicityTo,
          });
        } else {
          // The scheduled job moves it the morning after the period; the award and the payment follow.
          const advancedAt = Date.parse(`${addDays(publicityTo, 1)}T09:00:00+08:00`);
          const awardedAt = advancedAt + 2 * DAY;
          const paidAt = awardedAt + 5 * DAY;
          events.push({
            applicationId: id,
            at: advancedAt,
            actor: "system",
            action: "advanced",
            stage: publicity.key,
            toStage: payment.key,
            note: `公示期(${publicityFrom} 至 ${publicityTo})届满无异议`,
          });
          events.push({
            applicationId: id,
            at: awardedAt,
            actor: `admin@${zone.slug}.demo`,
            action: "awarded",
            stage: payment.key,
            amountFen: result.amountFen,
          });
          // A voucher number as a finance office writes it (记账凭证 记-年-月-号), and the note recordPayment writes.
          const voucherNo = `记-${dayOf(paidAt).slice(0, 7)}-${String(137 + i).padStart(4, "0")}`;
          events.push({
            applicationId: id,
            at: paidAt,
            actorId: admin?.id ?? null,
            actor: `admin@${zone.slug}.demo`,
            action: "paid",
            stage: payment.key,
            amountFen: result.amountFen,
            note: `${dayOf(paidAt)} 拨付,凭证号 ${voucherNo},已全部拨付`,
          });
          await db.insert(subsidyApplications).values({
            ...base,
            ...submitted,
            awardYear: Number(dayOf(awardedAt).slice(0, 4)),
            status: "paid",
            stage: payment.key,
            stageEnteredAt: advancedAt,
            publicityFrom,
            publicityTo,
            decidedAt: awardedAt,
          });
          await db.insert(subsidyPayments).values({
            id: newId(),
            applicationId: id,
            enterpriseId: user.enterpriseId,
            programmeId: d.programme,
            amountFen: result.amountFen ?? 0,
            paidOn: dayOf(paidAt),
            voucherNo,
            recordedBy: admin?.id ?? user.id,
            recordedAt: paidAt,
          });
        }
      }
    }
    await db.insert(subsidyEvents).values(events);
    created++;
  }
  return created;
}
