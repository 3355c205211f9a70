/**
 * An in-memory platform database with the demo zones registered, and the directory over it:
 * what tests that build AppDeps by hand pass as `directory` and `openPlatformClient`.
 */
import { createClient } from "@libsql/client";
import { preparePlatform } from "../../dev/lib/platform";
import { zones } from "../../tenants/index";
import { createZoneDirectory } from "../../worker/control-plane/directory";
import { localZoneDatabases } from "../../worker/control-plane/zone-databases";

export async function testPlatform(roots: readonly string[] = ["localhost"]) {
  const client = createClient({ url: ":memory:" });
  await preparePlatform(client, zones.all());
  return {
    directory: createZoneDirectory({ open: () => client, roots }),
    openPlatformClient: () => client,
    zoneDatabases: localZoneDatabases(),
  };
}
