/**
 * `user create <zone> <email> --role zone_admin --name 张三 [--mobile 13800000000]
 *  [--enterprise <id> | --bank <id>]`: gives a zone its first admin (or any user). Nobody
 * chooses or sees a password: the account gets an unusable random one and the command prints a
 * one-time reset link (60 min) on the zone's public origin to pass on, as a zone admin would.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { openTenantDb } from "../db/open";
import { ROLES, users } from "../db/schema";
import { zoneOrigin } from "../env";
import { auditInsert } from "../features/audit/audit";
import { hashPassword } from "../features/auth/password";
import { newResetToken } from "../features/auth/reset-tokens";
import { newId } from "../lib/ids";
import { resetLink } from "../features/auth/password-reset";
import { type CliIo, type ExitCode, withPlatform } from "./cli-io";

export const USER_CREATE_ARGS = "<zone> <email> --role zone_admin --name 张三";

const inputSchema = (zoneSlugs: readonly string[]) =>
  z.object({
    zone: z.string().refine((s) => zoneSlugs.includes(s), `zone: one of ${zoneSlugs.join(", ") || "(none yet)"}`),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email("email: a valid address")),
    role: z.enum(ROLES, { message: `--role: one of ${ROLES.join(", ")}` }),
    name: z.string({ message: "--name is required" }).trim().min(1, "--name is required").max(50),
    mobile: z
      .string()
      .regex(/^1[3-9]\d{9}$/, "--mobile: an 11-digit mainland mobile")
      .optional(),
    enterprise: z.string().max(64).optional(),
    bank: z.string().max(64).optional(),
  });

export async function userCreate(args: string[], io: CliIo, usagePrefix = ""): Promise<ExitCode> {
  let parsedArgs: ReturnType<typeof parse>;
  try {
    parsedArgs = parse(args);
  } catch (err) {
    io.err(`${(err as Error).message}\nusage: ${usagePrefix}${USER_CREATE_ARGS}`);
    return 2;
  }
  const { values, positionals } = parsedArgs;
  return withPlatform(io, async (deps) => {
    const active = (await deps.directory.list()).filter((t) => t.status === "active");
    const input = inputSchema(active.map((t) => t.slug)).safeParse({
      zone: positionals[0],
      email: positionals[1],
      ...values,
    });
    if (!input.success) {
      io.err(
        [`usage: ${usagePrefix}${USER_CREATE_ARGS}`, ...input.error.issues.map((i) => `  ${i.message}`)].join("\n"),
      );
      return 2;
    }
    const { zone: slug, email, role, name, mobile, enterprise, bank } = input.data;
    if ((role === "enterprise") !== !!enterprise || (role === "bank") !== !!bank) {
      io.err("an enterprise user needs --enterprise <id>, a bank user --bank <id>, and only they");
      return 2;
    }
    const tenant = active.find((t) => t.slug === slug)!;
    const db = openTenantDb(deps.openClient(tenant.dbName));
    const now = deps.now();
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      io.err(`✗ ${email} already has an account in ${slug}; a zone admin can issue it a reset link`);
      return 1;
    }
    const id = newId();
    const unusable = await hashPassword(crypto.getRandomValues(new Uint8Array(32)).join("-"));
    const { token, expiresAt, writes } = await newResetToken(db, id, { kind: "admin", issuedBy: null, now });
    await db.batch([
      db.insert(users).values({
        id,
        email,
        name,
        role,
        mobile: mobile ?? null,
        enterpriseId: enterprise ?? null,
        bankId: bank ?? null,
        passwordHash: unusable,
        passwordChangedAt: now.getTime(),
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      }),
      ...writes,
      auditInsert(
        db,
        { actor: "operator", action: "user.created", target: email, result: "ok", detail: { role } },
        now,
      ),
    ]);
    io.out(`✓ ${role} ${email} created in ${slug}.`);
    io.out(`  Pass on this one-time link to set the password (valid until ${expiresAt.toISOString()}):`);
    io.out(`  ${resetLink(zoneOrigin(deps.config, slug), token, { first: true })}`);
    return 0;
  });
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      mobile: { type: "string" },
      enterprise: { type: "string" },
      bank: { type: "string" },
    },
  });
}
