/**
 * What the enterprise's 金融超市 pages read beyond the services: its loan
 * applications with product and bank names, the one still pending for a
 * product, one application with its timeline, need and the bank's referral,
 * and the banks it may grant or has granted.
 * Every read is scoped to the member's own enterprise (memberOf, a condition in each query).
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { banks, financingNeeds, loanApplications, loanEvents, loanProducts, OPEN_LOAN_STATUSES } from "../../db/schema";
import { listConsents } from "./consents";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { loanSearch } from "./list-loans";
import { AppError } from "../../lib/errors";
import type { MyLoanRow } from "../../../web/pages/finance/member-loans";
import { decodeCursor, pageOf, type Page } from "./paging";
import { memberOf } from "./actor-roles";
import { shanghaiDate } from "../../lib/calendar";
import { applicationNumber } from "../../lib/application-number";
import { currentPolicyQuery, policyFromRow } from "../policies/current-policy";
import { RETIRED_PROGRAMME } from "../../../web/labels/subsidies";
import type { LoanInterest } from "../../../web/pages/finance/member-interest";
import { interestProgrammes, loanSubsidiesQuery } from "./interest-programmes";

export const MY_LOANS_PAGE = 20;

/** The member's enterprise's applications, newest first, a page at a time, with the total (one round trip). */
export async function myLoans(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  query: { q?: string | undefined; after?: string | undefined } = {},
): Promise<Page<MyLoanRow>> {
  const a = loanApplications;
  const search = loanSearch(ctx, query.q, [loanProducts.name, banks.name]);
  const where = and(eq(a.enterpriseId, memberOf(ctx.actor)), search);
  const after = decodeCursor(query.after, ["n", "s"]);
  const keyset = after
    ? sql`(${a.submittedAt} < ${after[0]} or (${a.submittedAt} = ${after[0]} and ${a.id} < ${after[1]}))`
    : undefined;
  const counted = ctx.db.select({ total: sql<number>`count(*)` }).from(a);
  const [rows, [total]] = await ctx.db.batch([
    ctx.db
      .select({
        id: a.id,
        numberYear: a.numberYear,
        numberSeq: a.numberSeq,
        productName: loanProducts.name,
        bankName: banks.name,
        amountFen: a.amountFen,
        termMonths: a.termMonths,
        status: a.status,
        submittedAt: a.submittedAt,
        acceptDueOn: a.acceptDueOn,
        decideDueOn: a.decideDueOn,
      })
      .from(a)
      .innerJoin(loanProducts, eq(loanProducts.id, a.productId))
      .innerJoin(banks, eq(banks.id, a.bankId))
      .where(and(where, keyset))
      .orderBy(desc(a.submittedAt), desc(a.id))
      .limit(MY_LOANS_PAGE + 1),
    // The search matches names: only then does the count need the joins.
    search
      ? counted
          .innerJoin(loanProducts, eq(loanProducts.id, a.productId))
          .innerJoin(banks, eq(banks.id, a.bankId))
          .where(where)
      : counted.where(where),
  ]);
  return pageOf(rows, MY_LOANS_PAGE, total?.total ?? 0, (r) => [r.submittedAt, r.id]);
}

/** The member's application to this product still in progress (not yet 放款, 拒绝 or withdrawn), unawaited. */
export function pendingApplicationQuery(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">,
  productId: string,
) {
  return ctx.db
    .select({
      id: loanApplications.id,
      numberYear: loanApplications.numberYear,
      numberSeq: loanApplications.numberSeq,
      status: loanApplications.status,
      submittedAt: loanApplications.submittedAt,
      amountFen: loanApplications.amountFen,
      termMonths: loanApplications.termMonths,
    })
    .from(loanApplications)
    .where(
      and(
        eq(loanApplications.enterpriseId, memberOf(ctx.actor)),
        eq(loanApplications.productId, productId),
        inArray(loanApplications.status, [...OPEN_LOAN_STATUSES]),
      ),
    )
    .orderBy(desc(loanApplications.submittedAt))
    .limit(1);
}

/** A product and its bank, keyed by the SQL that names it, and whether the catalogue still lists it. */
const productAndBank = (ctx: Pick<RequestCtx<Actor>, "db">, productId: SQL) =>
  ctx.db
    .select({
      id: loanProducts.id,
      name: loanProducts.name,
      type: loanProducts.type,
      status: loanProducts.status,
      bankName: banks.name,
      bankStatus: banks.status,
    })
    .from(loanProducts)
    .innerJoin(banks, eq(banks.id, loanProducts.bankId))
    .where(eq(loanProducts.id, productId))
    .limit(1);

