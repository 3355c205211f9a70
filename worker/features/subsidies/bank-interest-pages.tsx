/**
 * 贴息确认 for a bank's staff, mounted at /bank/interest-confirmations: the list with a form per
 * application (GET), and confirming one (POST /:id → 303 back with a notice). A refusal shows the
 * list again with what was typed and why; another bank's application is the 404 a missing one is.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { parseAmount } from "../../lib/amount-input";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { readFormBody } from "../../lib/form-body";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { BankInterestPage, type BankInterestPageProps } from "../../../web/pages/subsidies/bank-interest";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard } from "../auth/page-forms";
import { ConfirmInterestInput, confirmInterest, INTEREST_NOT_FOUND } from "./confirm-interest";
import { listInterestConfirmations } from "./list-interest-confirmations";

const ID = /^[a-z0-9]{10,40}$/;
/** 1亿元 of interest is far beyond any loan the 金融超市 holds: a typo, not a figure. */
const MAX_INTEREST_FEN = 1e10;

export function bankInterestPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("*", requireZone, pageGuard(deps, "bank"));

  const page = async (
    c: Context<AppEnv>,
    extra: Pick<BankInterestPageProps, "notice" | "failed"> = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const ctx = actingCtx(c, deps);
    const lists = await listInterestConfirmations(ctx);
    return c.html(
      <BankInterestPage
        zone={ctx.zone}
        nonce={c.get("secureHeadersNonce")}
        user={signedIn(c).user}
        {...lists}
        {...extra}
      />,
      status,
    );
  };

  r.get("/", (c) => {
    const done = c.req.query("done");
    return page(
      c,
      done && /^[A-Z0-9-]{1,40}$/.test(done)
        ? { notice: { kind: "ok", message: `已确认 ${done} 的已付利息,园区将按确认的利息审核。` } }
        : {},
    );
  });

  r.post("/:id", async (c) => {
    const id = c.req.param("id");
    if (!ID.test(id)) throw new AppError("not_found", INTEREST_NOT_FOUND);
    const body = await readFormBody(c);
    const one = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const [paidText, note, revision] = [one("interestPaid"), one("note"), one("revision")];
    const failed = (error: string) => ({ failed: { id, paid: paidText, note, error } });
    const amount = parseAmount(paidText, { maxFen: MAX_INTEREST_FEN });
    const retry = { kind: "error" as const, message: "未确认,请按提示修改。" };
    if (!amount.ok) return page(c, { ...failed(amount.message), notice: retry }, 422);
    const input = ConfirmInterestInput.safeParse({
      interestPaidFen: amount.fen,
      ...(note.trim() ? { note } : {}),
      ...(/^\d{1,9}$/.test(revision) ? { revision: Number(revision) } : {}),
    });
    if (!input.success) {
      const error = input.error.issues[0]?.message ?? "请检查填写的内容。";
      return page(c, { ...failed(error), notice: retry }, 422);
    }
    try {
      const ctx = actingCtx(c, deps);
      const number = applicationNumber(ctx.zone, "subsidy", await confirmInterest(ctx, id, input.data)) ?? "";
      return c.redirect(`/bank/interest-confirmations${number ? `?done=${number}` : ""}`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404 || status === 403) throw e;
      const message = errors.message ?? "没有确认成功,请刷新后再试。";
      return page(c, { ...failed(message), notice: { kind: "error", message } }, status);
    }
  });
  return r;
}
