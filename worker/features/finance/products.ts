/**
 * Loan products: a bank's staff create, edit, publish and withdraw them; the
 * zone's 金融超市 lists the published ones (./catalogue). Each write is its
 * checks' reads in one round trip and its writes (the row, the audit row
 * chained to it) in another. Ranges must be ordered
 * and annual rates between 0.01% and 36% (basis points), a guard against a
 * misplaced decimal rather than a statement of what is lawful.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TenantDb } from "../../db/open";
import { banks, GUARANTEES, loanProducts, PRODUCT_TYPES, type LoanProductRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { distinct } from "../../lib/distinct";
import { textField } from "../../lib/text";
import { newId } from "../../lib/ids";
import { onlyIfChanged } from "../../db/only-if-changed";
import { auditInsert } from "../audit/audit";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { bankOf } from "./actor-roles";

const money = z.number().int().min(0).max(1e14);
export const code = z
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
  const [created] = await ctx.db.batch([
    ctx.db.insert(loanProducts).values(row).returning(),
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
  return created[0]!;
}

export async function updateProduct(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  id: string,
  input: ProductInput,
  revision?: number,
): Promise<LoanProductRow> {
  const current = await ownProduct(ctx, id);
  checkCodes(ctx, input);
  // The edit and its audit row together: the audit row only if the revision guard let the edit through.
  const [rows] = await ctx.db.batch([
    ctx.db
      .update(loanProducts)
      .set({ ...columns(input), updatedAt: ctx.now.getTime(), revision: sql`${loanProducts.revision} + 1` })
      .where(and(eq(loanProducts.id, id), eq(loanProducts.revision, revision ?? current.revision)))
      .returning(),
    onlyIfChanged(ctx.db, productAudit(ctx, "finance.product_updated", id)),
  ]);
  if (!rows[0]) throw new AppError("conflict", "这个产品刚被同事修改过,请刷新后再改。");
  return rows[0];
}

const productAudit = (ctx: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">, action: string, id: string) =>
  auditInsert(
    ctx.db,
    { actorId: ctx.actor.id, actor: ctx.actor.email, action, target: id, result: "ok", ip: ctx.ip },
    ctx.now,
  );

export async function setProductStatus(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  id: string,
  status: "published" | "withdrawn",
): Promise<LoanProductRow> {
  const bankId = bankOf(ctx.actor);
  // The product and its bank's status in one round trip; the change and its audit row in another.
  const [own, bank] = await ctx.db.batch([
    ctx.db
      .select()
      .from(loanProducts)
      .where(and(eq(loanProducts.id, id), eq(loanProducts.bankId, bankId)))
      .limit(1),
    ctx.db.select({ status: banks.status }).from(banks).where(eq(banks.id, bankId)),
  ]);
  const current = own[0];
  if (!current) throw new AppError("not_found", "没有这个贷款产品。");
  if (current.status === status) return current;
  if (status === "published" && bank[0]?.status !== "active")
    throw new AppError("forbidden", "本机构已暂停,不能发布产品。");
  const t = ctx.now.getTime();
  const [rows] = await ctx.db.batch([
    ctx.db
      .update(loanProducts)
      .set({
        status,
        updatedAt: t,
        ...(status === "published" ? { publishedAt: t } : {}),
        revision: sql`${loanProducts.revision} + 1`,
      })
      .where(
        and(
          eq(loanProducts.id, id),
          eq(loanProducts.revision, current.revision),
          // The bank's status as the write sees it: a suspension landing after the read above publishes nothing.
          status === "published"
            ? sql`exists (select 1 from banks where id = ${bankId} and status = 'active')`
            : undefined,
        ),
      )
      .returning(),
    onlyIfChanged(ctx.db, productAudit(ctx, `finance.product_${status}`, id)),
  ]);
  if (!rows[0]) throw new AppError("conflict", "这个产品刚被同事修改过,请刷新后再试。");
  return rows[0];
}

/** The bank's own products, drafts first (unawaited, for a batch): a bank offers tens, not thousands. */
export function listBankProducts(db: TenantDb, bankId: string) {
  return db
    .select()
    .from(loanProducts)
    .where(eq(loanProducts.bankId, bankId))
    .orderBy(asc(loanProducts.status), asc(loanProducts.name));
}

/** One product with its bank, unawaited so a page can batch it; visibleProduct decides who may see it. */
export const productQuery = (db: TenantDb, id: string) =>
  db
    .select({ product: loanProducts, bankName: banks.name, bankBranch: banks.branch, bankStatus: banks.status })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(eq(loanProducts.id, id))
    .limit(1);

/** The product if the reader may see it: published (and its bank active), or the reader's own bank's. */
export function visibleProduct<R extends { product: LoanProductRow; bankStatus: string }>(
  row: R | undefined,
  reader: Actor | null,
): R {
  const own = row && reader?.role === "bank" && reader.bankId === row.product.bankId;
  if (!row || (!own && (row.product.status !== "published" || row.bankStatus !== "active")))
    throw new AppError("not_found", "金融超市没有这个产品。");
  return row;
}

/** One product for its public page: published (and its bank active), or the reader's own bank's. */
export async function getProduct(db: TenantDb, id: string, reader: Actor | null) {
  const [row] = await productQuery(db, id);
  return visibleProduct(row, reader);
}
