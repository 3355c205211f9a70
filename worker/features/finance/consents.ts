/**
 * Consent (PIPL): an enterprise lets one bank see its financial data
 * (qualifications, years in operation, revenue) — per bank, explicit, revocable.
 * Each grant is a row; revoking stamps it; history stays. At most one row per
 * (enterprise, bank) is active: a unique index (migration 0008) decides when
 * grants race, so both grant and revoke are idempotent.
 */
import { and, eq, isNull } from "drizzle-orm";
import { onlyIfChanged } from "../../db/only-if-changed";
import type { TenantDb } from "../../db/open";
import { banks, dataConsents } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { auditInsert } from "../audit/audit";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { memberOf } from "./actor-roles";

export async function consentedEnterprises(db: TenantDb, bankId: string): Promise<Set<string>> {
  const rows = await db
    .select({ e: dataConsents.enterpriseId })
    .from(dataConsents)
    .where(and(eq(dataConsents.bankId, bankId), isNull(dataConsents.revokedAt)));
  return new Set(rows.map((r) => r.e));
}

export async function hasConsent(db: TenantDb, enterpriseId: string, bankId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: dataConsents.id })
    .from(dataConsents)
    .where(
      and(eq(dataConsents.enterpriseId, enterpriseId), eq(dataConsents.bankId, bankId), isNull(dataConsents.revokedAt)),
    )
    .limit(1);
  return !!row;
}

/**
 * Idempotent: granting an active consent again — in sequence or many times at once —
 * answers the same and leaves the one active row (the unique index
 * data_consents_active_unique; a losing insert does nothing, and writes no audit row).
 * Returns the enterprise's consents as they now stand, read with the check or at the
 * end of the write batch, so the answer costs no round trip of its own.
 */
export async function grantConsent(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  bankId: string,
): Promise<ConsentRow[]> {
  const enterpriseId = memberOf(ctx.actor);
  const [bank, active, consents] = await ctx.db.batch([
    ctx.db
      .select({ id: banks.id })
      .from(banks)
      .where(and(eq(banks.id, bankId), eq(banks.status, "active")))
      .limit(1),
    ctx.db
      .select({ id: dataConsents.id })
      .from(dataConsents)
      .where(
        and(
          eq(dataConsents.enterpriseId, enterpriseId),
          eq(dataConsents.bankId, bankId),
          isNull(dataConsents.revokedAt),
        ),
      )
      .limit(1),
    consentsQuery(ctx),
  ]);
  if (!bank[0]) throw new AppError("not_found", "本园区没有这家金融机构。");
  if (active[0]) return consents;
  const [, , after] = await ctx.db.batch([...consentInserts(ctx, enterpriseId, bankId), consentsQuery(ctx)]);
  return after;
}

/**
 * Idempotent: revoking what is not granted (or was revoked a moment ago by a parallel
 * request) changes and records nothing. Returns the consents as they now stand (read
 * at the end of the write batch).
 */
export async function revokeConsent(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  bankId: string,
): Promise<ConsentRow[]> {
  const enterpriseId = memberOf(ctx.actor);
  const [bank] = await ctx.db.select({ id: banks.id }).from(banks).where(eq(banks.id, bankId)).limit(1);
  if (!bank) throw new AppError("not_found", "本园区没有这家金融机构。");
  // At most one row is active (the unique index), so the audit row follows exactly one revocation.
  const [, , after] = await ctx.db.batch([
    ctx.db
      .update(dataConsents)
      .set({ revokedAt: ctx.now.getTime(), revokedBy: ctx.actor.id })
      .where(
        and(
          eq(dataConsents.enterpriseId, enterpriseId),
          eq(dataConsents.bankId, bankId),
          isNull(dataConsents.revokedAt),
        ),
      ),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "finance.consent_revoked",
          target: `bank:${bankId}`,
          result: "ok",
          ip: ctx.ip,
          detail: { enterpriseId },
        },
        ctx.now,
      ),
    ),
    consentsQuery(ctx),
  ]);
  return after;
}

/**
 * The writes that grant a consent unless one is active, for a caller's batch (an
 * application grants it with itself): the insert gives way to the active row, and
 * the audit row is written only when the insert was.
 */
export function consentInserts(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  enterpriseId: string,
  bankId: string,
) {
  return [
    ctx.db
      .insert(dataConsents)
      .values({ id: newId(), enterpriseId, bankId, grantedBy: ctx.actor.id, grantedAt: ctx.now.getTime() })
      .onConflictDoNothing(),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "finance.consent_granted",
          target: `bank:${bankId}`,
          result: "ok",
          ip: ctx.ip,
          detail: { enterpriseId },
        },
        ctx.now,
      ),
    ),
  ] as const;
}

/** The member's enterprise's consents with the banks' names, unawaited (for a batch). */
function consentsQuery(ctx: Pick<RequestCtx<Actor>, "db" | "actor">) {
  return ctx.db
    .select({ consent: dataConsents, bankName: banks.name })
    .from(dataConsents)
    .innerJoin(banks, eq(banks.id, dataConsents.bankId))
    .where(eq(dataConsents.enterpriseId, memberOf(ctx.actor)));
}
export type ConsentRow = Awaited<ReturnType<typeof consentsQuery>>[number];

export async function listConsents(ctx: Pick<RequestCtx<Actor>, "db" | "actor">): Promise<ConsentRow[]> {
  return consentsQuery(ctx);
}
