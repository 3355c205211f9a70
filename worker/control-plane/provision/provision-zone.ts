/**
 * Creates a zone at run time: register it in the control plane (status `provisioning`),
 * create its database, migrate it, load its template's policy set, and make it `active`.
 * The platform API (POST /api/v1/platform/tenants), `npm run tenant:create`, the operator CLI
 * in dist/ and `npm start` all call this one function.
 *
 * Resumable: before each step the zone's row names it (tenants.provision_step); a step that
 * throws leaves the zone `provisioning` with that step and its error, and calling this again
 * with the same slug continues from that step with the row as first registered. Every step is
 * idempotent (an existing database is fine, migrations skip what is applied, a policy version
 * already there is kept), so re-running a step that half-finished is safe.
 * The new zone answers on its subdomain at once: every write bumps the row's rev and this
 * isolate's directory is invalidated; other isolates see it within DIRECTORY_FRESH_MS.
 */
import { drizzle } from "drizzle-orm/libsql/web";
import { migrations } from "../../../migrations/bundle";
import { migrateTenant } from "../../db/migrate";
import { openTenantDb } from "../../db/open";
import { findDatabaseUnavailable } from "../../db/time-limited-client";
import { zoneOrigin, type AppDeps } from "../../env";
import { AppError } from "../../lib/errors";
import type { TenantRecord } from "../directory";
import { recordPlatformAudit, type PlatformActor } from "../platform-audit";
import { insertTenant, updateTenantStatus, type PlatformDb } from "../records";
import { loadTemplatePolicy } from "./load-template-policy";
import {
  PROVISION_FIELD_LABEL,
  provisionFieldErrors,
  provisionInputSchema,
  type ProvisionInput,
} from "./provision-input";

export const PROVISION_STEPS = ["register", "create-database", "migrate", "load-template", "activate"] as const;
export type ProvisionStepName = (typeof PROVISION_STEPS)[number];

export interface ProvisionStepOutcome {
  name: string;
  ok: boolean;
  error?: string;
}

export interface ProvisionResult {
  tenant: TenantRecord;
  /** True when the slug was already `provisioning` and this call continued it. */
  resumed: boolean;
  /** The steps this call ran, in order; the last one failed when the zone is still `provisioning`. */
  steps: ProvisionStepOutcome[];
}

export type ProvisionDeps = Pick<
  AppDeps,
  "config" | "directory" | "openClient" | "openPlatformClient" | "zoneDatabases" | "now"
>;

export async function provisionZone(options: {
  deps: ProvisionDeps;
  input: ProvisionInput;
  actor: PlatformActor;
}): Promise<ProvisionResult> {
  const { deps, actor } = options;
  const parsed = provisionInputSchema.safeParse(options.input);
  if (!parsed.success) {
    const fields = provisionFieldErrors(parsed.error);
    const list = Object.entries(fields).map(([k, v]) => `${PROVISION_FIELD_LABEL[k] ?? k}:${v}`);
    throw new AppError("validation_failed", `请修改后再提交 —— ${list.join(";")}`, fields);
  }
  const { slug, name, province, city, phone, template } = parsed.data;
  const platform = drizzle(deps.openPlatformClient());
  const nowMs = () => deps.now().getTime();

  // Register. The database is named after the slug everywhere (LIBSQL_URL_TEMPLATE's {tenant}):
  // on Turso "<slug>" in the group, reached as libsql://<slug>-<org>.turso.io.
  const identity = { slug, name, region: { province, city }, phone, template };
  const row = { ...identity, status: "provisioning" as const, dbName: slug, provisionStep: "create-database" };
  const registered = await insertTenant(platform, { ...row, nowMs: nowMs() });
  deps.directory.invalidate();
  const tenant = await deps.directory.get(slug);
  if (!tenant) throw new AppError("conflict", `园区标识“${slug}”已被占用,请换一个。`);
  if (!registered && tenant.status !== "provisioning")
    throw new AppError("conflict", `园区标识“${slug}”已被${tenant.name.zh}使用,请换一个。`);
  const resumed = !registered;
  const steps: ProvisionStepOutcome[] = [{ name: "register", ok: true }];

  // A resume after the migrate step migrates again first (idempotent): a release may have come
  // in between, and the later steps must run on the schema this code expects (decision 0018).
  const failedAt = PROVISION_STEPS.indexOf((tenant.provisionStep ?? "create-database") as ProvisionStepName);
  const from = Math.max(1, Math.min(failedAt, PROVISION_STEPS.indexOf("migrate")));
  const zone = deps.directory.baseZone(tenant);
  const run: Record<Exclude<ProvisionStepName, "register">, () => Promise<unknown>> = {
    "create-database": () => deps.zoneDatabases.create(tenant.dbName),
    migrate: () => migrateTenant(deps.openClient(tenant.dbName), migrations),
    "load-template": () =>
      loadTemplatePolicy({
        db: openTenantDb(deps.openClient(tenant.dbName)),
        zone,
        template: tenant.template,
        now: deps.now(),
        origin: zoneOrigin(deps.config, slug),
      }),
    activate: () =>
      updateTenantStatus(platform, slug, {
        status: "active",
        provisionStep: null,
        provisionError: null,
        nowMs: nowMs(),
      }),
  };

  for (const step of PROVISION_STEPS.slice(from) as Exclude<ProvisionStepName, "register">[]) {
    try {
      if (step !== "activate") await updateTenantStatus(platform, slug, { ...stepMark(step, null), nowMs: nowMs() });
      await run[step]();
      steps.push({ name: step, ok: true });
    } catch (err) {
      const error = describeFailure(err);
      steps.push({ name: step, ok: false, error });
      await updateTenantStatus(platform, slug, { ...stepMark(step, error), nowMs: nowMs() });
      return finish({ platform, deps, actor, slug, resumed, steps, template: tenant.template });
    }
  }
  return finish({ platform, deps, actor, slug, resumed, steps, template: tenant.template });
}

function stepMark(step: string, error: string | null) {
  return { status: "provisioning" as const, provisionStep: step, provisionError: error };
}

/** One line an operator can act on; an outage says so instead of the driver's words. */
function describeFailure(err: unknown): string {
  const outage = findDatabaseUnavailable(err);
  const text = outage ? `数据库暂时无法访问(${outage.reason})` : err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

async function finish(options: {
  platform: PlatformDb;
  deps: ProvisionDeps;
  actor: PlatformActor;
  slug: string;
  resumed: boolean;
  steps: ProvisionStepOutcome[];
  template: string;
}): Promise<ProvisionResult> {
  const { platform, deps, actor, slug, resumed, steps } = options;
  const failed = steps.find((s) => !s.ok);
  await recordPlatformAudit(platform, {
    actor,
    action: resumed ? "tenant.provision.resume" : "tenant.create",
    target: slug,
    result: failed ? "failed" : "ok",
    detail: { template: options.template, steps: steps.map((s) => (s.ok ? s.name : `${s.name}: ${s.error}`)) },
    nowMs: deps.now().getTime(),
  });
  deps.directory.invalidate();
  const tenant = await deps.directory.get(slug);
  if (!tenant) throw new Error(`zone ${slug} vanished from the control plane while it was being created`);
  return { tenant, resumed, steps };
}
