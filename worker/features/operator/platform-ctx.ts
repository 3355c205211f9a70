/** What every operator action needs: the platform database, the app's deps, who acts and when. */
import type { Context } from "hono";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type { AppDeps, AppEnv } from "../../env";
import type { PlatformActor } from "../../control-plane/platform-audit";
import { operatorActor, platformDbOf } from "./operator-context";

export interface PlatformCtx {
  db: LibSQLDatabase;
  deps: AppDeps;
  actor: PlatformActor;
  now: Date;
}

/** The context of a request that passed requireOperator. */
export async function platformCtx(c: Context<AppEnv>, deps: AppDeps): Promise<PlatformCtx> {
  return { db: platformDbOf(c, deps), deps, actor: await operatorActor(c, deps), now: deps.now() };
}
