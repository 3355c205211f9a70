/**
 * Bank pages: 金融机构 for the zone admin (list, register, detail, invite, revoke,
 * suspend/reactivate) and 我的机构 for bank staff. Form POSTs; success redirects
 * (303) with a confirmation, a refusal re-renders with what was typed.
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { requireZone, zoneOf } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { AdminBankPage } from "../../../web/pages/banks/admin-bank";
import { AdminBanksPage } from "../../../web/pages/banks/admin-banks";
import { bankTitle } from "../../../web/pages/banks/labels";
import { MyBankPage } from "../../../web/pages/banks/my-bank";
import { InvitationIssuedPage } from "../../../web/pages/invitations/invitation-issued";
import { signedIn } from "../auth/guard";
import { formFailure, pageGuard, readForm } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { createInvitation } from "../invitations/create-invitation";
import { revokeInvitation } from "../invitations/revoke-invitation";
import { BANK_NOT_FOUND, findBank, getBank, listBanks } from "./get-bank";
import { registerBank } from "./register-bank";
import { BankIdParam, InvitationIdParam, InviteBody, RegisterBankBody } from "./schemas";
import { setBankStatus } from "./set-bank-status";

const DONE = {
  registered: "机构已登记。现在可以邀请其工作人员开通账号。",
  revoked: "邀请已撤销,链接已失效。",
  suspended: "机构已暂停,其工作人员的登录已全部退出,待接受的邀请已撤销。",
  reactivated: "机构已恢复。",
} as const;
const isDone = (s: string): s is keyof typeof DONE => Object.hasOwn(DONE, s);

function bankIdParam(c: Context<AppEnv>): string {
  const parsed = BankIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", BANK_NOT_FOUND);
  return parsed.data;
}

export function bankPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/admin/banks", requireZone, pageGuard(deps, "zone_admin"));
  r.use("/admin/banks/*", requireZone, pageGuard(deps, "zone_admin"));
  r.use("/bank", requireZone, pageGuard(deps, "bank"));
  const nonce = (c: Context<AppEnv>) => c.get("secureHeadersNonce");
  const actorOf = (c: Context<AppEnv>) => ({ id: signedIn(c).user.id, email: signedIn(c).user.email });

  const listPage = async (
    c: Context<AppEnv>,
    form: { values?: Record<string, string>; errors?: FormErrors } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    return c.html(
      <AdminBanksPage zone={zone} nonce={nonce(c)} user={signedIn(c).user} banks={await listBanks({ db })} {...form} />,
      status,
    );
  };

  const detailPage = async (
    c: Context<AppEnv>,
    id: string,
    extra: { notice?: { kind: "ok" | "error"; message: string }; inviteEmail?: string; inviteErrors?: FormErrors } = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const { zone, db } = zoneOf(c);
    const d = await getBank({ db, now: deps.now() }, id);
    return c.html(<AdminBankPage zone={zone} nonce={nonce(c)} user={signedIn(c).user} {...d} {...extra} />, status);
  };

  r.get("/admin/banks", (c) => listPage(c));

  r.post("/admin/banks", async (c) => {
    const form = await readForm(c, RegisterBankBody);
    refuseBadCharacters(form.raw, {
      name: "机构名称",
      branch: "分支机构",
      contactName: "联系人",
      contactPhone: "联系电话",
      contactEmail: "联系邮箱",
      uscc: "统一社会信用代码",
    });
    if (!form.ok) return listPage(c, { values: form.raw, errors: form.errors }, 422);
    try {
      const bank = await registerBank({ ...requestCtx(c, deps), actor: actorOf(c) }, form.data);
      return c.redirect(`/admin/banks/${bank.id}?done=registered`, 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return listPage(c, { values: form.raw, errors }, status);
    }
  });

  r.get("/admin/banks/:id", (c) => {
    const done = c.req.query("done") ?? "";
    return detailPage(c, bankIdParam(c), isDone(done) ? { notice: { kind: "ok", message: DONE[done] } } : {});
  });

  r.post("/admin/banks/:id/invite", async (c) => {
    const id = bankIdParam(c);
    const form = await readForm(c, InviteBody);
    refuseBadCharacters(form.raw, { email: "邮箱", name: "姓名" });
    if (!form.ok) return detailPage(c, id, { inviteEmail: form.raw.email, inviteErrors: form.errors }, 422);
    const ctx = requestCtx(c, deps);
    const bank = await findBank(ctx.db, id);
    try {
      const { url, expiresAt } = await createInvitation(ctx, {
        email: form.data.email,
        role: "bank",
        bankId: id,
        invitedBy: actorOf(c),
      });
      // Shown once: neither the browser nor any proxy may keep a copy of the live link.
      c.header("Cache-Control", "no-store");
      return c.html(
        <InvitationIssuedPage
          zone={ctx.zone}
          nonce={nonce(c)}
          user={signedIn(c).user}
          current="admin"
          email={form.data.email}
          organisation={bankTitle(bank)}
          url={url}
          expiresAt={expiresAt}
          back={{ href: `/admin/banks/${id}`, label: "返回机构" }}
        />,
      );
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return detailPage(c, id, { inviteEmail: form.raw.email, inviteErrors: errors }, status);
    }
  });

  r.post("/admin/banks/:id/invitations/:invitation/revoke", async (c) => {
    const params = InvitationIdParam.safeParse(c.req.param());
    if (!params.success) throw new AppError("not_found", "没有找到这个邀请。");
    const { id, invitation } = params.data;
    try {
      await revokeInvitation(requestCtx(c, deps), invitation, actorOf(c), { bankId: id });
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 404) throw e;
      return detailPage(c, id, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, status);
    }
    return c.redirect(`/admin/banks/${id}?done=revoked`, 303);
  });

  for (const [action, status] of [
    ["suspend", "suspended"],
    ["reactivate", "active"],
  ] as const) {
    r.post(`/admin/banks/:id/${action}`, async (c) => {
      const id = bankIdParam(c);
      try {
        await setBankStatus({ ...requestCtx(c, deps), actor: actorOf(c) }, id, status);
      } catch (e) {
        const { status: code, errors } = formFailure(e, c);
        if (code === 404) throw e;
        return detailPage(c, id, { notice: { kind: "error", message: errors.message ?? "操作没有完成。" } }, code);
      }
      return c.redirect(`/admin/banks/${id}?done=${status === "suspended" ? "suspended" : "reactivated"}`, 303);
    });
  }

  // ── 我的机构 (bank staff) ──────────────────────────────────────────────────
  r.get("/bank", async (c) => {
    const { zone, db } = zoneOf(c);
    const { user } = signedIn(c);
    if (!user.bankId) throw new AppError("not_found", "你的账号还没有关联金融机构,请联系园区管理员。");
    const bank = await findBank(db, user.bankId);
    return c.html(<MyBankPage zone={zone} nonce={nonce(c)} user={user} bank={bank} />);
  });

  return r;
}