const listed = (row: Awaited<ReturnType<typeof productAndBank>>[number] | undefined) =>
  row
    ? {
        id: row.id,
        name: row.name,
        bankName: row.bankName,
        published: row.status === "published" && row.bankStatus === "active",
      }
    : null;

/**
 * One of the member's applications (another enterprise's is a 404) with what its page shows, in one round trip:
 * every part is keyed by the application's id in SQL and scoped to the member's enterprise. A disbursed loan
 * also shows its 贴息: the programmes it may apply for and the applications started from it.
 */
export async function myLoan(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">, id: string) {
  const enterpriseId = memberOf(ctx.actor);
  const own = and(eq(loanApplications.id, id), eq(loanApplications.enterpriseId, enterpriseId));
  const column = (name: string) =>
    sql`(select ${sql.raw(`"${name}"`)} from loan_applications where id = ${id} and enterprise_id = ${enterpriseId})`;
  const today = shanghaiDate(ctx.now);
  const [loans, product, referral, events, needs, policies, subsidies] = await ctx.db.batch([
    ctx.db.select().from(loanApplications).where(own).limit(1),
    productAndBank(ctx, column("product_id")),
    productAndBank(ctx, column("referral_product_id")),
    ctx.db
      .select()
      .from(loanEvents)
      .where(and(eq(loanEvents.applicationId, id), sql`exists (select 1 from loan_applications where ${own})`))
      .orderBy(asc(loanEvents.id)),
    ctx.db
      .select({ id: financingNeeds.id, amountFen: financingNeeds.amountFen, termMonths: financingNeeds.termMonths })
      .from(financingNeeds)
      .where(and(eq(financingNeeds.id, column("need_id")), eq(financingNeeds.enterpriseId, enterpriseId))),
    currentPolicyQuery(ctx.db, ctx.zone, today),
    loanSubsidiesQuery(ctx.db, id, enterpriseId),
  ]);
  const loan = loans[0];
  if (!loan) throw new AppError("not_found", "没有这笔贷款申请。");
  const p = listed(product[0])!;
  const interest = await loanInterest(ctx, { loan, productType: product[0]!.type, today }, policies[0], subsidies);
  return {
    loan,
    product: p,
    bankName: p.bankName,
    referral: listed(referral[0]),
    events,
    need: needs[0] ?? null,
    interest,
  };
}

/** A disbursed loan's 贴息 as its page shows it; null for a loan not (yet) disbursed. */
async function loanInterest(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone">,
  o: { loan: typeof loanApplications.$inferSelect; productType: string; today: string },
  policyRow: Parameters<typeof policyFromRow>[1],
  subsidies: Awaited<ReturnType<typeof loanSubsidiesQuery>>,
): Promise<LoanInterest | null> {
  const { loan } = o;
  const { disbursedAmountFen: amountFen, approvedRateBp: rateBp, approvedTermMonths: termMonths } = loan;
  if (loan.status !== "disbursed" || amountFen === null || rateBp === null || termMonths === null) return null;
  if (!loan.disbursedOn) return null;
  const policy = await policyFromRow(ctx, policyRow);
  const record = { amountFen, rateBp, termMonths, disbursedOn: loan.disbursedOn, productType: o.productType };
  const title = (id: string) => policy?.compiled.programmes.get(id)?.title.zh ?? RETIRED_PROGRAMME;
  return {
    programmes: interestProgrammes(ctx, policy, record, o.today).map((x) => ({
      id: x.id,
      title: x.title.zh,
      draftId: subsidies.find((a) => a.programmeId === x.id && a.status === "draft")?.id ?? null,
    })),
    applications: subsidies.map((a) => ({
      id: a.id,
      title: title(a.programmeId),
      status: a.status,
      number: applicationNumber(ctx.zone, "subsidy", a),
      amountFen: a.amountFen,
    })),
  };
}

/** The member's grants (newest first, revoked ones too) and the zone's active banks it has not granted. */
export async function consentChoices(ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "actor">) {
  const [rows, active] = await Promise.all([
    listConsents(ctx),
    ctx.db
      .select({ id: banks.id, name: banks.name, branch: banks.branch })
      .from(banks)
      .where(eq(banks.status, "active"))
      .orderBy(asc(banks.name)),
  ]);
  const consents = rows
    .map((r) => ({
      bankId: r.consent.bankId,
      bankName: r.bankName,
      grantedAt: r.consent.grantedAt,
      grantedBy: r.consent.grantedBy,
      revokedAt: r.consent.revokedAt,
    }))
    .sort((a, b) => b.grantedAt - a.grantedAt);
  const granted = new Set(consents.filter((c) => c.revokedAt === null).map((c) => c.bankId));
  return { consents, others: active.filter((b) => !granted.has(b.id)) };
}
