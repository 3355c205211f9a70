/**
 * 我的贷款 for an enterprise's members, mounted at /finance/loans: 在线申请
 * (./member-apply), the list, one application's status and timeline, and 撤回
 * while pending. Another enterprise's application is the 404 a missing id gets.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { refuseBadCharacters } from "../../../lib/form-text";
import { actingCtx } from "../../../middleware/request-ctx";
import { LoanPage } from "../../../../web/pages/finance/member-loan";
import { MyLoansPage } from "../../../../web/pages/finance/member-loans";
import type { Notice } from "../../../../web/pages/subsidies/shared";
import { signedIn } from "../../auth/guard";
import { formFailure } from "../../auth/page-forms";
import { myLoan, myLoans } from "../member-reads";
import { CursorParam } from "../paging";
import { AppError } from "../../../lib/errors";
import { pageHref } from "../../../../web/components/pager";
import { WithdrawInput, withdrawLoan } from "../withdraw-loan";
import { pathId } from "./ids";
import { applyRoute } from "./member-apply";
import { formOf, guardMemberPages, ok } from "./member-forms";

const LOAN_NOT_FOUND = "没有这笔贷款申请。";

export function financeLoanPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  guardMemberPages(r, deps);
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
  applyRoute(r, deps);

  r.get("/", async (c) => {
    const ctx = actingCtx(c, deps);
    refuseBadCharacters(c.req.query(), { q: "搜索词", after: "翻页参数" });
    const q = c.req.query("q")?.trim().slice(0, 50) || undefined;
    const after = c.req.query("after") || undefined;
    if (after !== undefined && !CursorParam.safeParse(after).success)
      throw new AppError("validation_failed", "翻页链接已失效,请回到第一页。");
    const page = await myLoans(ctx, { q, after });
    return c.html(
      <MyLoansPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        rows={page.rows}
        total={page.total}
        nextHref={page.nextCursor ? pageHref("/finance/loans", { q }, page.nextCursor) : null}
        firstHref={after ? pageHref("/finance/loans", { q }) : null}
        q={q}
      />,
    );
  });

  type LoanExtra = {
    done?: string | undefined;
    notice?: Notice;
    withdraw?: { reason: string; error?: string | undefined };
  };
  const loanPage = async (
    c: Context<AppEnv>,
    id: string,
    extra: LoanExtra = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
    const d = await myLoan(ctx, id);
    const notice =
      extra.notice ??
      (extra.done === "applied"
        ? ok(
            `申请已提交给${d.bankName},已同意其查看本企业的资质、成立年限和营业收入。银行会在受理期限前受理或拒绝,下方可以随时查看进度。`,
          )
        : extra.done === "withdrawn"
          ? ok(`申请已撤回,已通知${d.bankName}。`)
          : undefined);
    return c.html(
      <LoanPage
        zone={ctx.zone}
        nonce={nonce(c)}
        user={signedIn(c).user}
        {...d}
        notice={notice}
        withdraw={extra.withdraw}
      />,
      status,
    );
  };

  r.get("/:id", (c) => loanPage(c, pathId(c, "id", LOAN_NOT_FOUND), { done: c.req.query("done") }));

  // 撤回申请: the page asked for confirmation (data-confirm); a refusal keeps the reason as typed.
  r.post("/:id/withdraw", async (c) => {
    const id = pathId(c, "id", LOAN_NOT_FOUND);
    const f = await formOf(c);
    const reason = f.one("reason").trim();
    const revision = /^\d{1,9}$/.test(f.one("revision")) ? Number(f.one("revision")) : undefined;
    const parsed = WithdrawInput.safeParse({ ...(reason ? { reason } : {}), revision });
    if (!parsed.success)
      return loanPage(
        c,
        id,
        {
          notice: { kind: "error", message: "请按提示修改后再撤回。" },
          withdraw: { reason, error: parsed.error.issues[0]?.message },
        },
        422,
      );
    try {
      await withdrawLoan(actingCtx(c, deps), id, parsed.data);
      return c.redirect(`/finance/loans/${id}?done=withdrawn`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 403) throw e;
      return loanPage(
        c,
        id,
        { notice: { kind: "error", message: errors.message ?? "没有撤回成功,请刷新后再试。" }, withdraw: { reason } },
        status,
      );
    }
  });

  return r;
}
