/**
 * Financing needs (企业融资需求信息库): an enterprise posts what it needs and
 * sees the products that fit, ranked and explained from its own records; a
 * bank sees the open needs that fit its products, with the enterprise's
 * financial data only where the enterprise consented for that bank.
 */
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { enterprises, financingNeeds, GUARANTEES, loanProducts, type FinancingNeedRow } from "../../db/schema";
import { addYears, assertDateInRange } from "../../lib/date-range";
import { distinct } from "../../lib/distinct";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import { newId } from "../../lib/ids";
import {
  compareMatches,
  matchProduct,
  rankProductsForNeed,
  yearsSince,
  type EnterpriseTerms,
  type Guarantee,
} from "../../engines/loan-match/match";
import { isCalendarDate, shanghaiDate } from "../../lib/calendar";
import { loadEnterpriseProfiles } from "../policies/enterprise-profiles";
import { consentedEnterprises } from "./consents";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { namesOf } from "../../../web/labels/finance";
import type { BankNeedRow } from "../../../web/pages/finance/rows";
import { memberOf } from "./actor-roles";
import { list, termsOf } from "./context";
import { listCatalogue } from "./products";

const date = z.string().max(10, "日期格式为 YYYY-MM-DD").refine(isCalendarDate, "日期格式为 YYYY-MM-DD");
export const NeedInput = z
  .strictObject({
    amountFen: z.number().int().min(10_000_00, "金额至少1万元").max(1e14),
    termMonths: z.number().int().min(1, "期限至少1个月").max(360),
    purpose: textField({ label: "资金用途", max: 300, multiline: true }).refine(
      (s) => s.length >= 4,
      "请说明资金用途(至少4个字)",
    ),
    // At most one of each: 100,000 repeated entries were once stored and made every bank's needs page 9.9 MB.
    guarantees: distinct(
      z.array(z.enum(GUARANTEES)).min(1, "至少选择一种可提供的担保方式").max(GUARANTEES.length),
      "担保方式",
    ),
    neededBy: date,
    validUntil: date,
  })
  .superRefine((n, ctx) => {
    if (n.validUntil < n.neededBy)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "有效期不能早于用款时间" });
  });
export type NeedInput = z.infer<typeof NeedInput>;

export async function postNeed(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "actor">,
  input: NeedInput,
): Promise<FinancingNeedRow> {
  const enterpriseId = memberOf(ctx.actor);
  const today = shanghaiDate(ctx.now);
  if (input.validUntil < today)
    throw new AppError("validation_failed", "有效期已过,请选择今天或以后的日期。", { validUntil: "不能早于今天" });
  // A need is a request for money now, not a standing listing: 9999-12-31 meant "never expires".
  const latest = addYears(today, 1);
  assertDateInRange("neededBy", "用款时间", input.neededBy, today, latest);
  assertDateInRange("validUntil", "有效期", input.validUntil, today, latest);
  const t = ctx.now.getTime();
  const row = {
    id: newId(),
    enterpriseId,
    createdBy: ctx.actor.id,
    ...input,
    guarantees: JSON.stringify(input.guarantees),
    status: "open" as const,
    createdAt: t,
    updatedAt: t,
  };
  await ctx.db.insert(financingNeeds).values(row);
  return row;
}

