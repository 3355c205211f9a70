/**
 * The two ways a request changes who is signed in on this browser, written once:
 * a new session takes over (sign-in, accepted invitation, submitted 入驻 application)
 * and the one presented before ends; or the current session ends (sign-out).
 */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { recordAudit } from "../audit/audit";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { ZoneAuth } from "../../middleware/sessions";

/**
 * Sets the new session's cookie and ends the session this request came with, if any — unless the
 * caller already ended it in its own write batch (`previousEnded`, as sign-in does).
 */
export async function takeOverSession(
  c: Context<AppEnv>,
  auth: ZoneAuth,
  cookie: string,
  { previousEnded = false } = {},
): Promise<void> {
  const previous = c.get("auth");
  if (previous?.session && !previousEnded) await auth.invalidate(previous.session.id);
  c.header("Set-Cookie", cookie, { append: true });
}

/** Ends this request's session server-side (audited) and clears the cookie; fine without one. */
export async function signOut(c: Context<AppEnv>, ctx: Pick<RequestCtx, "db" | "auth" | "ip" | "now">): Promise<void> {
  const current = c.get("auth");
  if (current) {
    if (current.session) await ctx.auth.invalidate(current.session.id);
    await recordAudit(
      ctx.db,
      {
        actorId: current.user.id,
        actor: current.user.email,
        action: "auth.logout",
        target: current.user.email,
        result: "ok",
        ip: ctx.ip,
      },
      ctx.now,
    );
  }
  c.header("Set-Cookie", ctx.auth.blankCookie(), { append: true });
}
