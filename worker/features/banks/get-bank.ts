/** Reading banks: the zone's list with staff counts, one bank with its staff and open invitations. */
import { asc, count, eq } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import type { RequestCtx } from "../../middleware/request-ctx";
import { banks, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { listOpenInvitations } from "../invitations/list-open-invitations";

type BankRow = typeof banks.$inferSelect;

export const BANK_NOT_FOUND = "本园区没有这个金融机构。";

export async function listBanks({ db }: Pick<RequestCtx, "db">) {
  const [rows, staff] = await db.batch([
    db.select().from(banks).orderBy(asc(banks.name), asc(banks.branch)),
    db.select({ bankId: users.bankId, n: count() }).from(users).where(eq(users.role, "bank")).groupBy(users.bankId),
  ]);
  const staffBy = new Map(staff.map((s) => [s.bankId, s.n]));
  return rows.map((b) => ({ ...b, staff: staffBy.get(b.id) ?? 0 }));
}

export async function findBank(db: TenantDb, id: string): Promise<BankRow> {
  const [bank] = await db.select().from(banks).where(eq(banks.id, id)).limit(1);
  if (!bank) throw new AppError("not_found", BANK_NOT_FOUND);
  return bank;
}

/** The bank, its staff and its open invitations, read together (one round trip); an unknown id is a 404. */
export async function getBank({ db, now }: Pick<RequestCtx, "db" | "now">, id: string) {
  const [bank, staff, invitations] = await Promise.all([
    findBank(db, id),
    db
      .select({ id: users.id, name: users.name, email: users.email, status: users.status, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.bankId, id))
      .orderBy(asc(users.name)),
    listOpenInvitations({ db, now }, { bankId: id }),
  ]);
  return { bank, staff, invitations };
}

/** A bank as the API and pages show it (times as ISO 8601 UTC). */
export const bankJson = (b: BankRow) => ({
  id: b.id,
  name: b.name,
  branch: b.branch,
  uscc: b.uscc,
  contactName: b.contactName,
  contactPhone: b.contactPhone,
  contactEmail: b.contactEmail,
  status: b.status,
  createdAt: new Date(b.createdAt).toISOString(),
});
