/**
 * Comments on an application's timeline: zone staff write 意见 (the enterprise
 * sees them, signed 园区, and is told by email); the enterprise's members write
 * 留言 back. A comment changes no state, so it does not move the revision a
 * reviewer's open form relies on.
 */
import { z } from "zod";
import { textField } from "../../lib/text";
import { subsidyEvents } from "../../db/schema";
import { applicationNumber } from "../../lib/application-number";
import { AppError } from "../../lib/errors";
import { auditInsert } from "../audit/audit";
import { outboxInsert } from "../outbox/enqueue-message";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { readableWithMembers } from "./context";

export const CommentInput = z.strictObject({
  text: textField({ label: "内容", max: 1000, multiline: true }).refine((s) => s.length >= 1, "请填写内容"),
});

export async function commentOnApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: z.infer<typeof CommentInput>,
  /** The programme's title, or (still reading) the titles of the policy in force, awaited beside the application. */
  title: string | Promise<(programmeId: string) => string>,
) {
  const { db, zone, now, actor } = ctx;
  // One read (the application and its members' addresses), then one write.
  const [{ app, emails: members }, titles] = await Promise.all([readableWithMembers(ctx, id), title]);
  const programmeTitle = typeof titles === "string" ? titles : titles(app.programmeId);
  if (app.status === "draft") throw new AppError("conflict", "草稿还没有提交,不能留言。");
  const staff = actor.role === "zone_admin" || actor.role === "reviewer";
  const at = now.getTime();
  const emails = staff ? members : [];
  const number = applicationNumber(zone, "subsidy", app);
  await db.batch([
    db.insert(subsidyEvents).values({
      applicationId: id,
      at,
      actorId: actor.id,
      actor: actor.email,
      action: staff ? "comment" : "member_comment",
      stage: app.stage,
      note: input.text,
    }),
    auditInsert(
      db,
      {
        actorId: actor.id,
        actor: actor.email,
        action: staff ? "subsidy.comment" : "subsidy.member_comment",
        target: id,
        result: "ok",
        ip: ctx.ip,
      },
      now,
    ),
    ...emails.map((recipient) =>
      outboxInsert(
        db,
        {
          channel: "email",
          recipient,
          subject: `【${zone.shortName.zh}】${programmeTitle}:园区意见`,
          body:
            `${number ? `申报编号:${number}\n\n` : ""}“${programmeTitle}”的申报有新的园区意见:\n\n${input.text}\n\n` +
            `查看申报:${ctx.origin}/subsidies/applications/${id}\n\n${zone.shortName.zh}`,
          kind: "subsidy_comment",
        },
        now,
      ),
    ),
  ]);
}
