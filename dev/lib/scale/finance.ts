/**
 * Scaled 金融超市: bank branches with staff accounts, loan products across every bank of
 * the zone (validated by the bank form's own rules), financing needs, and loan applications
 * in every status with their timelines. Open applications are within their response days
 * or already flagged, so the scheduled escalation finds nothing new in a fresh scaled zone.
 */
import {
  type banks,
  type financingNeeds,
  GUARANTEES,
  type LoanStatus,
  type loanApplications,
  type loanEvents,
  type loanProducts,
  PRODUCT_TYPES,
  type users,
} from "../../../worker/db/schema";
import { ProductInput } from "../../../worker/features/finance/products";
import { calendarOf } from "../../../worker/lib/calendar";
import { addDays, lastOfWorkingDays } from "../../../worker/lib/working-days";
import { DAY, dayOf, daysAgo, HOUR, type ScaleContext, scaleEmail, WAN, yearOf } from "./context";
import type { ScaledEnterprise } from "./enterprises";
import { BANK_NAMES, LOAN_PURPOSES, mobile, PRODUCT_WORDS, personName } from "./names";

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface FinanceRows {
  banks: Insert<typeof banks>[];
  staff: Insert<typeof users>[];
  products: Insert<typeof loanProducts>[];
  needs: Insert<typeof financingNeeds>[];
  loans: Insert<typeof loanApplications>[];
  loanEvents: Insert<typeof loanEvents>[];
}

export interface FinanceInputs {
  enterprises: readonly ScaledEnterprise[];
  /** Banks the zone already has (the demo banks): they get scaled products and applications too. */
  existingBanks: readonly string[];
  lastNumber: Map<number, number>;
}

const LOAN_WEIGHTS: Record<LoanStatus, number> = {
  submitted: 12,
  accepted: 12,
  approved: 10,
  disbursed: 40,
  declined: 16,
  withdrawn: 10,
};
const OPEN: readonly LoanStatus[] = ["submitted", "accepted", "approved"];

