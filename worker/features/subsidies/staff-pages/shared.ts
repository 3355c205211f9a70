/**
 * What the staff's 政策兑现 pages share: the id in the path, programme titles,
 * the notices a redirect asks for, and reading the action forms.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../../env";
import { parseAmount } from "../../../lib/amount-input";
import { shanghaiDate } from "../../../lib/calendar";
import { AppError } from "../../../lib/errors";
import { MAX_FEN } from "../../../lib/money";
import type { RequestCtx } from "../../../middleware/request-ctx";
import { loadCurrentPolicy } from "../../policies/current-policy";
import { titleFrom } from "../programme-title";

export type StaffPages = Hono<AppEnv>;

/** newId(): 26 characters of lower-case base32; anything else is a page that does not exist. */
const ID = /^[a-z2-7]{26}$/;
export function idParam(c: Context<AppEnv>, message: string): string {
  const id = c.req.param("id") ?? "";
  if (!ID.test(id)) throw new AppError("not_found", message);
  return id;
}

/** Programme titles of the policy in force, for notices and lists (../programme-title.ts: never an id). */
export async function programmeTitles(ctx: Pick<RequestCtx, "db" | "zone" | "now">) {
  const policy = await loadCurrentPolicy(ctx, shanghaiDate(ctx.now));
  return { policy, title: titleFrom(policy?.compiled) };
}

/** The notices a redirect after an action asks for (?done=…). */
export const DONE: Record<string, string> = {
  pass: "已通过,已通知企业。",
  return: "已退回补正,已通知企业。",
  reject: "已驳回,已通知企业。",
  award: "已批准拨付,已通知企业。",
  paid: "拨付已登记,已通知企业。",
  dismiss: "异议已处理:不成立,公示继续。",
  uphold: "异议已处理:成立,申报不予通过,已通知企业。",
  comment: "意见已发送,已通知企业。",
  moved: "已移至所选环节。",
};

export const NOT_FOUND = "没有这份申报。";
/** The action forms are text fields only; each action checks its own. */
export const Text = z.object({}).catchall(z.string());
export const STAFF_LABELS: Record<string, string> = {
  reason: "意见",
  resolution: "处理意见",
  voucherNo: "凭证号",
  text: "内容",
  amount: "金额",
  paidOn: "拨付日期",
};

/** A form's amount as fen (元, or as typed: "10万", "1.2亿"); empty is "not given". */
export function amountField(
  raw: Record<string, string>,
  name: string,
): { ok: true; fen: number | undefined } | { ok: false; message: string } {
  const text = (raw[name] ?? "").trim();
  if (text === "") return { ok: true, fen: undefined };
  const parsed = parseAmount(text, { unit: "元", maxFen: MAX_FEN });
  return parsed.ok ? { ok: true, fen: parsed.fen } : { ok: false, message: parsed.message };
}

export const invalid = (message: string, fields: Record<string, string>) =>
  new AppError("validation_failed", message, fields);
