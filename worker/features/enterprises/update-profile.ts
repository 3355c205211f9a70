/**
 * The enterprise edits what it may change itself (address, contacts, headcount,
 * industry). Zone-verified facts (name, USCC, legal representative, registration)
 * are not in the input at all. A change writes history (changed fields only) and
 * the audit row in the same batch; an unchanged form writes nothing.
 */
import { eq } from "drizzle-orm";
import { enterprises } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { NOT_FOUND_MESSAGE } from "./get-enterprise-overview";
import { changedFields, historyInsert } from "./history";
import type { ProfileChange } from "./schemas";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

export async function updateProfile(
  { db, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  enterpriseId: string,
  change: ProfileChange,
): Promise<{ changed: string[] }> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)).limit(1);
  if (!row) throw new AppError("not_found", NOT_FOUND_MESSAGE);
  const before = {
    address: row.address,
    contactName: row.contactName,
    contactMobile: row.contactMobile,
    contactEmail: row.contactEmail,
    employees: row.employees,
    industry: row.industry,
    industryClass: row.industryClass,
  };
  const diff = changedFields(before, { ...change });
  if (!diff) return { changed: [] };
  const changed = Object.keys(diff.after);
  await db.batch([
    db
      .update(enterprises)
      .set({ ...change, updatedAt: now.getTime() })
      .where(eq(enterprises.id, enterpriseId)),
    historyInsert(db, { enterpriseId, actor, subject: "profile", ...diff }, now),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: "enterprise.profile_updated",
        target: enterpriseId,
        result: "ok",
        ip,
        detail: { fields: changed.join(",") },
      },
      now,
    ),
  ]);
  return { changed };
}
