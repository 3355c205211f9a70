/**
 * Who may read a material. Zone staff read every material; an application's
 * materials are the applicant's and, once approved, the enterprise's; an
 * enterprise's materials are its members'; a 风险补偿 claim's materials are the
 * filing bank's staff's (the enterprise is not shown them). Nobody else: the
 * route answers them exactly as it answers an id that does not exist.
 */
import { and, eq } from "drizzle-orm";
import type { RequestCtx } from "../../middleware/request-ctx";
import { materials, onboardingApplications, riskClaims, subsidyApplications, type Role } from "../../db/schema";
import type { MaterialRow } from "./save-material";

export interface MaterialReader {
  id: string;
  role: Role;
  enterpriseId: string | null;
  /** The bank a bank user acts for (absent or null for everyone else). */
  bankId?: string | null;
}

/** Whose a material is, resolved from what it is attached to. */
interface MaterialOwner {
  /** The applicant of the application it belongs to (null for enterprise materials). */
  applicantUserId: string | null;
  /** The enterprise it belongs to, or that its application became (null before approval). */
  enterpriseId: string | null;
  /** The bank that filed the 风险补偿 claim it belongs to (absent for every other owner). */
  bankId?: string | null;
}

export function canReadMaterial(reader: MaterialReader | null, owner: MaterialOwner): boolean {
  if (!reader) return false;
  switch (reader.role) {
    case "zone_admin":
    case "reviewer":
      return true;
    case "enterprise":
      return (
        (owner.applicantUserId !== null && reader.id === owner.applicantUserId) ||
        (owner.enterpriseId !== null && reader.enterpriseId === owner.enterpriseId)
      );
    case "bank":
      return !!owner.bankId && !!reader.bankId && reader.bankId === owner.bankId;
  }
}

/**
 * The material and its owner, or null when either is missing (an orphan is as good as absent):
 * one read, the material joined with whichever application it may be attached to.
 */
export async function findMaterialWithOwner(
  { db }: Pick<RequestCtx, "db">,
  id: string,
): Promise<{ material: MaterialRow; owner: MaterialOwner } | null> {
  const [row] = await db
    .select({
      material: materials,
      subsidyEnterpriseId: subsidyApplications.enterpriseId,
      applicantUserId: onboardingApplications.applicantUserId,
      applicationEnterpriseId: onboardingApplications.enterpriseId,
      claimBankId: riskClaims.bankId,
    })
    .from(materials)
    .leftJoin(
      subsidyApplications,
      and(eq(materials.ownerKind, "subsidy_application"), eq(subsidyApplications.id, materials.ownerId)),
    )
    .leftJoin(
      onboardingApplications,
      and(eq(materials.ownerKind, "application"), eq(onboardingApplications.id, materials.ownerId)),
    )
    .leftJoin(riskClaims, and(eq(materials.ownerKind, "risk_claim"), eq(riskClaims.id, materials.ownerId)))
    .where(eq(materials.id, id))
    .limit(1);
  if (!row) return null;
  const { material } = row;
  if (material.ownerKind === "enterprise")
    return { material, owner: { applicantUserId: null, enterpriseId: material.ownerId } };
  // A claim's materials are the filing bank's (and staff's); the enterprise it concerns is not an owner.
  if (material.ownerKind === "risk_claim")
    return row.claimBankId === null
      ? null
      : { material, owner: { applicantUserId: null, enterpriseId: null, bankId: row.claimBankId } };
  // A subsidy application's materials are its enterprise's members' (and staff's).
  if (material.ownerKind === "subsidy_application")
    return row.subsidyEnterpriseId === null
      ? null
      : { material, owner: { applicantUserId: null, enterpriseId: row.subsidyEnterpriseId } };
  return row.applicantUserId === null
    ? null
    : { material, owner: { applicantUserId: row.applicantUserId, enterpriseId: row.applicationEnterpriseId } };
}
