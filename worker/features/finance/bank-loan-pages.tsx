/**
 * 金融超市 for a bank's staff, after the products: 融资需求 (open needs ranked
 * for the bank's published products, financial facts only with consent) and
 * 贷款申请 (the queue with due dates and overdue flags; one application with
 * its timeline and the forms for its status: 受理, 授信, 放款, 拒绝 with an
 * optional referral). A refused action re-renders the application with the
 * message under its form and the 4xx, having changed nothing.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { eq } from "drizzle-orm";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { loanProducts } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { BankLoanPage, type FailedAction } from "../../../web/pages/finance/bank-loan";
import { BankLoansPage } from "../../../web/pages/finance/bank-loans";
import { BankNeedsPage } from "../../../web/pages/finance/bank-needs";
import type { Notice } from "../../../web/pages/finance/shared";
import { signedIn } from "../auth/guard";
import { formFailure } from "../auth/page-forms";
import { isCalendarDate, shanghaiDate } from "../../lib/calendar";
import { financeCtx } from "./api-context";
import { bankPagePaths, idParam } from "./bank-pages";
import { percentToBp, wanToFen, wholeNumber } from "./form-amounts";
import { hasConsent } from "./consents";
import { getLoanDetail, listLoansFor } from "./list-loans";
import { actOnLoan, BankAction } from "./loan-applications";
import { enterpriseTerms, needsForBank } from "./needs";
import { bankOf, listBankProducts, listCatalogue } from "./products";

const NOT_FOUND = "没有这笔贷款申请。";
const DONE: Record<string, string> = {
  accept: "已受理,已通知企业。",
  approve: "已授信,已通知企业。",
  disburse: "放款已登记,已通知企业。",
  decline: "已拒绝,已通知企业。",
};
const ACTIONS = ["accept", "approve", "disburse", "decline"] as const;
type ActionName = (typeof ACTIONS)[number];
const FORM_NAME: Record<string, string> = {
  amountFen: "amount",
  rateBp: "rate",
  termMonths: "term",
  referralProductId: "referral",
};
const RULE: Record<string, string> = {
  amount: "请填写金额(万元)",
  rate: "年利率在0.01%至36%之间",
  term: "期限在1至360个月之间",
  disbursedOn: "请选择放款日期",
  reason: "请写明拒绝理由",
  referral: "请选择金融超市中的产品",
};
const HAN = /[\u4e00-\u9fff]/;
const invalid = (message: string, fields: Record<string, string>) => new AppError("validation_failed", message, fields);

/** The action form as typed → BankAction; a conversion or rule failure names its field. */
function parseAction(action: ActionName, raw: Record<string, string>): BankAction {
  const fields: Record<string, string> = {};
  const revision = /^\d{1,9}$/.test(raw.revision ?? "") ? Number(raw.revision) : undefined;
  const text = (k: string) => (raw[k] ?? "").trim();
  const amount = () => {
    if (!text("amount")) return void (fields.amount = "请填写这一项");
    const r = wanToFen(text("amount"));
    return r.ok ? r.fen : void (fields.amount = r.message);
  };
  let candidate: Record<string, unknown>;
  if (action === "approve") {
    const rate = text("rate") ? percentToBp(text("rate")) : { ok: false as const, message: "请填写这一项" };
    const term = text("term") ? wholeNumber(text("term"), "个月") : { ok: false as const, message: "请填写这一项" };
    if (!rate.ok) fields.rate = rate.message;
    if (!term.ok) fields.term = term.message;
    candidate = {
      action,
      amountFen: amount(),
      rateBp: rate.ok ? rate.bp : undefined,
      termMonths: term.ok ? term.n : undefined,
      revision,
    };
  } else if (action === "disburse") {
    if (!isCalendarDate(text("disbursedOn"))) fields.disbursedOn = "请选择放款日期(YYYY-MM-DD)";
    candidate = { action, amountFen: amount(), disbursedOn: text("disbursedOn"), revision };
  } else if (action === "decline") {
    candidate = { action, reason: text("reason"), referralProductId: text("referral") || undefined, revision };
  } else candidate = { action, revision };
  const parsed = BankAction.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = FORM_NAME[String(issue.path[0])] ?? String(issue.path[0]);
      fields[key] ??= HAN.test(issue.message) ? issue.message : (RULE[key] ?? "填写有误");
    }
  }
  if (Object.keys(fields).length || !parsed.success) throw invalid("请按提示修改后再提交。", fields);
  return parsed.data;
}

