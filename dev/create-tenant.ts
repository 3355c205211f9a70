/**
 * `npm run tenant:create -- <slug> --name-zh 某某高新区 --name-en "Moumou Hi-tech Zone"
 *    --province 山东省 --city 某某市 --phone 0533-1234567 [--template blank|zibo|…]`:
 * creates a zone at run time through the control plane (worker/control-plane/provision):
 * registers it, creates and migrates its database, loads its template. Writes nothing under
 * tenants/ and needs no redeploy — a running `npm start` serves it within seconds. The same
 * command as the built `node dist/node/cli.mjs tenant create`, over the same environment
 * (PLATFORM_DB_URL, LIBSQL_URL_TEMPLATE; default the files under .data/ that npm start serves).
 */
import { processIo } from "../worker/cli/cli-io";
import { tenantCreate } from "../worker/cli/tenant-create";

process.exitCode = await tenantCreate(process.argv.slice(2), processIo(), "npm run tenant:create -- ");
