/** The zone's own staff roles: invited with no organisation, and set by a zone admin in 用户管理. */
import type { Role } from "../../db/schema";

export const STAFF_ROLES = ["reviewer", "zone_admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const isStaffRole = (role: Role): role is StaffRole => role === "reviewer" || role === "zone_admin";

/** How a staff role reads in a sentence ("以审核员的身份"). */
export const STAFF_ROLE_WORD: Record<StaffRole, string> = { reviewer: "审核员", zone_admin: "园区管理员" };
