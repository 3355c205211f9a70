/**
 * Accepting an invitation as a page, mounted at /invite (`/invite?token=`): a form
 * POST, then signed in and sent to `/` (zone staff: their 工作台 at `/admin`). Public:
 * the token is the credential. Pages carrying the token are no-store and no-referrer.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps, AppEnv } from "../../env";
import { refuseBadCharacters } from "../../lib/form-text";
import { tokenPageResponse } from "../../middleware/headers";
import { requestCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import type { FormErrors } from "../../../web/components/form";
import { AcceptInvitationPage, type AcceptInvitationState } from "../../../web/pages/invitations/accept-invitation";
import { formFailure, readForm } from "../auth/page-forms";
import { takeOverSession } from "../auth/session-handover";
import { ACCOUNT_EXISTS, acceptInvitation, describeInvitation, INVALID_INVITATION } from "./accept-invitation";
import { MEMBERSHIP_WORD } from "./organisation";
import { AcceptInvitationBody, AcceptInvitationForm } from "./schemas";
import { isStaffRole, STAFF_ROLE_WORD } from "./staff-roles";

export function invitePage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use("/", requireZone);

  const page = (c: Context<AppEnv>, state: AcceptInvitationState, status: ContentfulStatusCode) =>
    tokenPageResponse(
      c.html(
        <AcceptInvitationPage zone={requestCtx(c, deps).zone} nonce={c.get("secureHeadersNonce")} state={state} />,
        status,
      ),
    );

  /** The form for a live token (with what was typed and the errors), or the invalid page. */
  const formFor = async (
    c: Context<AppEnv>,
    token: string,
    extra: { name?: string; errors?: FormErrors },
    status: ContentfulStatusCode,
  ) => {
    const ctx = requestCtx(c, deps);
    const described = await describeInvitation(ctx, token);
    if (!described) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
    const { email, organisation, role } = described;
    // Zone staff join the zone itself, as its reviewer or admin.
    const joins = isStaffRole(role)
      ? { organisation: ctx.zone.name.zh, membership: STAFF_ROLE_WORD[role] }
      : organisation && { organisation: organisation.name, membership: MEMBERSHIP_WORD[organisation.kind] };
    if (!joins) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
    // What the inviter typed as the name fills the form until the invitee types their own.
    const name = extra.name ?? described.name ?? undefined;
    return page(c, { kind: "form", token, email, ...joins, ...extra, name }, status);
  };

  r.get("/", async (c) => {
    const token = AcceptInvitationBody.shape.token.safeParse(c.req.query("token"));
    // Checked before the form is shown, so nobody fills in a dead link.
    if (!token.success) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
    return formFor(c, token.data, {}, 200);
  });

  r.post("/", async (c) => {
    const form = await readForm(c, AcceptInvitationForm);
    // Passwords are the password rules' business; the name is free text like any other.
    refuseBadCharacters({ name: form.raw.name }, { name: "姓名" });
    if (!form.ok) {
      if (form.errors.fields?.token) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
      return formFor(c, form.raw.token ?? "", { name: form.raw.name, errors: form.errors }, 422);
    }
    const ctx = requestCtx(c, deps);
    try {
      // Whoever was signed in on this browser before is signed out (in the same batch): the new account takes over.
      const accepted = await acceptInvitation(ctx, form.data, c.get("auth")?.session?.id);
      await takeOverSession(c, ctx.auth, accepted.cookie, { previousEnded: true });
      // Staff land on their 工作台, as after signing in; members and bank staff on the zone's home.
      return c.redirect(isStaffRole(accepted.user.role) ? "/admin" : "/", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 422) return formFor(c, form.data.token, { name: form.raw.name, errors }, 422);
      if (status === 409)
        return page(c, { kind: "invalid", message: errors.message ?? ACCOUNT_EXISTS, accountExists: true }, 409);
      return page(c, { kind: "invalid", message: errors.message ?? INVALID_INVITATION }, 400);
    }
  });

  return r;
}
