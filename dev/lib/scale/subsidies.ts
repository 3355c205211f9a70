/**
 * Scaled 政策兑现 applications: every programme of the zone's policy in force, every status
 * and every stage of the zone's review, each with its timeline (subsidy_events) and, once
 * paid, its ledger row. Amounts are the engine's for the enterprise's figures, or drawn
 * within what the programme allows when the engine needs facts only a form would give.
 * Open work is recent (due days ahead, 公示 not yet over), so the scheduled jobs find
 * nothing to escalate or advance in a freshly scaled zone.
 */
import type { SubsidyStage } from "../../../tenants/schema";
import type { subsidyApplications, subsidyEvents, subsidyPayments, SubsidyStatus } from "../../../worker/db/schema";
import type { Component } from "../../../worker/engines/policy/format/amounts";
import { type CompiledProgramme, evaluate } from "../../../worker/engines/policy/evaluate";
import { prefillFacts } from "../../../worker/engines/policy/prefill";
import { calendarOf } from "../../../worker/lib/calendar";
import { addDays, lastOfWorkingDays } from "../../../worker/lib/working-days";
import { dueOnFor } from "../../../worker/features/subsidies/context";
import { DAY, dayOf, daysAgo, HOUR, type ScaleContext, WAN, yearOf } from "./context";
import type { ScaledEnterprise } from "./enterprises";

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface SubsidyRows {
  applications: Insert<typeof subsidyApplications>[];
  events: Insert<typeof subsidyEvents>[];
  payments: Insert<typeof subsidyPayments>[];
}

/** Shares of each status (a zone a few years in: most work done, a steady queue). */
const STATUS_WEIGHTS: [SubsidyStatus, number][] = [
  ["draft", 10],
  ["in_review", 30],
  ["returned", 6],
  ["rejected", 7],
  ["awarded", 10],
  ["paid", 32],
  ["withdrawn", 5],
];

export interface SubsidyInputs {
  programmes: readonly CompiledProgramme[];
  policyVersion: number;
  enterprises: readonly ScaledEnterprise[];
  /** The last sequence number each year already took (application_numbers), so numbers continue. */
  lastNumber: Map<number, number>;
}

