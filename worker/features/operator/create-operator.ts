/**
 * A platform operator account (the platform database's operators table). Idempotent on
 * e-mail: an existing operator is left exactly as it is (its password is never replaced
 * here), so `npm start` and the operator CLI can run it on every start.
 */
import { eq } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { operators } from "../../db/platform-schema";
import { newId } from "../../lib/ids";
import { hashPassword } from "../auth/password";

export interface CreateOperatorOptions {
  db: LibSQLDatabase;
  email: string;
  name: string;
  password: string;
  nowMs: number;
}

export async function createOperator({
  db,
  email,
  name,
  password,
  nowMs,
}: CreateOperatorOptions): Promise<{ id: string; created: boolean }> {
  const address = email.trim().toLowerCase();
  const [existing] = await db.select({ id: operators.id }).from(operators).where(eq(operators.email, address));
  if (existing) return { id: existing.id, created: false };
  const id = newId();
  const inserted = await db
    .insert(operators)
    .values({
      id,
      email: address,
      name: name.trim(),
      passwordHash: await hashPassword(password),
      createdAt: nowMs,
      updatedAt: nowMs,
    })
    .onConflictDoNothing()
    .returning({ id: operators.id });
  if (inserted.length === 1) return { id, created: true };
  // Created by a concurrent call between the read and the insert: that row stands.
  const [row] = await db.select({ id: operators.id }).from(operators).where(eq(operators.email, address));
  return { id: row!.id, created: false };
}
