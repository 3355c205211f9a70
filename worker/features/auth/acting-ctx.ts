/**
 * The signed-in user as services see them, and a request's context with that
 * actor: one place for every feature's routes (the request passed a guard).
 */
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import type { Role } from "../../db/schema";
import { signedIn } from "./guard";
import { requestCtx } from "../../middleware/request-ctx";

export interface ActingUser {
  id: string;
  email: string;
  role: Role;
  enterpriseId: string | null;
  bankId: string | null;
}

export function actingUser(c: Context<AppEnv>): ActingUser {
  const { user } = signedIn(c);
  return { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId, bankId: user.bankId };
}

export function actingCtx(c: Context<AppEnv>, deps: AppDeps, actor: ActingUser = actingUser(c)) {
  const { db, zone, now, ip, origin } = requestCtx(c, deps);
  return { db, zone, now, ip, origin, actor };
}
