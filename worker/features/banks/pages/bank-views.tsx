/**
 * The two admin bank pages as responses, shared by the reads and the form POSTs that
 * re-render them: the list (with the register form) and one bank (with the invite form).
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { requestCtx } from "../../../middleware/request-ctx";
import type { FormErrors } from "../../../../web/components/form";
import { AdminBankPage } from "../../../../web/pages/banks/admin-bank";
import { AdminBanksPage } from "../../../../web/pages/banks/admin-banks";
import { signedIn } from "../../auth/guard";
import { BANK_NOT_FOUND, getBank, listBanks } from "../get-bank";
import { BankIdParam } from "../schemas";

/** The :id of an admin bank path, or the 404 a missing bank gets. */
export function bankIdParam(c: Context<AppEnv>): string {
  const parsed = BankIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", BANK_NOT_FOUND);
  return parsed.data;
}

export async function listPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  form: { values?: Record<string, string>; errors?: FormErrors } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = requestCtx(c, deps);
  return c.html(
    <AdminBanksPage
      zone={ctx.zone}
      nonce={c.get("secureHeadersNonce")}
      user={signedIn(c).user}
      banks={await listBanks(ctx)}
      {...form}
    />,
    status,
  );
}

export async function detailPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  id: string,
  extra: { notice?: { kind: "ok" | "error"; message: string }; inviteEmail?: string; inviteErrors?: FormErrors } = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = requestCtx(c, deps);
  const d = await getBank(ctx, id);
  return c.html(
    <AdminBankPage zone={ctx.zone} nonce={c.get("secureHeadersNonce")} user={signedIn(c).user} {...d} {...extra} />,
    status,
  );
}
