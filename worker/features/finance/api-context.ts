/** The services' actor and context for an API request, shared by the finance routers. */
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { signedIn } from "../auth/guard";
import { requestCtx } from "../auth/routes";
import type { FinanceActor, FinanceCtx } from "./context";

/** The signed-in user as the services see them (the request passed a guard). */
export const actorOf = (c: Context<AppEnv>): FinanceActor => {
  const { user } = signedIn(c);
  return { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId, bankId: user.bankId };
};

export const financeCtx = (c: Context<AppEnv>, deps: AppDeps, actor: FinanceActor = actorOf(c)): FinanceCtx => {
  const { db, zone, now, ip, origin } = requestCtx(c, deps);
  return { db, zone, now, ip, origin, actor };
};
