/**
 * Staff choose, per kind of notice their role receives, how it reaches them besides the 消息中心:
 * nothing more, mail (the default: no row), or SMS (mail instead while no mobile is on file).
 * Enterprise members choose nothing (kinds.ts). Saving writes every kind in one batch.
 */
import { z } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import { NOTICE_CHANNELS, noticePreferences, users, type NoticeChannel, type NoticeKind } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { KINDS_FOR_ROLE } from "./kinds";

export interface NoticePreference {
  kind: NoticeKind;
  channel: NoticeChannel;
}

export const PreferencesInput = z.strictObject({
  preferences: z.array(z.strictObject({ kind: z.string().max(40), channel: z.enum(NOTICE_CHANNELS) })).max(20),
});

/** The user's choice for each kind their role receives, and whether a mobile is on file (for SMS). */
export async function getNoticePreferences({
  ctx,
}: {
  ctx: Pick<RequestCtx<Actor>, "db" | "actor">;
}): Promise<{ preferences: NoticePreference[]; hasMobile: boolean }> {
  const kinds = kindsOf(ctx.actor);
  const [chosen, [me]] = await ctx.db.batch([
    ctx.db.select().from(noticePreferences).where(eq(noticePreferences.userId, ctx.actor.id)),
    ctx.db.select({ mobile: users.mobile }).from(users).where(eq(users.id, ctx.actor.id)),
  ]);
  const by = new Map(chosen.map((p) => [p.kind, p.channel]));
  return {
    preferences: kinds.map((kind) => ({ kind, channel: by.get(kind) ?? "email" })),
    hasMobile: !!me?.mobile,
  };
}

/** Saves the choices given (kinds left out keep theirs); a kind the role does not receive is refused. */
export async function setNoticePreferences({
  ctx,
  preferences,
}: {
  ctx: Pick<RequestCtx<Actor>, "db" | "actor" | "now">;
  preferences: readonly { kind: string; channel: NoticeChannel }[];
}): Promise<void> {
  const kinds = kindsOf(ctx.actor);
  const wrong = preferences.filter((p) => !kinds.includes(p.kind as NoticeKind));
  if (wrong.length)
    throw new AppError("validation_failed", `你的账号不接收这类消息:${wrong.map((p) => p.kind).join("、")}。`);
  if (!preferences.length) return;
  const at = ctx.now.getTime();
  const [first, ...rest] = preferences.map((p) =>
    ctx.db
      .insert(noticePreferences)
      .values({ userId: ctx.actor.id, kind: p.kind as NoticeKind, channel: p.channel, updatedAt: at })
      .onConflictDoUpdate({
        target: [noticePreferences.userId, noticePreferences.kind],
        set: { channel: sql`excluded.channel`, updatedAt: at },
      }),
  );
  await ctx.db.batch([first!, ...rest]);
}

function kindsOf(actor: Actor): readonly NoticeKind[] {
  const kinds = KINDS_FOR_ROLE[actor.role];
  if (!kinds.length) throw new AppError("forbidden", "企业成员的消息按原方式发送,无需设置。");
  return kinds;
}
