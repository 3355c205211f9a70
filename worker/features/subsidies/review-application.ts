/**
 * Staff act on an application at a review stage: 通过 to the next stage (the
 * amount may be lowered, or set within the range the policy leaves to review,
 * with a reason), 退回补正 (back to the enterprise with what to fix), or 驳回
 * (reason required). The stage's roles act; the submitter's own organisation
 * never does; and whoever passed the previous stage may not pass this one.
 * Passing the payment stage approves the award (./approve-award.ts). A 贴息 application started from a
 * loan passes no stage until the lending bank has confirmed the interest paid (./confirm-interest.ts).
 */
import { z } from "zod";
import type { SubsidyApplicationRow } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import { lastOfWorkingDays } from "../../lib/working-days";
import { formatMoney, moneyFormatter } from "../../lib/money";
import { shanghaiDate } from "../../lib/calendar";
import { approvalReads, approveAward } from "./approve-award";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { dueOnFor, nextStage, readableWithMembers, stageOf } from "./context";
import { calendarOf } from "../../lib/calendar";
import { inSentence } from "../../lib/sentence";
import { refuseIfRemovedStage } from "./removed-stage";
import { transition } from "./transition";

export const ReviewInput = z.strictObject({
  action: z.enum(["pass", "return", "reject"]),
  /** Integer fen: lower than the current amount, or within the review range. */
  amountFen: z.number().int().min(0).max(1e15).optional(),
  reason: textField({ label: "审核意见", max: 1000, multiline: true }).optional(),
  /** The revision the reviewer read; a newer one means someone acted meanwhile. */
  revision: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export async function reviewApplication(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: ReviewInput,
  /** May still be reading (the policy in force): it is awaited beside the application. */
  titles: ((id: string) => string) | Promise<(id: string) => string>,
): Promise<SubsidyApplicationRow> {
  const { zone, now, actor } = ctx;
  if (actor.role !== "zone_admin" && actor.role !== "reviewer")
    throw new AppError("forbidden", "只有园区工作人员可以审核申报。");
  // The application and its members' addresses in one read; the decision is one guarded batch.
  // What approving at 拨付 checks (the application's policy version, its enterprise's profile and awards) is
  // read in the same batch, whatever the stage: a few small rows, and no second round trip when it is 拨付.
  const [{ app, emails, also }, programmeTitle] = await Promise.all([
    readableWithMembers(ctx, id, ...approvalReads(ctx, id)),
    titles,
  ]);
  if (actor.enterpriseId !== null && actor.enterpriseId === app.enterpriseId)
    throw new AppError("forbidden", "申报企业自己的人员不能审核本企业的申报。");
  if (app.status !== "in_review") throw new AppError("conflict", "这份申报当前不在审核中。");
  if (input.revision !== undefined && input.revision !== app.revision)
    throw new AppError("conflict", "这份申报刚被他人处理过,请刷新后再操作。");
  await refuseIfRemovedStage(ctx, app);
  const stage = stageOf(zone, app.stage);
  if (stage.kind === "publicity")
    throw new AppError("conflict", "公示期间由系统按期推进;有异议时由园区管理员处理异议。");
  if (!(stage.roles as string[]).includes(actor.role))
    throw new AppError(
      "forbidden",
      `${stage.zh}环节由${stage.roles.map((r) => (r === "zone_admin" ? "园区管理员" : "审核员")).join("或")}办理。`,
    );
  const reason = input.reason?.trim() || null;
  const title = programmeTitle(app.programmeId);
  const today = shanghaiDate(now);

  if (input.action === "return" || input.action === "reject") {
    if (!reason)
      throw new AppError(
        "validation_failed",
        input.action === "return" ? "请写明需要补正的内容。" : "请写明驳回理由。",
        { reason: "必填" },
      );
    if (input.action === "return") {
      const by = lastOfWorkingDays(today, zone.subsidy.correctionWorkingDays, calendarOf(zone));
      return transition(ctx, app, {
        set: { status: "returned", dueOn: by },
        event: { action: "returned", stage: stage.key, note: reason },
        actor,
        notice: {
          emails,
          subject: `${title}:申报被退回补正`,
          lines: [
            `“${title}”的申报在${stage.zh}环节被退回补正。`,
            `需要补正:${reason}`,
            `请在 ${by} 前修改后重新提交;之前的记录都会保留。`,
          ],
        },
      });
    }
    return transition(ctx, app, {
      set: { status: "rejected", decidedAt: now.getTime(), dueOn: null },
      event: { action: "rejected", stage: stage.key, note: reason },
      actor,
      notice: {
        emails,
        subject: `${title}:申报未通过`,
        lines: [`“${title}”的申报在${stage.zh}环节被驳回。`, `理由:${reason}`],
      },
    });
  }

  if (app.loanId !== null && app.interestConfirmedAt === null)
    throw new AppError(
      "conflict",
      "放款银行尚未确认这笔贴息申报的已付利息,确认后才能通过本环节;如材料有误,可以退回补正或驳回。",
    );
  if (app.lastPassedBy === actor.id) throw new AppError("forbidden", "上一环节由你通过,本环节须由另一位工作人员审核。");
  const amountFen = checkedAmount(app, input.amountFen, reason);
  if (stage.kind === "payment") {
    const [version, ...profile] = also;
    return approveAward(ctx, app, { amountFen, reason, title, emails }, { version, profile });
  }

  const next = nextStage(zone, stage.key)!;
  if (amountFen === null && next.kind !== "review")
    throw new AppError("validation_failed", "金额由评审确定:进入公示前请填写核定金额。", {
      amountFen: "请填写核定金额,如 10万 或 100000",
    });
  const publicity = next.kind === "publicity";
  const publicityTo = publicity ? lastOfWorkingDays(today, zone.subsidy.noticeWorkingDays, calendarOf(zone)) : null;
  const changed = amountFen !== app.amountFen;
  return transition(ctx, app, {
    set: {
      stage: next.key,
      amountFen,
      lastPassedBy: actor.id,
      stageEnteredAt: now.getTime(),
      dueOn: publicityTo ?? dueOnFor(zone, next, today),
      ...(publicity ? { publicityFrom: today, publicityTo } : {}),
    },
    event: {
      action: "passed",
      stage: stage.key,
      toStage: next.key,
      amountFen,
      note: changed ? `核定金额调整为${amountFen === null ? "评审确定" : formatMoney(amountFen)}:${reason}` : reason,
    },
    actor,
    notice: {
      emails,
      subject: `${title}:${stage.zh}通过`,
      lines: [
        `“${title}”的申报已通过${stage.zh},进入${next.zh}。`,
        ...(changed && amountFen !== null ? [`核定金额:${formatMoney(amountFen)}(${inSentence(reason ?? "")})。`] : []),
        publicity
          ? `公示期:${today} 至 ${publicityTo}。公示期满无异议后进入${nextStage(zone, next.key)?.zh ?? "下一环节"}。`
          : `园区将在 ${dueOnFor(zone, next, today)} 前完成${next.zh}。`,
      ],
    },
  });
}

/** The amount after this pass: lowered (never raised) or set within the review range, always with a reason. */
function checkedAmount(app: SubsidyApplicationRow, asked: number | undefined, reason: string | null): number | null {
  if (asked === undefined || asked === app.amountFen) return app.amountFen;
  if (!reason) throw new AppError("validation_failed", "调整金额时请写明理由。", { reason: "必填" });
  const range =
    app.rangeMinFen !== null && app.rangeMaxFen !== null ? { min: app.rangeMinFen, max: app.rangeMaxFen } : null;
  if (range && app.amountFen === null) {
    const m = moneyFormatter(range.min, range.max);
    if (asked < range.min || asked > range.max)
      throw new AppError("validation_failed", `核定金额须在政策规定的${m(range.min)}至${m(range.max)}之间。`, {
        amountFen: "超出政策规定的范围",
      });
    return asked;
  }
  if (app.amountFen === null) return asked; // case by case (一事一议): set by the reviewers
  if (asked > app.amountFen)
    throw new AppError("validation_failed", `核定金额只能调低(当前${formatMoney(app.amountFen)})。`, {
      amountFen: "只能调低",
    });
  if (range && asked < range.min)
    throw new AppError("validation_failed", `核定金额不能低于政策规定的${formatMoney(range.min)}。`, {
      amountFen: "低于政策规定的范围",
    });
  return asked;
}
