/** The console's pages (after requirePlatform): without an operator's session, 登录. */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppDeps, AppEnv } from "../../../env";
import type { OperatorHeader } from "../../../../web/pages/operator/shell";
import { currentOperator } from "../operator-context";

export function consoleGuard(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!(await currentOperator(c, deps))) return c.redirect("/login", 303);
    await next();
  });
}

/** The signed-in operator as the console's header shows them (after consoleGuard). */
export async function consoleOperator(c: Context<AppEnv>, deps: AppDeps): Promise<OperatorHeader> {
  const signed = await currentOperator(c, deps);
  return { name: signed?.operator.name ?? "", email: signed?.operator.email ?? "" };
}
