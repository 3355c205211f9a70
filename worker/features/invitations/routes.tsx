/**
 * Accepting an invitation: the `/invite?token=` page (form POST, then signed in
 * and sent to `/`) and `POST /api/v1/invitations/accept`. Both are public: the
 * token is the credential. Pages carrying the token are no-store and no-referrer.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { refuseBadCharacters } from "../../lib/form-text";
import type { AppDeps, AppEnv } from "../../env";
import { ErrorEnvelope, validationHook } from "../../lib/api-errors";
import { tokenPageResponse } from "../../middleware/headers";
import { requireZone, zoneOf } from "../../middleware/zone";
import { AcceptInvitationPage, type AcceptInvitationState } from "../../../web/pages/invitations/accept-invitation";
import { formFailure, readForm } from "../auth/page-forms";
import { requestCtx } from "../../middleware/request-ctx";
import { PublicUser } from "../auth/schemas";
import { takeOverSession } from "../auth/session-handover";
import { acceptInvitation, ACCOUNT_EXISTS, describeInvitation, INVALID_INVITATION } from "./accept-invitation";
import { MEMBERSHIP_WORD } from "./organisation";
import { AcceptInvitationBody, AcceptInvitationForm } from "./schemas";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export function invitationRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  r.use("/invite", requireZone);
  r.use("/api/v1/invitations/*", requireZone);

  const page = (c: Context<AppEnv>, state: AcceptInvitationState, status: ContentfulStatusCode) =>
    tokenPageResponse(
      c.html(<AcceptInvitationPage zone={zoneOf(c).zone} nonce={c.get("secureHeadersNonce")} state={state} />, status),
    );

  /** The form for a live token (with what was typed and the errors), or the invalid page. */
  const formFor = async (
    c: Context<AppEnv>,
    token: string,
    extra: { name?: string; errors?: { message?: string; fields?: Record<string, string> } },
    status: ContentfulStatusCode,
  ) => {
    const described = await describeInvitation(zoneOf(c).db, token, deps.now());
    if (!described) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
    const { email, organisation } = described;
    return page(
      c,
      {
        kind: "form",
        token,
        email,
        organisation: organisation.name,
        membership: MEMBERSHIP_WORD[organisation.kind],
        ...extra,
      },
      status,
    );
  };

  r.get("/invite", async (c) => {
    const token = AcceptInvitationBody.shape.token.safeParse(c.req.query("token"));
    // Checked before the form is shown, so nobody fills in a dead link.
    if (!token.success) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
    return formFor(c, token.data, {}, 200);
  });

  r.post("/invite", async (c) => {
    const form = await readForm(c, AcceptInvitationForm);
    // Passwords are the password rules' business; the name is free text like any other.
    refuseBadCharacters({ name: form.raw.name }, { name: "姓名" });
    if (!form.ok) {
      if (form.errors.fields?.token) return page(c, { kind: "invalid", message: INVALID_INVITATION }, 400);
      return formFor(c, form.raw.token ?? "", { name: form.raw.name, errors: form.errors }, 422);
    }
    const ctx = requestCtx(c, deps);
    try {
      const accepted = await acceptInvitation(ctx, form.data);
      // Whoever was signed in on this browser before is signed out: the new account takes over.
      await takeOverSession(c, ctx.auth, accepted.cookie);
      return c.redirect("/", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      if (status === 422) return formFor(c, form.data.token, { name: form.raw.name, errors }, 422);
      if (status === 409)
        return page(c, { kind: "invalid", message: errors.message ?? ACCOUNT_EXISTS, accountExists: true }, 409);
      return page(c, { kind: "invalid", message: errors.message ?? INVALID_INVITATION }, 400);
    }
  });

  r.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/invitations/accept",
      tags: ["invitations"],
      summary:
        "Accept a one-time invitation: creates the account (role and organisation from the invitation) and signs in",
      request: { body: { required: true, content: { "application/json": { schema: AcceptInvitationBody } } } },
      responses: {
        201: json(z.object({ user: PublicUser }), "Account created; the session cookie is set"),
        400: json(ErrorEnvelope, "Invalid, used, expired or revoked invitation"),
        409: json(ErrorEnvelope, "The email already has an account in this zone"),
        422: json(ErrorEnvelope, "Invalid input, or a password the policy refuses"),
      },
    }),
    async (c) => {
      const ctx = requestCtx(c, deps);
      const accepted = await acceptInvitation(ctx, c.req.valid("json"));
      await takeOverSession(c, ctx.auth, accepted.cookie);
      return c.json({ user: accepted.user }, 201);
    },
  );

  return r;
}
