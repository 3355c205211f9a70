/**
 * Zone staff's queue of qualification claims and their decision. Verifying a
 * claim makes it the enterprise's verified fact and withdraws the one it
 * replaces; rejecting needs a reason. Both are audited, kept in the enterprise's
 * history and announced to the enterprise's contact through the outbox.
 */
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { enterpriseQualifications, enterprises, materials, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import { decodeClaimCursor, encodeCursor } from "./directory-paging";
import { historyInsert } from "./history";
import { CHAINED, onlyIfChanged } from "../../db/only-if-changed";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** Claims per page of the 资质审核 queue. */
export const CLAIMS_PAGE_SIZE = 50;

/**
 * Claims awaiting review, oldest first, a page at a time (keyset on created_at, id), each with
 * its enterprise and its certificate's material (found by its exact kind in a correlated
 * subquery, so reviewers can open it before deciding), and the total: one batch.
 */
export async function listPendingQualifications(
  { db, zone }: Pick<RequestCtx, "db" | "zone">,
  paging: { after?: string | undefined } = {},
) {
  const after = paging.after ? decodeClaimCursor(paging.after) : null;
  const pending = eq(enterpriseQualifications.status, "pending_review");
  const certificate = db
    .select({ id: materials.id })
    .from(materials)
    .where(
      and(
        eq(materials.ownerKind, "enterprise"),
        eq(materials.ownerId, enterpriseQualifications.enterpriseId),
        // certificateKind(code, id) (claim-qualification.ts), spelt in SQL for the outer row.
        eq(
          materials.kind,
          sql`'certificate:' || ${enterpriseQualifications.code} || ':' || ${enterpriseQualifications.id}`,
        ),
      ),
    )
    .limit(1);
  const [read, [total]] = await db.batch([
    db
      .select({
        q: enterpriseQualifications,
        enterpriseName: enterprises.name,
        uscc: enterprises.uscc,
        certificateId: sql<string | null>`(${certificate})`,
      })
      .from(enterpriseQualifications)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseQualifications.enterpriseId))
      .where(
        and(
          pending,
          after
            ? sql`(${enterpriseQualifications.createdAt}, ${enterpriseQualifications.id}) > (${after[0]}, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(asc(enterpriseQualifications.createdAt), asc(enterpriseQualifications.id))
      .limit(CLAIMS_PAGE_SIZE + 1),
    db.select({ n: count() }).from(enterpriseQualifications).where(pending),
  ]);
  const names = new Map(zone.qualifications.map((t) => [t.code, t.zh]));
  const rows = read.slice(0, CLAIMS_PAGE_SIZE);
  const last = rows[rows.length - 1];
  return {
    pending: rows.map(({ q, enterpriseName, uscc, certificateId }) => ({
      ...q,
      name: names.get(q.code) ?? q.code,
      enterpriseName,
      uscc,
      certificateId,
    })),
    total: total?.n ?? 0,
    nextCursor: read.length > CLAIMS_PAGE_SIZE && last ? encodeCursor([last.q.createdAt, last.q.id]) : null,
  };
}

export const QUALIFICATION_NOT_FOUND = "没有这条资质申报。";
const ALREADY_DECIDED = "这条申报已经处理过或已被企业新的申报替代。";

export async function reviewQualification(
  { db, zone, now, ip, actor }: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  id: string,
  decision: "verify" | "reject",
  note: string | null,
) {
  if (decision === "reject" && !note)
    throw new AppError("validation_failed", "驳回时请写明原因,企业会看到它。", { note: "请填写驳回原因" });
  // One read: the claim with its enterprise, the verified row it would replace and the active members
  // (who hear of it when the profile has no contact), the latter two keyed on the claim by subqueries.
  const claim = (column: typeof enterpriseQualifications.enterpriseId | typeof enterpriseQualifications.code) =>
    sql`(${db.select({ v: column }).from(enterpriseQualifications).where(eq(enterpriseQualifications.id, id))})`;
  const [[found], verified, members] = await db.batch([
    db
      .select({ q: enterpriseQualifications, name: enterprises.name, contactEmail: enterprises.contactEmail })
      .from(enterpriseQualifications)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseQualifications.enterpriseId))
      .where(eq(enterpriseQualifications.id, id))
      .limit(1),
    db
      .select({ id: enterpriseQualifications.id })
      .from(enterpriseQualifications)
      .where(
        and(
          eq(enterpriseQualifications.enterpriseId, claim(enterpriseQualifications.enterpriseId)),
          eq(enterpriseQualifications.code, claim(enterpriseQualifications.code)),
          eq(enterpriseQualifications.status, "verified"),
          ne(enterpriseQualifications.id, id),
        ),
      ),
    db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.enterpriseId, claim(enterpriseQualifications.enterpriseId)), eq(users.status, "active"))),
  ]);
  if (!found) throw new AppError("not_found", QUALIFICATION_NOT_FOUND);
  const { q } = found;
  if (q.status !== "pending_review") throw new AppError("conflict", ALREADY_DECIDED);

  // The contact on the profile hears of it; an enterprise without one, through its active members.
  const recipients = found.contactEmail ? [found.contactEmail] : members.map((u) => u.email);
  const typeName = zone.qualifications.find((t) => t.code === q.code)?.zh ?? q.code;
  const status = decision === "verify" ? "verified" : "rejected";
  const t = now.getTime();
  const replaced = decision === "verify" ? verified : [];
  const subject = decision === "verify" ? `资质审核通过:${typeName}` : `资质审核未通过:${typeName}`;
  const body = [
    `${found.name}:`,
    decision === "verify"
      ? `你们申报的“${typeName}”已由${zone.name.zh}核实通过。`
      : `你们申报的“${typeName}”未通过${zone.name.zh}的审核。`,
    note ? `审核意见:${note}` : null,
    "登录园区平台,在“企业资料”中查看详情。",
  ]
    .filter(Boolean)
    .join("\n");

  // One batch: the conditional UPDATE first, then every write chained on it (see
  // worker/db/only-if-changed): a concurrent decision that got there first leaves this
  // batch with nothing to write, and no RETURNed row tells us so.
  const [decided] = await db.batch([
    db
      .update(enterpriseQualifications)
      .set({ status, reviewedBy: actor.id, reviewedAt: t, reviewNote: note })
      .where(and(eq(enterpriseQualifications.id, id), eq(enterpriseQualifications.status, "pending_review")))
      .returning({ id: enterpriseQualifications.id }),
    onlyIfChanged(
      db,
      historyInsert(
        db,
        {
          enterpriseId: q.enterpriseId,
          actor,
          subject: `qualification:${id}`,
          before: { status: "pending_review" },
          after: { status, reviewNote: note, withdrawn: replaced.map((r) => r.id).join(",") || null },
        },
        now,
      ),
    ),
    onlyIfChanged(
      db,
      auditInsert(
        db,
        {
          actorId: actor.id,
          actor: actor.email,
          action: decision === "verify" ? "enterprise.qualification_verified" : "enterprise.qualification_rejected",
          target: q.enterpriseId,
          result: "ok",
          ip,
          detail: { qualification: id, code: q.code, withdrawn: replaced.length },
        },
        now,
      ),
    ),
    ...recipients.map((recipient) =>
      onlyIfChanged(
        db,
        outboxInsert(db, { channel: "email", recipient, subject, body, kind: `qualification_${status}` }, now),
      ),
    ),
    // Last, because it may change several rows (or none) and would end the chain.
    ...(replaced.length
      ? [
          db
            .update(enterpriseQualifications)
            .set({ status: "withdrawn", reviewNote: "被新核实的资质替代" })
            .where(
              and(
                inArray(
                  enterpriseQualifications.id,
                  replaced.map((r) => r.id),
                ),
                eq(enterpriseQualifications.status, "verified"),
                CHAINED,
              ),
            ),
        ]
      : []),
  ]);
  if (decided.length === 0) throw new AppError("conflict", ALREADY_DECIDED);
}
