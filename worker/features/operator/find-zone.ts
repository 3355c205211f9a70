/** A zone by slug as the control plane has it now (read after any write of this isolate), or 404. */
import type { TenantRecord } from "../../control-plane/directory";
import type { AppDeps } from "../../env";
import { AppError } from "../../lib/errors";

export async function findZone({ deps, slug }: { deps: AppDeps; slug: string }): Promise<TenantRecord> {
  const tenant = await deps.directory.get(slug);
  if (!tenant) throw new AppError("not_found", `平台上没有园区标识为“${slug}”的园区。请回到园区列表核对。`);
  return tenant;
}

/** After a write to the platform database: this isolate reads it again, then returns the zone's new row. */
export async function reloadZone({ deps, slug }: { deps: AppDeps; slug: string }): Promise<TenantRecord> {
  deps.directory.invalidate();
  return findZone({ deps, slug });
}