export function buildFinance(ctx: ScaleContext, input: FinanceInputs): FinanceRows {
  const { zone, rng } = ctx;
  const out: FinanceRows = { banks: [], staff: [], products: [], needs: [], loans: [], loanEvents: [] };
  const cal = calendarOf(zone);
  const city = zone.region.city.replace(/市$/, "");
  const staffOf = new Map<string, { id: string | null; email: string }>();
  for (let b = 0; b < ctx.counts.banks; b++) {
    const id = ctx.id("bank", b);
    // Past the list of names, the same banks open a second branch.
    const nth = b >= BANK_NAMES.length ? ` ${Math.floor(b / BANK_NAMES.length) + 1}` : "";
    const name = `${BANK_NAMES[b % BANK_NAMES.length]}${city}高新区支行${nth}`;
    const createdAt = daysAgo(ctx, rng.int(400, 1_400));
    out.banks.push({
      id,
      name,
      createdAt,
      branch: "科技金融部",
      contactName: personName(rng),
      contactPhone: mobile(rng),
      contactEmail: scaleEmail(ctx, `bank${b + 1}`),
      status: "active",
    });
    for (let k = 0; k < 2; k++) {
      const email = scaleEmail(ctx, `bank${b + 1}-${k + 1}`);
      const userId = ctx.id("bank-user", b * 2 + k);
      out.staff.push({
        id: userId,
        email,
        name: `${personName(rng)}(客户经理)`,
        role: "bank",
        bankId: id,
        passwordHash: ctx.passwordHash,
        passwordChangedAt: createdAt,
        status: "active",
        createdAt,
        updatedAt: createdAt,
      });
      if (k === 0) staffOf.set(id, { id: userId, email });
    }
  }
  const bankIds = [...input.existingBanks, ...out.banks.map((b) => b.id!)];
  const industries = zone.priorityIndustries.map((p) => p.code);
  for (let i = 0; i < ctx.counts.products; i++) {
    const bankId = bankIds[i % bankIds.length]!;
    const min = rng.pick([10, 30, 50, 100]) * WAN;
    const minRate = rng.int(300, 480);
    const minTerm = rng.pick([3, 6, 12]);
    const p = ProductInput.parse({
      name: `${rng.pick(PRODUCT_WORDS)}${rng.chance(0.5) ? "(科技型)" : ""} ${i + 1}号`,
      type: rng.pick(PRODUCT_TYPES),
      minAmountFen: min,
      maxAmountFen: min * rng.int(5, 30),
      minRateBp: minRate,
      maxRateBp: minRate + rng.int(20, 200),
      minTermMonths: minTerm,
      maxTermMonths: minTerm * rng.int(2, 6),
      guarantees: pickSome(rng, GUARANTEES),
      industries: rng.chance(0.3) ? [rng.pick(industries)] : [],
      qualifications: rng.chance(0.3) ? [rng.pick(["hnte", "tech-sme"])] : [],
      minYears: rng.int(0, 3),
      minRevenueFen: rng.pick([0, 0, 500, 2000]) * WAN,
      features: "批量演示数据:额度、利率以银行审批为准。",
      materials: ["营业执照", "近两年财务报表"],
    } satisfies Partial<ProductInput>);
    const status = rng.weighted([85, 10, 5]);
    const createdAt = daysAgo(ctx, rng.int(30, 700));
    out.products.push({
      id: ctx.id("product", i),
      bankId,
      ...p,
      guarantees: JSON.stringify(p.guarantees),
      industries: JSON.stringify(p.industries),
      qualifications: JSON.stringify(p.qualifications),
      materials: JSON.stringify(p.materials),
      status: (["published", "draft", "withdrawn"] as const)[status]!,
      createdBy: staffOf.get(bankId)?.id ?? "seed",
      createdAt,
      updatedAt: createdAt,
      publishedAt: status === 1 ? null : createdAt,
      revision: 1,
    });
  }
  const today = dayOf(ctx.now);
  const needsOf = new Map<string, string[]>();
  for (let i = 0; i < ctx.counts.needs; i++) {
    const e = rng.pick(input.enterprises);
    const status = (["open", "met", "closed"] as const)[rng.weighted([60, 25, 15])]!;
    const createdAt = daysAgo(ctx, status === "open" ? rng.int(1, 80) : rng.int(60, 600));
    const id = ctx.id("need", i);
    out.needs.push({
      id,
      enterpriseId: e.id,
      createdBy: e.userId,
      amountFen: rng.int(5, 300) * 10 * WAN,
      termMonths: rng.pick([6, 12, 24, 36]),
      purpose: rng.pick(LOAN_PURPOSES),
      guarantees: JSON.stringify(pickSome(rng, GUARANTEES)),
      neededBy: addDays(dayOf(createdAt), rng.int(20, 120)),
      // Most open needs still show; a tenth have passed their day and drop off the lists.
      validUntil:
        status === "open" && rng.chance(0.9) ? addDays(today, rng.int(5, 120)) : addDays(dayOf(createdAt), 90),
      status,
      createdAt,
      updatedAt: createdAt,
    });
    needsOf.set(e.id, [...(needsOf.get(e.id) ?? []), id]);
  }
  const published = out.products.filter((p) => p.status === "published");
  const openPairs = new Set<string>();
  const lastNumber = new Map(input.lastNumber);
  const statuses = Object.keys(LOAN_WEIGHTS) as LoanStatus[];
  for (let i = 0; i < ctx.counts.loans; i++) {
    const e = input.enterprises[Math.floor(rng.next() ** 1.5 * input.enterprises.length)]!;
    let status = statuses[rng.weighted(statuses.map((s) => LOAN_WEIGHTS[s]))]!;
    const product = rng.pick(published.length ? published : out.products);
    // One open application per enterprise and product (a unique index): a repeat is a finished one.
    if (OPEN.includes(status) && openPairs.has(`${e.id}:${product.id}`)) status = "disbursed";
    if (OPEN.includes(status)) openPairs.add(`${e.id}:${product.id}`);
    const bank = staffOf.get(product.bankId) ?? { id: null, email: `bank@${zone.slug}.demo` };
    const open = OPEN.includes(status);
    const submittedAt = Math.max(e.createdAt + DAY, daysAgo(ctx, open ? rng.int(0, 2) : rng.int(30, 600)));
    const year = yearOf(submittedAt);
    const seq = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, seq);
    const id = ctx.id("loan", i);
    const amount = Math.min(product.maxAmountFen, Math.max(product.minAmountFen, rng.int(10, 500) * 10 * WAN));
    const term = Math.min(product.maxTermMonths, Math.max(product.minTermMonths, rng.pick([6, 12, 24, 36])));
    const row: Insert<typeof loanApplications> = {
      id,
      numberYear: year,
      numberSeq: seq,
      productId: product.id,
      bankId: product.bankId,
      enterpriseId: e.id,
      needId: rng.chance(0.4) ? (needsOf.get(e.id)?.[0] ?? null) : null,
      createdBy: e.userId,
      amountFen: amount,
      termMonths: term,
      note: null,
      status,
      submittedAt,
      acceptDueOn: lastOfWorkingDays(addDays(dayOf(submittedAt), 1), zone.finance.acceptWorkingDays, cal),
      revision: 0,
    };
    const events: Insert<typeof loanEvents>[] = [
      { applicationId: id, at: submittedAt, actorId: e.userId, actor: e.email, action: "submitted" },
    ];
    let at = submittedAt;
    const act = (action: string, note: string | null = null) => {
      at = Math.min(at + rng.int(1, 4) * DAY, ctx.now - HOUR);
      events.push({ applicationId: id, at, actorId: bank.id, actor: bank.email, action, note });
      row.revision! += 1;
      return at;
    };
    if (status !== "submitted" && status !== "withdrawn" && !(status === "declined" && rng.chance(0.5))) {
      row.acceptedAt = act("accept");
      row.decideDueOn = lastOfWorkingDays(addDays(dayOf(at), 1), zone.finance.decideWorkingDays, cal);
    }
    if (status === "approved" || status === "disbursed") {
      row.decidedAt = act("approve");
      Object.assign(row, {
        approvedAmountFen: amount,
        approvedRateBp: rng.int(product.minRateBp, product.maxRateBp),
        approvedTermMonths: term,
      });
    }
    if (status === "disbursed") {
      row.disbursedAt = act("disburse");
      Object.assign(row, { disbursedAmountFen: amount, disbursedOn: dayOf(at) });
    }
    if (status === "declined") {
      row.decidedAt = act("decline", "企业近两年营业收入不满足产品准入要求。");
      row.declineReason = "企业近两年营业收入不满足产品准入要求。";
    }
    if (status === "withdrawn") {
      at = Math.min(at + DAY, ctx.now - HOUR);
      events.push({ applicationId: id, at, actorId: e.userId, actor: e.email, action: "withdrawn" });
      row.revision! += 1;
    }
    out.loans.push(row);
    out.loanEvents.push(...events);
  }
  return out;
}

/** One or more of `list`, in its order. */
function pickSome<T>(rng: ScaleContext["rng"], list: readonly T[]): T[] {
  const some = list.filter(() => rng.chance(0.4));
  return some.length ? some : [rng.pick(list)];
}
