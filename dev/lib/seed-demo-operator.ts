/**
 * The demo operator for local development (`npm start` prints the credentials). Demo only:
 * never part of a migration, so no deployment has this account unless a developer's tool
 * made it. Idempotent: an existing account is left as it is (its password is not reset).
 */
import { drizzle } from "drizzle-orm/libsql/web";
import type { AppDeps } from "../../worker/env";
import { createOperator } from "../../worker/features/operator/create-operator";

export const DEMO_OPERATOR = {
  email: "operator@yuanqu.demo",
  name: "演示运营员",
  password: "Demo-operator-2026",
} as const;

/** Creates the demo operator in the platform database of `deps` (PLATFORM_DB_URL) unless it is there. */
export async function seedDemoOperator(
  deps: Pick<AppDeps, "openPlatformClient" | "now">,
): Promise<{ created: boolean }> {
  const { created } = await createOperator({
    db: drizzle(deps.openPlatformClient()),
    ...DEMO_OPERATOR,
    nowMs: deps.now().getTime(),
  });
  return { created };
}
