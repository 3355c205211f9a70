/** Shared by the onboarding API and pages: the services' context for a request, and what each decision says when done. */
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { requestCtx } from "../../middleware/request-ctx";
import type { ReviewAction } from "./review-application";

/** The auth context (zone, db, clock, ip, session factory) plus the blob store for materials. */
export const onboardingCtx = (c: Context<AppEnv>, deps: AppDeps) => ({ ...requestCtx(c, deps), blobs: deps.blobs });

export const REVIEW_DONE: Record<ReviewAction, string> = {
  approve: "已通过。企业已创建,申请人已成为其成员(需重新登录)。",
  reject: "已驳回,申请人会收到驳回原因。",
  return: "已退回补正,申请人会收到需要修改的内容。",
};
