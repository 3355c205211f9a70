/**
 * `npm run user:create -- <zone> <email> --role zone_admin --name 张三 [--mobile 13800000000]`:
 * the operator's way to give a zone its first admin (or any user). Nobody chooses
 * or sees a password: the account gets an unusable random one and the command
 * prints a one-time reset link (60 min) to pass on, as a zone admin would.
 * Reaches the database through LIBSQL_URL_TEMPLATE; links use PUBLIC_URL_TEMPLATE.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { zones } from "../tenants/index";
import { openTenantDb } from "../worker/db/open";
import { ROLES, users } from "../worker/db/schema";
import { auditInsert } from "../worker/features/audit/audit";
import { hashPassword } from "../worker/features/auth/password";
import { newResetToken } from "../worker/features/auth/reset-tokens";
import { newId } from "../worker/lib/ids";
import { zoneOrigin } from "../worker/env";
import { publicUrlTemplate } from "./lib/local-ports";
import { cliClientFactory } from "./lib/tenant-clients";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: "string" },
    name: { type: "string" },
    mobile: { type: "string" },
    enterprise: { type: "string" },
    bank: { type: "string" },
  },
});
const input = z
  .object({
    zone: z.string().refine(
      (s) => zones.has(s),
      `zone: one of ${zones
        .all()
        .map((z) => z.slug)
        .join(", ")}`,
    ),
    email: z.string().trim().toLowerCase().pipe(z.email("email: a valid address")),
    role: z.enum(ROLES, { message: `--role: one of ${ROLES.join(", ")}` }),
    name: z.string({ message: "--name is required" }).trim().min(1, "--name is required"),
    mobile: z
      .string()
      .regex(/^1[3-9]\d{9}$/, "--mobile: an 11-digit mainland mobile")
      .optional(),
    enterprise: z.string().optional(),
    bank: z.string().optional(),
  })
  .safeParse({ zone: positionals[0], email: positionals[1], ...values });
if (!input.success) {
  console.error(
    [
      "usage: npm run user:create -- <zone> <email> --role zone_admin --name 张三",
      ...input.error.issues.map((i) => `  ${i.message}`),
    ].join("\n"),
  );
  process.exit(2);
}
const { zone: slug, email, role, name, mobile, enterprise, bank } = input.data;
if ((role === "enterprise") !== !!enterprise || (role === "bank") !== !!bank) {
  console.error("an enterprise user needs --enterprise <id>, a bank user --bank <id>, and only they");
  process.exit(2);
}

const { open } = cliClientFactory();
const client = open(slug);
const db = openTenantDb(client);
const now = new Date();
try {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new Error(`${email} already has an account in ${slug}; a zone admin can issue it a reset link`);
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
    auditInsert(db, { actor: "operator", action: "user.created", target: email, result: "ok", detail: { role } }, now),
  ]);
  const origin = zoneOrigin({ PUBLIC_URL_TEMPLATE: publicUrlTemplate() }, slug);
  console.log(`✓ ${role} ${email} created in ${slug}.`);
  console.log(`  Pass on this one-time link to set the password (valid until ${expiresAt.toISOString()}):`);
  console.log(`  ${origin}/reset-password?token=${token}`);
} catch (err) {
  console.error(`✗ ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  client.close();
}
