import type { Context } from "hono";
import type { AppEnv } from "../../../env";
import { AppError } from "../../../lib/errors";
import { UserIdParam } from "../schemas";

/** The :id of a 用户管理 path, or the 404 a malformed id gets (as a user of no zone would). */
export function userIdParam(c: Context<AppEnv>): string {
  const parsed = UserIdParam.shape.id.safeParse(c.req.param("id"));
  if (!parsed.success) throw new AppError("not_found", "本园区没有这个用户。");
  return parsed.data;
}
