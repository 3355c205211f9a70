/**
 * `npm run user:create -- <zone> <email> --role zone_admin --name 张三 [--mobile 13800000000]`:
 * the operator's way to give a zone its first admin (or any user). Nobody chooses or sees a
 * password: the account gets an unusable random one and the command prints a one-time reset
 * link (60 min) to pass on, as a zone admin would. The zone is looked up in the control plane
 * (PLATFORM_DB_URL); its database through LIBSQL_URL_TEMPLATE; links use PUBLIC_URL_TEMPLATE
 * (else the local origin on PORT). The same command as `node dist/node/cli.mjs user create`.
 */
import { processIo } from "../worker/cli/cli-io";
import { userCreate } from "../worker/cli/user-create";

process.exitCode = await userCreate(process.argv.slice(2), processIo(), "npm run user:create -- ");