export function buildSubsidies(ctx: ScaleContext, input: SubsidyInputs): SubsidyRows {
  const { zone, rng } = ctx;
  const out: SubsidyRows = { applications: [], events: [], payments: [] };
  const stages = zone.subsidy.stages;
  const review = stages.filter((s) => s.kind === "review");
  const publicity = stages.find((s) => s.kind === "publicity")!;
  const payment = stages.at(-1)!;
  const cal = calendarOf(zone);
  const today = dayOf(ctx.now);
  const staff = [`reviewer@${zone.slug}.demo`, `admin@${zone.slug}.demo`];
  const ceilings = new Map(input.programmes.map((p) => [p.id, ceilingOf(p.amount)]));
  const lastNumber = new Map(input.lastNumber);
  for (let i = 0; i < ctx.counts.subsidyApplications; i++) {
    // A few enterprises apply for much, most for a little: square the draw.
    const e = input.enterprises[Math.floor(rng.next() ** 2 * input.enterprises.length)]!;
    const programme = rng.pick(input.programmes);
    const status = STATUS_WEIGHTS[rng.weighted(STATUS_WEIGHTS.map(([, w]) => w))]![0];
    const id = ctx.id("subsidy", i);
    const facts = prefillFacts(programme, e.profile);
    const result = evaluate(programme, { facts, profile: e.profile, history: [], date: today });
    const ceiling = ceilings.get(programme.id) || 50 * WAN;
    const amount =
      result.amountFen && result.amountFen > 0
        ? result.amountFen
        : result.range
          ? rng.int(result.range.minFen / 1000, result.range.maxFen / 1000) * 1000
          : rng.int(Math.ceil(ceiling / 10_000), ceiling / 1000) * 1000;
    // How far along: which review stages it passed, and where it stands.
    const passed =
      status === "draft" || status === "withdrawn"
        ? rng.int(0, 1)
        : status === "in_review"
          ? rng.int(0, review.length)
          : review.length;
    const atStage: SubsidyStage | undefined =
      status === "in_review"
        ? passed < review.length
          ? review[passed]
          : publicity
        : status === "returned" || status === "rejected"
          ? review[rng.int(0, review.length - 1)]
          : status === "awarded" || status === "paid"
            ? payment
            : undefined;
    // Open work recent, finished work older; every step before the anchor.
    const open = status === "in_review" || status === "returned" || status === "draft";
    const t0 = Math.max(
      e.createdAt + DAY,
      daysAgo(ctx, open ? rng.int(2 + passed * 3, 12 + passed * 3) : rng.int(60, 700)),
    );
    const submittedAt = status === "draft" ? null : t0 + rng.int(1, 30) * HOUR;
    const year = yearOf(t0);
    const seq = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, seq);
    const row: Insert<typeof subsidyApplications> = {
      id,
      numberYear: year,
      numberSeq: seq,
      programmeId: programme.id,
      enterpriseId: e.id,
      createdBy: e.userId,
      status,
      stage: null,
      facts: JSON.stringify(facts),
      createdAt: t0,
      updatedAt: t0,
      revision: 1,
    };
    // Every event is a change: it moves updated_at and the revision, as the app's writes do.
    const push = (ev: Insert<typeof subsidyEvents>) => {
      out.events.push(ev);
      row.updatedAt = Math.max(row.updatedAt!, ev.at);
      row.revision! += 1;
    };
    const event = (at: number, action: string, more: Partial<Insert<typeof subsidyEvents>> = {}) =>
      push({ applicationId: id, at, actor: e.email, actorId: e.userId, action, ...more });
    event(t0, "created", { note: programme.title.zh });
    if (submittedAt !== null) {
      Object.assign(row, {
        policyVersion: input.policyVersion,
        evaluation: JSON.stringify({ ...result, policyVersion: input.policyVersion }),
        requestedFen: result.amountFen,
        amountFen: amount,
        rangeMinFen: result.range?.minFen ?? null,
        rangeMaxFen: result.range?.maxFen ?? null,
        awardYear: yearOf(submittedAt),
        submittedAt,
      });
      event(submittedAt, "submitted", { toStage: review[0]!.key, amountFen: amount });
      let at = submittedAt;
      const step = () => (at = Math.min(at + rng.int(1, 3) * DAY + rng.int(1, 8) * HOUR, ctx.now - HOUR));
      for (let k = 0; k < passed; k++) {
        const who = staff[k % 2]!;
        push({
          applicationId: id,
          at: step(),
          actor: who,
          action: "passed",
          stage: review[k]!.key,
          toStage: stages[stages.indexOf(review[k]!) + 1]!.key,
          amountFen: amount,
        });
        row.lastPassedBy = who;
      }
      row.stageEnteredAt = at;
      if (status === "in_review" && atStage === publicity) {
        // 公示 started in the last few days and runs past the anchor.
        const from = dayOf(Math.max(at, ctx.now - rng.int(0, 2) * DAY));
        Object.assign(row, {
          publicityFrom: from,
          publicityTo: lastOfWorkingDays(from, zone.subsidy.noticeWorkingDays, cal),
        });
        row.dueOn = row.publicityTo;
      } else if (status === "in_review") row.dueOn = dueOnFor(zone, atStage!, dayOf(at));
      if (status === "returned" || status === "rejected") {
        const note = status === "returned" ? "请补充近三年研发费用专项审计报告。" : "申报主体不符合本项目申报条件。";
        push({ applicationId: id, at: step(), actor: staff[0]!, action: status, stage: atStage!.key, note });
        if (status === "returned")
          row.dueOn = lastOfWorkingDays(addDays(dayOf(at), 1), zone.subsidy.correctionWorkingDays, cal);
        else row.decidedAt = at;
      }
      if (status === "awarded" || status === "paid") {
        const from = dayOf(step());
        const to = lastOfWorkingDays(from, zone.subsidy.noticeWorkingDays, cal);
        Object.assign(row, { publicityFrom: from, publicityTo: to });
        at = Math.min(Date.parse(`${addDays(to, 1)}T09:00:00+08:00`), ctx.now - 2 * HOUR);
        push({
          applicationId: id,
          at,
          actor: "system",
          action: "advanced",
          stage: publicity.key,
          toStage: payment.key,
          note: `公示期(${from} 至 ${to})届满无异议`,
        });
        row.stageEnteredAt = at;
        push({
          applicationId: id,
          at: step(),
          actor: staff[1]!,
          action: "awarded",
          stage: payment.key,
          amountFen: amount,
        });
        row.decidedAt = at;
      }
      if (status === "paid") {
        const paidAt = step();
        const voucherNo = `记-${dayOf(paidAt).slice(0, 7)}-S${ctx.run}-${String(i + 1).padStart(6, "0")}`;
        push({
          applicationId: id,
          at: paidAt,
          actor: staff[1]!,
          action: "paid",
          stage: payment.key,
          amountFen: amount,
          note: `${dayOf(paidAt)} 拨付,凭证号 ${voucherNo},已全部拨付`,
        });
        out.payments.push({
          id: ctx.id("payment", i),
          applicationId: id,
          enterpriseId: e.id,
          programmeId: programme.id,
          amountFen: amount,
          paidOn: dayOf(paidAt),
          voucherNo,
          recordedBy: staff[1]!,
          recordedAt: paidAt,
        });
      }
      row.stage = atStage?.key ?? null;
    }
    if (status === "withdrawn") event(Math.min((submittedAt ?? t0) + rng.int(1, 5) * DAY, ctx.now - HOUR), "withdrawn");
    out.applications.push(row);
  }
  return out;
}

/** The most a programme's amount components can give (0 when only case by case or in kind). */
export function ceilingOf(components: readonly Component[]): number {
  let max = 0;
  for (const c of components) {
    switch (c.kind) {
      case "fixed":
        max += c.fen;
        break;
      case "byChoice":
        max += Math.max(0, ...Object.values(c.amounts));
        break;
      case "percent":
        max += c.capFen ?? 100 * WAN;
        break;
      case "perUnit":
        max += c.capFen ?? c.fen * (c.maxUnits ?? 3);
        break;
      case "review":
        max += c.maxFen;
        break;
      case "when":
        max += Math.max(ceilingOf(c.then), ceilingOf(c.otherwise));
        break;
      default:
        break;
    }
  }
  return max;
}