async function ownNeed(ctx: Pick<RequestCtx<Actor>, "db" | "actor">, id: string): Promise<FinancingNeedRow> {
  const enterpriseId = memberOf(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(financingNeeds)
    .where(and(eq(financingNeeds.id, id), eq(financingNeeds.enterpriseId, enterpriseId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "没有这条融资需求。");
  return row;
}

export async function closeNeed(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "actor">,
  id: string,
  status: "met" | "closed",
) {
  const need = await ownNeed(ctx, id);
  if (need.status !== "open") return need;
  const [row] = await ctx.db
    .update(financingNeeds)
    .set({ status, updatedAt: ctx.now.getTime() })
    .where(and(eq(financingNeeds.id, id), eq(financingNeeds.status, "open")))
    .returning();
  return row ?? need;
}

export async function listMyNeeds(ctx: Pick<RequestCtx<Actor>, "db" | "actor">) {
  return ctx.db
    .select()
    .from(financingNeeds)
    .where(eq(financingNeeds.enterpriseId, memberOf(ctx.actor)))
    .orderBy(desc(financingNeeds.createdAt));
}

/** The enterprise as the matcher sees it: everything, for its own members; for a bank, only with consent. */
export async function enterpriseTerms(
  db: TenantDb,
  enterpriseIds: string[],
  today: string,
  visible: (id: string) => boolean,
): Promise<Map<string, EnterpriseTerms>> {
  const out = new Map<string, EnterpriseTerms>();
  if (!enterpriseIds.length) return out;
  const rows = await db
    .select({ id: enterprises.id, industry: enterprises.industry, registeredOn: enterprises.registeredOn })
    .from(enterprises)
    .where(inArray(enterprises.id, enterpriseIds));
  // One enterprise: its own three reads; several (a bank's list of needs): every active one in one batch, not a batch
  // each.
  const loaded =
    enterpriseIds.length === 1
      ? await loadEnterpriseProfiles({ db }, today, enterpriseIds[0])
      : await loadEnterpriseProfiles({ db }, today);
  const profiles = new Map(loaded.map((p) => [p.id, p.profile]));
  for (const r of rows) {
    const shared = visible(r.id);
    const figures = [...(profiles.get(r.id)?.figures ?? [])].sort((a, b) => b.year - a.year);
    out.set(r.id, {
      industry: r.industry,
      qualifications: shared ? (profiles.get(r.id)?.qualifications ?? []) : null,
      yearsInOperation: shared ? yearsSince(r.registeredOn, today) : null,
      revenueFen: shared ? (figures[0]?.revenueFen ?? null) : null,
    });
  }
  return out;
}

/** For the enterprise: every published product ranked for one of its needs, criterion by criterion. */
export async function productsForNeed(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">, needId: string) {
  const need = await ownNeed(ctx, needId);
  const today = shanghaiDate(ctx.now);
  const facts = (await enterpriseTerms(ctx.db, [need.enterpriseId], today, () => true)).get(need.enterpriseId)!;
  const catalogue = await listCatalogue(ctx.db, {});
  const byId = new Map(catalogue.map((c) => [c.product.id, c]));
  const ranked = rankProductsForNeed(
    catalogue.map((c) => termsOf(c.product)),
    { amountFen: need.amountFen, termMonths: need.termMonths, guarantees: list<Guarantee>(need.guarantees) },
    facts,
    namesOf(ctx.zone),
  );
  return {
    need,
    matches: ranked.map((m) => ({ ...m, bankName: byId.get(m.productId)!.bankName, row: m.product.row })),
  };
}

/** For a bank: open, unexpired needs ranked by how well its best published product fits them. */
export async function needsForBank(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
): Promise<BankNeedRow[]> {
  if (ctx.actor.role !== "bank" || !ctx.actor.bankId)
    throw new AppError("forbidden", "只有金融机构用户可以查看融资需求。");
  const bankId = ctx.actor.bankId;
  const today = shanghaiDate(ctx.now);
  const products = (
    await ctx.db
      .select()
      .from(loanProducts)
      .where(and(eq(loanProducts.bankId, bankId), eq(loanProducts.status, "published")))
  ).map(termsOf);
  const needs = await ctx.db
    .select({ need: financingNeeds, enterprise: enterprises.name, industry: enterprises.industry })
    .from(financingNeeds)
    .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
    .where(
      and(eq(financingNeeds.status, "open"), gte(financingNeeds.validUntil, today), eq(enterprises.status, "active")),
    );
  const consented = await consentedEnterprises(ctx.db, bankId);
  const facts = await enterpriseTerms(ctx.db, [...new Set(needs.map((n) => n.need.enterpriseId))], today, (id) =>
    consented.has(id),
  );
  const names = namesOf(ctx.zone);
  const rows = needs
    .map((n) => {
      const terms = {
        amountFen: n.need.amountFen,
        termMonths: n.need.termMonths,
        guarantees: list<Guarantee>(n.need.guarantees),
      };
      const best =
        products
          .map((p) => ({ ...matchProduct(p, terms, facts.get(n.need.enterpriseId)!, names), product: p }))
          .sort(compareMatches)[0] ?? null;
      return { ...n, consented: consented.has(n.need.enterpriseId), facts: facts.get(n.need.enterpriseId)!, best };
    })
    .filter((r) => r.best !== null);
  rows.sort(
    (a, b) =>
      compareMatches(a.best!, b.best!) || a.need.createdAt - b.need.createdAt || (a.need.id < b.need.id ? -1 : 1),
  );
  return rows;
}
