/**
 * 贷款申请 for a bank's staff: the queue with due dates and overdue flags; one
 * application with its timeline and the forms for its status (受理, 授信,
 * 放款, 拒绝 with an optional referral). A refused action re-renders the
 * application with the message under its form and the 4xx, having changed
 * nothing.
 */
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { readFormBody } from "../../../lib/form-body";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { BankLoanPage, type FailedAction } from "../../../../web/pages/finance/bank-loan";
import { BankLoansPage } from "../../../../web/pages/finance/bank-loans";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { formFailure } from "../../auth/page-forms";
import { actOnLoan } from "../act-on-loan";
import { bankOf } from "../actor-roles";
import { bankQueue } from "../bank-queue";
import { getBankLoanView } from "../loan-detail";
import { CursorParam } from "../paging";
import { pageHref } from "../../../../web/components/pager";
import { AppError } from "../../../lib/errors";
import { ACTIONS, FORM_NAME, invalid, parseAction } from "./bank-loan-form";
import { newIdParam } from "./ids";

const NOT_FOUND = "没有这笔贷款申请。";
const DONE: Record<string, string> = {
  accept: "已受理,已通知企业。",
  approve: "已授信,已通知企业。",
  disburse: "放款已登记,已通知企业。",
  decline: "已拒绝,已通知企业。",
};

/** /loans and /loans/:id, relative to /bank (guarded by the router). */
export function bankLoanRoutes(r: Hono<AppEnv>, deps: AppDeps) {
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");

  r.get("/loans", async (c) => {
    const ctx = actingCtx(c, deps);
    bankOf(ctx.actor);
    refuseBadCharacters(c.req.query(), { q: "搜索词", after: "翻页参数" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    const after = c.req.query("after") || undefined;
    if (after !== undefined && !CursorParam.safeParse(after).success)
      throw new AppError("validation_failed", "翻页链接已失效,请回到第一页。");
    const page = await bankQueue(ctx, { q, after });
    return c.html(
      <BankLoansPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        rows={page.rows}
        counts={{ total: page.total, waiting: page.waiting, overdue: page.overdue }}
        nextHref={page.nextCursor ? pageHref("/bank/loans", { q }, page.nextCursor) : null}
        firstHref={after ? pageHref("/bank/loans", { q }) : null}
        q={q}
      />,
    );
  });

  const loanPage = async (
    c: Context<AppEnv>,
    id: string,
    opts: { notice?: Notice | undefined; failed?: FailedAction } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
    const bankId = bankOf(ctx.actor);
    const { detail, product, facts, consented, catalogue } = await getBankLoanView(ctx, id);
    const app = detail.application;
    const today = shanghaiDate(ctx.now);
    const referrals = catalogue
      .filter((p) => p.product.id !== app.productId)
      .map((p) => ({ id: p.product.id, name: p.product.name, bankName: p.bankName, own: p.product.bankId === bankId }));
    return c.html(
      <BankLoanPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        detail={detail}
        product={product}
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

  r.get("/loans/:id", (c) => {
    const done = c.req.query("done");
    const notice: Notice | undefined =
      done && Object.hasOwn(DONE, done) ? { kind: "ok", message: DONE[done]! } : undefined;
    return loanPage(c, newIdParam(c, NOT_FOUND), notice ? { notice } : {});
  });

  r.post("/loans/:id", async (c) => {
    const id = newIdParam(c, NOT_FOUND);
    const ctx = actingCtx(c, deps);
    bankOf(ctx.actor);
    const body = await readFormBody(c);
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
      const failed = { form: action ?? "accept", values: raw, errors: { ...errors, fields } };
      return loanPage(c, id, { failed }, status);
    }
  });
}
