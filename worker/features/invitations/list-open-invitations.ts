/** Invitations that can still be accepted, newest first, with who sent them: an organisation's, or the staff's. */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { TenantDb } from "../../db/open";
import { invitations, users } from "../../db/schema";
import type { RequestCtx } from "../../middleware/request-ctx";
import type { OpenInvitation } from "../../../web/pages/invitations/open-invitation";
import { isOpen } from "./invitation-tokens";
import { STAFF_ROLES } from "./staff-roles";

/** How many open staff invitations 用户管理 lists: far more than a zone's staff ever has waiting. */
export const STAFF_INVITATIONS_SHOWN = 100;

const openColumns = {
  tokenHash: invitations.tokenHash,
  email: invitations.email,
  name: invitations.name,
  role: invitations.role,
  invitedById: invitations.invitedBy,
  inviterEmail: users.email,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
};

type OpenRow = { invitedById: string; inviterEmail: string | null } & Omit<OpenInvitation, "invitedBy">;
const asOpenInvitation = ({ invitedById, inviterEmail, ...r }: OpenRow): OpenInvitation => ({
  ...r,
  invitedBy: inviterEmail ?? invitedById,
});

export async function listOpenInvitations(
  { db, now }: Pick<RequestCtx, "db" | "now">,
  of: { enterpriseId: string; bankId?: undefined } | { bankId: string; enterpriseId?: undefined },
): Promise<OpenInvitation[]> {
  const org =
    of.enterpriseId !== undefined ? eq(invitations.enterpriseId, of.enterpriseId) : eq(invitations.bankId, of.bankId);
  const rows = await db
    .select(openColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(org, isOpen(now)))
    .orderBy(desc(invitations.createdAt));
  return rows.map(asOpenInvitation);
}

/**
 * The zone's open staff invitations (reviewer, zone_admin; no organisation) as a query for the
 * caller's read batch (用户管理 reads them beside its users); map the rows with `staffInvitationsFrom`.
 */
export function openStaffInvitationsQuery(db: TenantDb, now: Date, limit = STAFF_INVITATIONS_SHOWN) {
  return db
    .select(openColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        inArray(invitations.role, [...STAFF_ROLES]),
        isNull(invitations.enterpriseId),
        isNull(invitations.bankId),
        isOpen(now),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(limit);
}

export const staffInvitationsFrom = (rows: OpenRow[]): OpenInvitation[] => rows.map(asOpenInvitation);