export function bankLoanPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  bankPagePaths(r, deps, ["/bank/needs", "/bank/loans", "/bank/loans/*"]);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/bank/needs", async (c) => {
    const ctx = financeCtx(c, deps);
    const rows = await needsForBank(ctx);
    const published = (await listBankProducts(ctx.db, bankOf(ctx.actor))).some((p) => p.status === "published");
    return c.html(
      <BankNeedsPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} rows={rows} hasProducts={published} />,
    );
  });

  r.get("/bank/loans", async (c) => {
    const ctx = financeCtx(c, deps);
    bankOf(ctx.actor);
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    const rows = (await listLoansFor(ctx, q)).map((l) => ({
      ...l,
      overdue: l.overdue || l.application.escalatedAt !== null,
    }));
    const pending = (s: string) => s === "submitted" || s === "accepted";
    // What waits on the bank comes first, the overdue on top; then the rest, newest first (the list's order).
    rows.sort(
      (a, b) =>
        Number(pending(b.application.status)) - Number(pending(a.application.status)) ||
        Number(b.overdue && pending(b.application.status)) - Number(a.overdue && pending(a.application.status)),
    );
    return c.html(<BankLoansPage zone={ctx.zone} nonce={nonce(c)} user={signedIn(c).user} rows={rows} q={q} />);
  });

  const loanPage = async (
    c: Context<AppEnv>,
    id: string,
    opts: { notice?: Notice | undefined; failed?: FailedAction } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = financeCtx(c, deps);
    const bankId = bankOf(ctx.actor);
    const detail = await getLoanDetail(ctx, id);
    const app = detail.application;
    const today = shanghaiDate(ctx.now);
    const [[product], consented, catalogue] = await Promise.all([
      ctx.db.select().from(loanProducts).where(eq(loanProducts.id, app.productId)),
      hasConsent(ctx.db, app.enterpriseId, bankId),
      listCatalogue(ctx.db, {}),
    ]);
    const facts = (await enterpriseTerms(ctx.db, [app.enterpriseId], today, () => consented)).get(app.enterpriseId) ?? {
      industry: null,
      qualifications: null,
      yearsInOperation: null,
      revenueFen: null,
    };
    const referrals = catalogue
      .filter((p) => p.product.id !== app.productId)
      .map((p) => ({ id: p.product.id, name: p.product.name, bankName: p.bankName, own: p.product.bankId === bankId }));
    return c.html(
      <BankLoanPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        detail={detail}
        product={product!}
        facts={facts}
        consented={consented}
        referrals={referrals}
        today={today}
        notice={opts.notice}
        failed={opts.failed}
      />,
      status,
    );
  };

  r.get("/bank/loans/:id", (c) => {
    const done = c.req.query("done");
    return loanPage(
      c,
      idParam(c, NOT_FOUND),
      done && Object.hasOwn(DONE, done) ? { notice: { kind: "ok", message: DONE[done]! } } : {},
    );
  });

  r.post("/bank/loans/:id", async (c) => {
    const id = idParam(c, NOT_FOUND);
    const ctx = financeCtx(c, deps);
    bankOf(ctx.actor);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    refuseBadCharacters(body, { reason: "原因", note: "备注" });
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") raw[k] = v;
    const action = ACTIONS.find((a) => a === raw.action);
    try {
      if (!action) throw invalid("请选择受理、授信、放款或拒绝。", {});
      await actOnLoan(ctx, id, parseAction(action, raw));
      return c.redirect(`/bank/loans/${id}?done=${action}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 401) throw e;
      const fields = Object.fromEntries(Object.entries(errors.fields ?? {}).map(([k, m]) => [FORM_NAME[k] ?? k, m]));
      return loanPage(
        c,
        id,
        { failed: { form: action ?? "accept", values: raw, errors: { ...errors, fields } } },
        status,
      );
    }
  });

  return r;
}
