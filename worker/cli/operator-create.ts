/**
 * `operator create --email ops@example.cn --name 张三`: a platform operator (the console on the
 * bare root domain). The password comes from OPERATOR_PASSWORD or stdin (`… < file`, or piped),
 * never argv: a command line is visible to every user of the machine. An operator that exists
 * is left as it is (createOperator never replaces a password).
 */
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/libsql/web";
import { z } from "zod";
import { recordPlatformAudit } from "../control-plane/platform-audit";
import { platformOrigin } from "../env";
import { createOperator } from "../features/operator/create-operator";
import { CLI_ACTOR, withPlatform, type CliIo, type ExitCode } from "./cli-io";

export const OPERATOR_CREATE_ARGS = "--email ops@example.cn --name 张三   (password from OPERATOR_PASSWORD or stdin)";

const inputSchema = z.object({
  email: z
    .string({ message: "--email is required" })
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email("--email: a valid address")),
  name: z.string({ message: "--name is required" }).trim().min(1, "--name is required").max(50),
  // The first line only: `echo secret | …` ends with a newline that is not part of it.
  password: z
    .string()
    .transform((s) => s.split(/\r?\n/)[0] ?? "")
    .pipe(
      z
        .string()
        .min(12, "password: at least 12 characters (OPERATOR_PASSWORD or stdin)")
        .max(200, "password: at most 200 characters"),
    ),
});

export async function operatorCreate(args: string[], io: CliIo, usagePrefix = ""): Promise<ExitCode> {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" } } }));
  } catch (err) {
    io.err(`${(err as Error).message}\nusage: ${usagePrefix}${OPERATOR_CREATE_ARGS}`);
    return 2;
  }
  const password = io.env.OPERATOR_PASSWORD || (await io.readStdin());
  const input = inputSchema.safeParse({ ...values, password });
  if (!input.success) {
    io.err(
      [`usage: ${usagePrefix}${OPERATOR_CREATE_ARGS}`, ...input.error.issues.map((i) => `  ${i.message}`)].join("\n"),
    );
    return 2;
  }
  return withPlatform(io, async (deps) => {
    const db = drizzle(deps.openPlatformClient());
    const nowMs = deps.now().getTime();
    const { created } = await createOperator({ db, ...input.data, nowMs });
    await recordPlatformAudit(db, {
      actor: CLI_ACTOR,
      action: "operator.create",
      target: input.data.email,
      result: created ? "ok" : "denied",
      detail: created ? {} : { reason: "exists" },
      nowMs,
    });
    if (!created) {
      io.err(`✗ ${input.data.email} is already an operator; its password was left unchanged.`);
      return 1;
    }
    io.out(`✓ operator ${input.data.email} created; sign in at ${platformOrigin(deps.config)}/login`);
    return 0;
  });
}
