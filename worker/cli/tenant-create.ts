/**
 * `tenant create <slug> --name-zh 某某高新区 --name-en "Moumou Hi-tech Zone" --province 某省
 *  --city 某市 --phone 0533-1234567 [--template blank|<demo zone>]`: provisionZone from a
 * terminal. Writes nothing under tenants/ and needs no redeploy: the running server serves the
 * zone on its subdomain within seconds. A failed step is named; the same command resumes it.
 */
import { parseArgs } from "node:util";
import { provisionZone } from "../control-plane/provision/provision-zone";
import { templateNames } from "../control-plane/zone-base";
import { zoneOrigin } from "../env";
import { AppError } from "../lib/errors";
import { CLI_ACTOR, withPlatform, type CliIo, type ExitCode } from "./cli-io";

export const TENANT_CREATE_ARGS =
  '<slug> --name-zh 某某高新区 --name-en "Moumou Hi-tech Zone" ' +
  `--province 某省 --city 某市 --phone 0533-1234567 [--template ${templateNames().join("|")}]`;

export async function tenantCreate(args: string[], io: CliIo, usagePrefix = ""): Promise<ExitCode> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    io.err(`${(err as Error).message}\nusage: ${usagePrefix}${TENANT_CREATE_ARGS}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`usage: ${usagePrefix}${TENANT_CREATE_ARGS}`);
    return 2;
  }
  return withPlatform(
    io,
    async (deps) => {
      const { tenant, resumed, steps } = await provisionZone({
        deps,
        actor: CLI_ACTOR,
        input: {
          slug: positionals[0]!,
          name: { zh: values["name-zh"] ?? "", en: values["name-en"] ?? "" },
          province: values.province ?? "",
          city: values.city ?? "",
          phone: values.phone ?? "",
          ...(values.template ? { template: values.template } : {}),
        },
      });
      if (resumed) io.out(`resuming ${tenant.slug} from step ${steps[1]?.name ?? "activate"}`);
      for (const s of steps) io.out(s.ok ? `✓ ${s.name}` : `✗ ${s.name}: ${s.error}`);
      if (tenant.status !== "active") {
        io.err(
          `${tenant.slug} is still provisioning (failed at ${tenant.provisionStep}). ` +
            "Fix the cause and run the same command again.",
        );
        return 1;
      }
      io.out(
        `${tenant.name.zh} (${tenant.slug}, template ${tenant.template}) is active: ` +
          zoneOrigin(deps.config, tenant.slug),
      );
      return 0;
    },
    // Bad input and a taken slug are the operator's to fix (2); anything else may pass on a retry (1).
    (err) => {
      if (err instanceof AppError && err.fields) {
        io.err([`✗ ${err.message}`, `usage: ${usagePrefix}${TENANT_CREATE_ARGS}`].join("\n"));
        return 2;
      }
      if (err instanceof AppError && err.code === "conflict") {
        io.err(`✗ ${err.message}`);
        return 2;
      }
      return null;
    },
  );
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      "name-zh": { type: "string" },
      "name-en": { type: "string" },
      province: { type: "string" },
      city: { type: "string" },
      phone: { type: "string" },
      template: { type: "string" },
    },
  });
}
