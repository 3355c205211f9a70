/**
 * Whose tokens a person makes and sees: a zone admin the zone's own (bank_id NULL), a bank's staff
 * their bank's. The areas each may grant: the zone's tools anything, a bank's systems finance only.
 */
import { eq, isNull, type SQL } from "drizzle-orm";
import { apiTokens } from "../../db/schema";
import type { TokenArea } from "../../lib/api-scopes";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../middleware/request-ctx";

export interface TokenOwner {
  /** null: the zone itself. */
  bankId: string | null;
  areas: readonly TokenArea[];
}

/** The organisation whose tokens the actor manages; 403 for anyone else (the routes' guards say so first). */
export function tokenOwnerOf(actor: Pick<Actor, "role" | "bankId">): TokenOwner {
  if (actor.role === "zone_admin")
    return { bankId: null, areas: ["statistics", "enterprises", "subsidies", "finance"] };
  if (actor.role === "bank" && actor.bankId) return { bankId: actor.bankId, areas: ["finance"] };
  throw new AppError("forbidden", "只有园区管理员和金融机构的工作人员可以管理 API 令牌。");
}

/** WHERE for the owner's tokens. */
export function ownedBy(owner: TokenOwner): SQL {
  return owner.bankId === null ? isNull(apiTokens.bankId) : eq(apiTokens.bankId, owner.bankId);
}
