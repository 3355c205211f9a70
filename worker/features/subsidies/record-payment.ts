/**
 * The payment ledger (拨付): a zone admin records what was paid, when, and the
 * voucher number, for an awarded application; payments never exceed the award,
 * and the application is paid when they add up to it. Ledger rows are
 * append-only; a voucher number is used once per zone.
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { onlyIfChanged } from "../../db/only-if-changed";
import { type SubsidyApplicationRow, subsidyApplications, subsidyPayments } from "../../db/schema";
import { addYears, assertDateInRange } from "../../lib/date-range";
import { AppError } from "../../lib/errors";
import { textField } from "../../lib/text";
import { newId } from "../../lib/ids";
import { formatMoney, moneyFormatter } from "../../lib/money";
import { isCalendarDate, shanghaiDate } from "../../lib/calendar";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { readableWithMembers } from "./context";
import { transition } from "./transition";

export const PaymentInput = z.strictObject({
  amountFen: z.number().int().min(1, "金额须大于0").max(1e15),
  paidOn: z.string().max(10, "日期格式为 YYYY-MM-DD").refine(isCalendarDate, "日期格式为 YYYY-MM-DD"),
  voucherNo: textField({ label: "凭证号", max: 60 }).refine((s) => s.length >= 1, "请填写凭证号"),
});

/** What has been paid on an application so far, as a query for the caller's batch. */
const paidSoFarQuery = (db: RequestCtx["db"], applicationId: string) =>
  db
    .select({ paid: sql<number>`coalesce(sum(${subsidyPayments.amountFen}), 0)` })
    .from(subsidyPayments)
    .where(eq(subsidyPayments.applicationId, applicationId));

export async function recordPayment(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "origin" | "actor">,
  id: string,
  input: z.infer<typeof PaymentInput>,
  /** The programme's title, or (still reading) the titles of the policy in force, awaited beside the reads. */
  titleOf: string | Promise<(programmeId: string) => string>,
): Promise<SubsidyApplicationRow & { paidFen: number }> {
  const { db, now, actor } = ctx;
  if (actor.role !== "zone_admin") throw new AppError("forbidden", "拨付由园区管理员登记。");
  // One read: the application, its members' addresses, a payment with this voucher, and what is paid so far.
  const [
    {
      app,
      emails,
      also: [dups, paidRows],
    },
    titles,
  ] = await Promise.all([
    readableWithMembers(
      ctx,
      id,
      db
        .select({ id: subsidyPayments.id })
        .from(subsidyPayments)
        .where(eq(subsidyPayments.voucherNo, input.voucherNo))
        .limit(1),
      paidSoFarQuery(db, id),
    ),
    titleOf,
  ]);
  const title = typeof titles === "string" ? titles : titles(app.programmeId);
  if (app.status !== "awarded")
    throw new AppError(
      "conflict",
      app.status === "paid" ? "这份申报已全部拨付。" : "只有已批准拨付的申报可以登记拨付。",
    );
  if (input.paidOn > shanghaiDate(now))
    throw new AppError("validation_failed", "拨付日期不能晚于今天。", { paidOn: "不能晚于今天" });
  // A payment is recorded when the treasury's voucher comes back, within months, not decades:
  // a year back is ample, and 1000-01-01 is a slip. (Not bounded by the award's date in the
  // system: the paper decision may precede it.)
  assertDateInRange("paidOn", "拨付日期", input.paidOn, addYears(shanghaiDate(now), -1), shanghaiDate(now));
  if (dups[0]) throw new AppError("conflict", `凭证号 ${input.voucherNo} 已登记过。`, { voucherNo: "已登记过" });
  const paid = Number(paidRows[0]?.paid ?? 0);
  const award = app.amountFen ?? 0;
  const m = moneyFormatter(award, paid, paid + input.amountFen);
  if (paid + input.amountFen > award)
    throw new AppError(
      "validation_failed",
      `拨付金额超出核定金额:核定${m(award)},已拨付${m(paid)},最多还可拨付${m(award - paid)}。`,
      { amountFen: "超出核定金额" },
    );
  const full = paid + input.amountFen === award;
  // The same sum is re-checked in the write, so two clerks recording at once cannot overpay.
  const paidSum = sql`coalesce(sum(${subsidyPayments.amountFen}), 0)`;
  const ofThis = sql`${subsidyPayments.applicationId} = ${id}`;
  const stillUnpaid = sql`(select ${paidSum} from ${subsidyPayments} where ${ofThis}) = ${paid}`;
  const payment = {
    id: newId(),
    applicationId: id,
    enterpriseId: app.enterpriseId,
    programmeId: app.programmeId,
    amountFen: input.amountFen,
    paidOn: input.paidOn,
    voucherNo: input.voucherNo,
    recordedBy: actor.id,
    recordedAt: now.getTime(),
  };
  try {
    // The write is guarded on `paid`, so after it the application has exactly this much paid.
    const row = await transition(ctx, app, {
      set: full ? { status: "paid" } : {},
      guard: and(eq(subsidyApplications.status, "awarded"), stillUnpaid),
      event: {
        action: "paid",
        stage: app.stage,
        amountFen: input.amountFen,
        note: `${input.paidOn} 拨付,凭证号 ${input.voucherNo}${full ? ",已全部拨付" : ""}`,
      },
      actor,
      chained: [(d) => onlyIfChanged(d, d.insert(subsidyPayments).values(payment))],
      notice: {
        emails,
        subject: `${title}:资金已拨付`,
        lines: [
          `“${title}”的补助资金${formatMoney(input.amountFen)}已于 ${input.paidOn} 拨付(凭证号 ${input.voucherNo})。`,
          full ? "核定金额已全部拨付。" : `累计已拨付${m(paid + input.amountFen)},核定${m(award)}。`,
        ],
      },
    });
    return { ...row, paidFen: paid + input.amountFen };
  } catch (err) {
    if (String((err as { cause?: unknown }).cause ?? err).includes("UNIQUE"))
      throw new AppError("conflict", `凭证号 ${input.voucherNo} 已登记过。`, { voucherNo: "已登记过" });
    throw err;
  }
}
