/**
 * The pieces every 金融超市 API shape is built from: times as ISO strings, days
 * as YYYY-MM-DD (Asia/Shanghai), money in integer fen, rates in basis points,
 * path ids, and the 401/403 every signed-in route may answer.
 */
import { z } from "@hono/zod-openapi";
import { err } from "../../../lib/openapi";

export const iso = z.string().openapi({ description: "ISO 8601 time (UTC)", example: "2026-06-01T02:00:00.000Z" });
export const day = z.string().openapi({ description: "YYYY-MM-DD, Asia/Shanghai", example: "2026-06-09" });
export const fen = z.number().int().openapi({ description: "Integer fen (1 元 = 100 分)" });
export const bp = z.number().int().openapi({ description: "Annual rate in basis points (345 = 3.45%)" });
export const isoOf = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : isoOf(ms));

const idOf = (what: string, name: string) =>
  z
    .string()
    .max(40, `${what}编号格式不对`)
    .regex(/^[a-z0-9]{10,40}$/, `${what}编号格式不对`)
    .openapi({ param: { name, in: "path" }, example: "k2v7m4q9x3a5b6c7d8e2f3g4h5" });
export const ProductIdParam = z.object({ id: idOf("产品", "id") });
export const NeedIdParam = z.object({ id: idOf("需求", "id") });
export const LoanIdParam = z.object({ id: idOf("申请", "id") });
export const BankIdParam = z.object({ bankId: idOf("金融机构", "bankId") });
/** The refusals of a signed-in route: no session, or an account this route is not for. */
export const denied = { 401: err("No session"), 403: err("Not allowed for this account") };
