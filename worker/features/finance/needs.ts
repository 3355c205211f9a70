/**
 * Financing needs (企业融资需求信息库): an enterprise posts what it needs and
 * sees the products that fit, ranked and explained from its own records; a
 * bank sees the open needs that fit its products, with the enterprise's
 * financial data only where the enterprise consented for that bank.
 */
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { financingNeeds, GUARANTEES, type FinancingNeedRow } from "../../db/schema";
import { addYears, assertDateInRange } from "../../lib/date-range";
import { distinct } from "../../lib/distinct";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import { newId } from "../../lib/ids";
import { rankProductsForNeed, type Guarantee } from "../../engines/loan-match/match";
import { isCalendarDate, shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { namesOf } from "../../../web/labels/finance";
import { memberOf } from "./actor-roles";
import { list, termsOf } from "./context";
import { catalogueQuery } from "./catalogue";
import { enterpriseFactsQuery, factsOf, NO_FACTS } from "./enterprise-facts-sql";

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

const ownNeedQuery = (ctx: Pick<RequestCtx<Actor>, "db" | "actor">, id: string) =>
  ctx.db
    .select()
    .from(financingNeeds)
    .where(and(eq(financingNeeds.id, id), eq(financingNeeds.enterpriseId, memberOf(ctx.actor))))
    .limit(1);

async function ownNeed(ctx: Pick<RequestCtx<Actor>, "db" | "actor">, id: string): Promise<FinancingNeedRow> {
  const [row] = await ownNeedQuery(ctx, id);
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

/** The member's open needs, newest first, unawaited (the apply form's choices). */
export const openNeedsQuery = (ctx: Pick<RequestCtx<Actor>, "db" | "actor">) =>
  ctx.db
    .select()
    .from(financingNeeds)
    .where(and(eq(financingNeeds.enterpriseId, memberOf(ctx.actor)), eq(financingNeeds.status, "open")))
    .orderBy(desc(financingNeeds.createdAt));

/** For the enterprise: every published product ranked for one of its needs, criterion by criterion. */
export async function productsForNeed(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">, needId: string) {
  const enterpriseId = memberOf(ctx.actor);
  const today = shanghaiDate(ctx.now);
  // The need, the enterprise's own facts and the catalogue: one round trip.
  const [needs, own, catalogue] = await ctx.db.batch([
    ownNeedQuery(ctx, needId),
    enterpriseFactsQuery(ctx.db, enterpriseId, null, today),
    catalogueQuery(ctx.db, {}),
  ]);
  const need = needs[0];
  if (!need) throw new AppError("not_found", "没有这条融资需求。");
  const facts = own[0] ? factsOf(own[0], own[0], today).facts : NO_FACTS.facts;
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
