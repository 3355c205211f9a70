/**
 * The one request context every service takes (as its options object): the zone,
 * its database, who is acting, the time and the client's address — built once per
 * request, from the site the Host resolved to and the session the cookie carried.
 *
 * Services declare what they read (`Pick<RequestCtx, "db" | "now">`) or take the
 * whole; one that acts for a signed-in person takes `RequestCtx<Actor>`, which
 * only `actingCtx` (after a guard) hands out.
 */
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../env";
import type { ZoneConfig } from "../../tenants/schema";
import type { TenantDb } from "../db/open";
import type { Role } from "../db/schema";
import { AppError } from "../lib/errors";
import { zoneOf } from "./zone";
import { zoneAuthFor } from "./session";
import type { ZoneAuth } from "./sessions";

/** The signed-in person as services see them (their organisation passed the guard's check). */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  enterpriseId: string | null;
  bankId: string | null;
}

export interface RequestCtx<A extends Actor | null = Actor | null> {
  zone: ZoneConfig;
  /** The zone's database; opened on first read, so a handler that never reads it costs nothing. */
  readonly db: TenantDb;
  actor: A;
  /** The clock every service reads (tests inject their own through deps.now). */
  now: Date;
  /** The client's address as the runtime knows it (Workers: CF-Connecting-IP). */
  ip: string;
  /** The zone's public origin, for links in messages (never the request's Host header). */
  origin: string;
  userAgent: string | null;
  /** The zone's sessions (sign in, end sessions); built on first read. */
  readonly auth: ZoneAuth;
}

const built = new WeakMap<Context<AppEnv>, RequestCtx>();

/** The request's context (a zone request: after `requireZone`); the same object on every call. */
export function requestCtx(c: Context<AppEnv>, deps: AppDeps): RequestCtx {
  let ctx = built.get(c);
  if (!ctx) {
    const site = zoneOf(c);
    const user = c.get("auth")?.user ?? null;
    let auth: ZoneAuth | undefined;
    ctx = {
      zone: site.zone,
      get db() {
        return site.db;
      },
      actor: user
        ? { id: user.id, email: user.email, role: user.role, enterpriseId: user.enterpriseId, bankId: user.bankId }
        : null,
      now: deps.now(),
      ip: deps.clientIp(c),
      origin: site.origin,
      userAgent: c.req.header("user-agent") ?? null,
      get auth() {
        auth ??= zoneAuthFor(c, deps);
        return auth;
      },
    };
    built.set(c, ctx);
  }
  return ctx;
}

/** The context of a request that passed a guard: its actor is the signed-in person. */
export function actingCtx(c: Context<AppEnv>, deps: AppDeps): RequestCtx<Actor> {
  const ctx = requestCtx(c, deps);
  if (!ctx.actor) throw new AppError("unauthenticated", "请先登录。");
  return ctx as RequestCtx<Actor>;
}
