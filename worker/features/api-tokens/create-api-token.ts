/**
 * Makes an API token: the whole token is returned once (to show, never stored); the database keeps
 * its SHA-256, a short prefix and who made it for which organisation. Audited in the same batch.
 */
import { apiTokens } from "../../db/schema";
import type { TokenScope } from "../../lib/api-scopes";
import { apiTokenPrefix, hashApiToken, newApiToken } from "../../lib/api-token";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { auditInsert } from "../audit/audit";
import { tokenOwnerOf } from "./organisation";
import type { CreateApiTokenInput } from "./schemas";

const DAY_MS = 86_400_000;

export interface IssuedToken {
  id: string;
  /** The token itself: only in this answer. */
  token: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: Date;
}

export async function createApiToken(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor">,
  input: CreateApiTokenInput,
): Promise<IssuedToken> {
  const owner = tokenOwnerOf(ctx.actor);
  const outside = input.scopes.filter((s) => !owner.areas.some((a) => s.startsWith(`${a}:`)));
  if (outside.length > 0)
    throw new AppError(
      "validation_failed",
      `金融机构的令牌只能用于金融超市(finance:read、finance:write),不能包含 ${outside.join("、")}。`,
      {
        scopes: "金融机构的令牌只能选择 finance:read 或 finance:write",
      },
    );
  const token = newApiToken(ctx.zone.slug);
  const id = newId();
  const nowMs = ctx.now.getTime();
  const expiresAt = new Date(nowMs + input.expiresInDays * DAY_MS);
  // Areas in the order they are offered, whatever order they came in.
  const scopes = [...input.scopes].sort();
  await ctx.db.batch([
    ctx.db.insert(apiTokens).values({
      id,
      tokenHash: await hashApiToken(token),
      prefix: apiTokenPrefix(token),
      name: input.name,
      scopes,
      userId: ctx.actor.id,
      bankId: owner.bankId,
      createdAt: nowMs,
      expiresAt: expiresAt.getTime(),
    }),
    auditInsert(
      ctx.db,
      {
        actorId: ctx.actor.id,
        actor: ctx.actor.email,
        action: "api_token.create",
        target: id,
        result: "ok",
        ip: ctx.ip,
        detail: { name: input.name, scopes: scopes.join(" "), days: input.expiresInDays, bank: owner.bankId },
      },
      ctx.now,
    ),
  ]);
  return { id, token, name: input.name, scopes, expiresAt };
}
