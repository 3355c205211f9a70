/** The actor's organisation's API tokens, newest first (revoked and expired ones too, marked), with their maker. */
import { desc, eq } from "drizzle-orm";
import { apiTokens, users } from "../../db/schema";
import type { TokenScope } from "../../lib/api-scopes";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { ownedBy, tokenOwnerOf } from "./organisation";

/** More than any organisation keeps; the list is not paged. */
export const LISTED_TOKENS = 200;

export interface ListedToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  prefix: string;
  createdAt: number;
  createdBy: string;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export async function listApiTokens(ctx: Pick<RequestCtx<Actor>, "db" | "actor">): Promise<ListedToken[]> {
  const owner = tokenOwnerOf(ctx.actor);
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdBy: users.name,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(ownedBy(owner))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(LISTED_TOKENS);
}
