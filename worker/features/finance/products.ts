/**
 * Loan products: a bank's staff create, edit, publish and withdraw them; the
 * zone's 金融超市 lists the published ones with filters. Ranges must be ordered
 * and annual rates between 0.01% and 36% (basis points), a guard against a
 * misplaced decimal rather than a statement of what is lawful.
 */
import { and, asc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { banks, GUARANTEES, loanProducts, PRODUCT_TYPES, type LoanProductRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { distinct } from "../../lib/distinct";
import { textField } from "../../lib/text";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { bankOf } from "./actor-roles";

const money = z.number().int().min(0).max(1e14);
const code = z
  .string()
  .max(41)
  .regex(/^[a-z][a-z0-9-]{1,40}$/);
export const ProductInput = z
  .strictObject({
    name: textField({ label: "产品名称", max: 40 }).refine((s) => s.length >= 2, "请填写产品名称"),
    type: z.enum(PRODUCT_TYPES),
    minAmountFen: money,
    maxAmountFen: money.min(1, "最高额度须大于0"),
    minRateBp: z.number().int().min(1, "年利率须大于0").max(3600, "年利率不超过36%"),
    maxRateBp: z.number().int().min(1).max(3600, "年利率不超过36%"),
    minTermMonths: z.number().int().min(1, "期限至少1个月").max(360, "期限最长360个月"),
    maxTermMonths: z.number().int().min(1).max(360, "期限最长360个月"),
    guarantees: distinct(z.array(z.enum(GUARANTEES)).min(1, "至少选择一种担保方式").max(GUARANTEES.length), "担保方式"),
    industries: distinct(z.array(code).max(20, "目标产业最多 20 个"), "目标产业").default([]),
    qualifications: distinct(z.array(code).max(10, "资质要求最多 10 项"), "资质要求").default([]),
    minYears: z.number().int().min(0).max(50).default(0),
    minRevenueFen: money.default(0),
    region: textField({ label: "适用地区", max: 40 }).nullable().default(null),
    features: textField({ label: "产品特点", max: 500, multiline: true }).default(""),
    materials: distinct(
      z.array(textField({ label: "所需材料", max: 60, min: 1 })).max(20, "所需材料最多 20 项"),
      "所需材料",
    ).default([]),
    contactName: textField({ label: "联系人", max: 30 }).nullable().default(null),
    contactPhone: textField({ label: "联系电话", max: 30 }).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.minAmountFen > p.maxAmountFen)
      ctx.addIssue({ code: "custom", path: ["minAmountFen"], message: "最低额度不能高于最高额度" });
    if (p.minRateBp > p.maxRateBp)
      ctx.addIssue({ code: "custom", path: ["minRateBp"], message: "最低利率不能高于最高利率" });
    if (p.minTermMonths > p.maxTermMonths)
      ctx.addIssue({ code: "custom", path: ["minTermMonths"], message: "最短期限不能长于最长期限" });
  });
export type ProductInput = z.infer<typeof ProductInput>;

function checkCodes(ctx: Pick<RequestCtx, "zone">, p: ProductInput) {
  const ind = new Set(ctx.zone.priorityIndustries.map((i) => i.code));
  const qual = new Set(ctx.zone.qualifications.map((q) => q.code));
  const bad = p.industries.find((c) => !ind.has(c));
  if (bad) throw new AppError("validation_failed", `本园区没有产业“${bad}”。`, { industries: "不是本园区的产业" });
  const badQ = p.qualifications.find((c) => !qual.has(c));
  if (badQ)
    throw new AppError("validation_failed", `本园区没有资质“${badQ}”。`, { qualifications: "不是本园区的资质" });
}

const columns = (p: ProductInput) => ({
  ...p,
  guarantees: JSON.stringify(p.guarantees),
  industries: JSON.stringify(p.industries),
  qualifications: JSON.stringify(p.qualifications),
  materials: JSON.stringify(p.materials),
});

/** A product of the actor's own bank (another bank's → 404, as if it did not exist). */
export async function ownProduct(ctx: Pick<RequestCtx<Actor>, "db" | "actor">, id: string): Promise<LoanProductRow> {
  const bankId = bankOf(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(loanProducts)
    .where(and(eq(loanProducts.id, id), eq(loanProducts.bankId, bankId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "没有这个贷款产品。");
  return row;
}

export async function createProduct(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  input: ProductInput,
): Promise<LoanProductRow> {
  const bankId = bankOf(ctx.actor);
  checkCodes(ctx, input);
  const [bank] = await ctx.db.select({ status: banks.status }).from(banks).where(eq(banks.id, bankId));
  if (bank?.status !== "active") throw new AppError("forbidden", "本机构已暂停,不能发布产品。");
  const t = ctx.now.getTime();
  const row = {
    id: newId(),
    bankId,
    ...columns(input),
    status: "draft" as const,
    createdBy: ctx.actor.id,
    createdAt: t,
    updatedAt: t,
  };
  await ctx.db.batch([
    ctx.db.insert(loanProducts).values(row),
    auditInsert(
      ctx.db,
      {
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "finance.product_created",
        target: row.id,
        result: "ok",
        ip: ctx.ip,
      },
      ctx.now,
    ),
  ]);
  return await ownProduct(ctx, row.id);
}

export async function updateProduct(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  id: string,
  input: ProductInput,
  revision?: number,
): Promise<LoanProductRow> {
  const current = await ownProduct(ctx, id);
  checkCodes(ctx, input);
  const [row] = await ctx.db
    .update(loanProducts)
    .set({ ...columns(input), updatedAt: ctx.now.getTime(), revision: sql`${loanProducts.revision} + 1` })
    .where(and(eq(loanProducts.id, id), eq(loanProducts.revision, revision ?? current.revision)))
    .returning();
  if (!row) throw new AppError("conflict", "这个产品刚被同事修改过,请刷新后再改。");
  await auditInsert(
    ctx.db,
    {
      actorId: ctx.actor.id,
      actor: ctx.actor.email,
      action: "finance.product_updated",
      target: id,
      result: "ok",
      ip: ctx.ip,
    },
    ctx.now,
  );
  return row;
}

export async function setProductStatus(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  id: string,
  status: "published" | "withdrawn",
): Promise<LoanProductRow> {
  const current = await ownProduct(ctx, id);
  if (current.status === status) return current;
  if (status === "published") {
    const [bank] = await ctx.db.select({ status: banks.status }).from(banks).where(eq(banks.id, current.bankId));
    if (bank?.status !== "active") throw new AppError("forbidden", "本机构已暂停,不能发布产品。");
  }
  const t = ctx.now.getTime();
  const [row] = await ctx.db
    .update(loanProducts)
    .set({
      status,
      updatedAt: t,
      ...(status === "published" ? { publishedAt: t } : {}),
      revision: sql`${loanProducts.revision} + 1`,
    })
    .where(and(eq(loanProducts.id, id), eq(loanProducts.revision, current.revision)))
    .returning();
  if (!row) throw new AppError("conflict", "这个产品刚被同事修改过,请刷新后再试。");
  await auditInsert(
    ctx.db,
    {
      actorId: ctx.actor.id,
      actor: ctx.actor.email,
      action: `finance.product_${status}`,
      target: id,
      result: "ok",
      ip: ctx.ip,
    },
    ctx.now,
  );
  return row;
}

export async function listBankProducts(db: TenantDb, bankId: string) {
  return db
    .select()
    .from(loanProducts)
    .where(eq(loanProducts.bankId, bankId))
    .orderBy(asc(loanProducts.status), asc(loanProducts.name));
}

export const CatalogueQuery = z.object({
  type: z.enum(PRODUCT_TYPES).optional(),
  /** The amount wanted (fen): products whose range holds it. */
  amountFen: z.coerce.number().int().min(0).max(1e14).optional(),
  termMonths: z.coerce.number().int().min(1).max(360).optional(),
  /** The highest rate acceptable (bp): products whose lowest rate is at most it. */
  maxRateBp: z.coerce.number().int().min(1).max(3600).optional(),
  guarantee: z.enum(GUARANTEES).optional(),
  industry: code.optional(),
  q: textField({ label: "搜索词", max: 40 }).optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

/** The zone's 金融超市: published products of active banks, filtered. */
export async function listCatalogue(db: TenantDb, q: CatalogueQuery) {
  const where: (SQL | undefined)[] = [eq(loanProducts.status, "published"), eq(banks.status, "active")];
  if (q.type) where.push(eq(loanProducts.type, q.type));
  if (q.amountFen !== undefined)
    where.push(lte(loanProducts.minAmountFen, q.amountFen), gte(loanProducts.maxAmountFen, q.amountFen));
  if (q.termMonths !== undefined)
    where.push(lte(loanProducts.minTermMonths, q.termMonths), gte(loanProducts.maxTermMonths, q.termMonths));
  if (q.maxRateBp !== undefined) where.push(lte(loanProducts.minRateBp, q.maxRateBp));
  if (q.guarantee)
    where.push(sql`exists (select 1 from json_each(${loanProducts.guarantees}) where value = ${q.guarantee})`);
  if (q.industry) {
    const served = sql`exists (select 1 from json_each(${loanProducts.industries}) where value = ${q.industry})`;
    where.push(sql`(${loanProducts.industries} = '[]' or ${served})`);
  }
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(
      sql`(${loanProducts.name} like ${pattern} escape '\\' or ${loanProducts.features} like ${pattern} escape '\\')`,
    );
  }
  return db
    .select({ product: loanProducts, bankName: banks.name, bankBranch: banks.branch })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(and(...where))
    .orderBy(asc(loanProducts.minRateBp), asc(loanProducts.name));
}

/** One product for its public page: published (and its bank active), or the reader's own bank's. */
export async function getProduct(db: TenantDb, id: string, reader: Actor | null) {
  const [row] = await db
    .select({ product: loanProducts, bankName: banks.name, bankBranch: banks.branch, bankStatus: banks.status })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(eq(loanProducts.id, id))
    .limit(1);
  const own = row && reader?.role === "bank" && reader.bankId === row.product.bankId;
  if (!row || (!own && (row.product.status !== "published" || row.bankStatus !== "active")))
    throw new AppError("not_found", "金融超市没有这个产品。");
  return row;
}
