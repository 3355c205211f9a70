/**
 * 创建园区 from the console or the API: the one provisioning service
 * (control-plane/provision/provision-zone.ts) does the work and the audit; here a step
 * that failed becomes a refusal the operator can act on. The zone then stays
 * `provisioning` with that step named, and submitting the same slug again continues it.
 */
import { provisionZone, type ProvisionResult } from "../../control-plane/provision/provision-zone";
import type { ProvisionInput } from "../../control-plane/provision/provision-input";
import { PROVISION_STEP_LABEL } from "../../../web/pages/operator/labels";
import { AppError } from "../../lib/errors";
import type { PlatformCtx } from "./platform-ctx";

export async function createZone({
  ctx,
  input,
}: {
  ctx: PlatformCtx;
  input: ProvisionInput;
}): Promise<ProvisionResult> {
  const result = await provisionZone({ deps: ctx.deps, input, actor: ctx.actor });
  const failed = result.steps.find((s) => !s.ok);
  if (failed) {
    throw new AppError(
      "unavailable",
      `开通${result.tenant.name.zh}时“${PROVISION_STEP_LABEL[failed.name] ?? failed.name}”这一步失败:` +
        `${failed.error ?? "原因不明"}。` +
        "园区保持“开通中”;排除问题后用同一园区标识再次提交,会从这一步继续。",
      { step: failed.name },
      { retryAfterSeconds: 30 },
    );
  }
  return result;
}
