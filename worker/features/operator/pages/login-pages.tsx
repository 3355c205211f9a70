/**
 * 登录 / 退出 on the bare root host for operators. Mounted before the zones' /login and
 * /logout; on a zone's host each handler passes the request on (next()), so both keep
 * their paths. Forms are checked by the request guards against the platform's origin.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { OperatorLoginPage } from "../../../../web/pages/operator/login";
import { formFailure, LoginForm, readForm } from "../../auth/page-forms";
import { endOperatorSession, openOperatorSession } from "../api/operator-auth-api";
import { currentOperator, operatorAuthOf } from "../operator-context";
import { OPERATOR_SECURITY } from "../operator-sessions";

const { rememberDays } = OPERATOR_SECURITY;

export function operatorLoginPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get("/", async (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    if (await currentOperator(c, deps)) return c.redirect("/console", 303);
    const notice = c.req.query("signed-out") === "1" ? "已退出登录。" : undefined;
    return c.html(
      <OperatorLoginPage nonce={c.get("secureHeadersNonce")} rememberDays={rememberDays} notice={notice} />,
    );
  });

  r.post("/", async (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    const nonce = c.get("secureHeadersNonce");
    const form = await readForm(c, LoginForm);
    const values = { email: form.raw.email ?? "", remember: form.raw.remember === "on" };
    if (!form.ok)
      return c.html(
        <OperatorLoginPage nonce={nonce} rememberDays={rememberDays} values={values} errors={form.errors} />,
        422,
      );
    try {
      await openOperatorSession(c, deps, form.data);
      return c.redirect("/console", 303);
    } catch (e) {
      const { status, errors } = formFailure(e, c);
      return c.html(
        <OperatorLoginPage nonce={nonce} rememberDays={rememberDays} values={values} errors={errors} />,
        status,
      );
    }
  });

  return r;
}

export function operatorLogoutPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.post("/", async (c, next) => {
    if (c.get("site").kind !== "platform") return next();
    await endOperatorSession(c, deps);
    c.header("Set-Cookie", operatorAuthOf(c, deps).blankCookie(), { append: true });
    return c.redirect("/login?signed-out=1", 303);
  });
  return r;
}
