/**
 * Revokes one of the organisation's API tokens: its next request is refused (401). Another
 * organisation's token is as unknown as a missing one (404). Revoking twice is not an error.
 */
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "../../db/schema";
import { onlyIfChanged } from "../../db/only-if-changed";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { ownedBy, tokenOwnerOf } from "./organisation";

export async function revokeApiToken(
  ctx: Pick<RequestCtx<Actor>, "db" | "now" | "ip" | "actor">,
  id: string,
): Promise<{ revoked: boolean }> {
  const owner = tokenOwnerOf(ctx.actor);
  const nowMs = ctx.now.getTime();
  const mine = and(eq(apiTokens.id, id), ownedBy(owner));
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(apiTokens)
      .set({ revokedAt: nowMs, revokedBy: ctx.actor.id })
      .where(and(mine, isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name }),
    onlyIfChanged(
      ctx.db,
      auditInsert(
        ctx.db,
        {
          actorId: ctx.actor.id,
          actor: ctx.actor.email,
          action: "api_token.revoke",
          target: id,
          result: "ok",
          ip: ctx.ip,
          detail: { bank: owner.bankId },
        },
        ctx.now,
      ),
    ),
  ]);
  if (updated.length > 0) return { revoked: true };
  // Nothing changed: revoked before (fine), or not this organisation's token at all.
  const [existing] = await ctx.db.select({ id: apiTokens.id }).from(apiTokens).where(mine).limit(1);
  if (!existing) throw new AppError("not_found", "没有找到这个 API 令牌(它可能属于别的单位,或编号有误)。");
  return { revoked: false };
}
