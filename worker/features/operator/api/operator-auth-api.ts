/**
 * POST /api/v1/auth/login and /logout on the bare root host: an operator's sign-in over
 * JSON, with the zones' body ({ email, password, remember }) and answers. Mounted before
 * the zones' auth API at the same prefix; on any other host each handler passes the request
 * on (next()), so a zone's sign-in never runs here and this never runs on a zone. Plain
 * handlers rather than OpenAPI routes: the zones' operations of the same method and path
 * are the ones the document describes, and an OpenAPI route would validate the body before
 * it could step aside.
 */
import { Hono, type Context } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { LoginBody } from "../../auth/schemas";
import { currentOperator, operatorAuthOf, platformDbOf } from "../operator-context";
import { signInOperator } from "../sign-in-operator";
import { recordPlatformAudit } from "../../../control-plane/platform-audit";

/** The request's JSON body checked against the zones' LoginBody, answered as the API's validation hook does. */
async function loginInput(c: Context<AppEnv>) {
  const raw: unknown = await c.req.json().catch(() => {
    throw new AppError("bad_request", "请求体不是有效的 JSON。");
  });
  const parsed = LoginBody.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  const list = Object.entries(fields).map(([k, v]) => `${k}:${v}`);
  throw new AppError("validation_failed", `输入有误:${list.join(";")}`, fields);
}

/** Ends the operator session this request came with, if any (a fresh id on every sign-in; sign-out). */
export async function endOperatorSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> {
  const signed = await currentOperator(c, deps);
  if (!signed) return;
  await operatorAuthOf(c, deps).invalidate(signed.sessionId);
  await recordPlatformAudit(platformDbOf(c, deps), {
    actor: { id: signed.operator.id, label: signed.operator.email, ip: deps.clientIp(c) },
    action: "operator.logout",
    target: signed.operator.email,
    result: "ok",
    nowMs: deps.now().getTime(),
  });
}

/** Signs in and sets the cookie; the session the request came with (if any) ends. */
export async function openOperatorSession(
  c: Context<AppEnv>,
  deps: AppDeps,
  input: { email: string; password: string; remember: boolean },
) {
  const result = await signInOperator({
    db: platformDbOf(c, deps),
    auth: operatorAuthOf(c, deps),
    ...input,
    now: deps.now(),
    ip: deps.clientIp(c),
    userAgent: c.req.header("user-agent") ?? null,
  });
  const previous = await currentOperator(c, deps);
  if (previous) await operatorAuthOf(c, deps).invalidate(previous.sessionId);
  c.header("Set-Cookie", result.cookie, { append: true });
  return result.operator;
}

export function operatorAuthApi(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.post("/login", async (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    const operator = await openOperatorSession(c, deps, await loginInput(c));
    return c.json({ operator, role: "operator" }, 200);
  });

  r.post("/logout", async (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    await endOperatorSession(c, deps);
    c.header("Set-Cookie", operatorAuthOf(c, deps).blankCookie(), { append: true });
    return c.body(null, 204);
  });

  return r;
}
