/**
 * Uploads one of the materials a programme lists to an application the member
 * is still editing (draft or returned), through the blob store. The file is
 * checked (type by its bytes, size) by the materials feature.
 */
import { AppError } from "../../lib/errors";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import type { LoadedPolicy } from "../policies/current-policy";
import { saveMaterial } from "../materials/save-material";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { readableApplication } from "./context";
import { materialKind } from "./submit-application";

export async function attachMaterial(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor"> & { blobs: BlobStore },
  /** May still be reading: awaited beside the application (one round trip of reads). */
  policyRead: LoadedPolicy | Promise<LoadedPolicy>,
  id: string,
  materialId: string,
  file: File,
) {
  const { actor } = ctx;
  const [app, policy] = await Promise.all([readableApplication(ctx, id), policyRead]);
  if (actor.role !== "enterprise") throw new AppError("forbidden", "只有申报企业可以上传申报材料。");
  if (app.status !== "draft" && app.status !== "returned")
    throw new AppError("conflict", "已提交的申报不能再上传材料;被退回补正后可以补充。");
  const programme = policy.compiled.programmes.get(app.programmeId);
  const wanted = programme?.materials.find((m) => m.id === materialId);
  if (!wanted)
    throw new AppError("validation_failed", `这个项目不需要“${materialId}”这项材料。`, {
      kind: "不是本项目的申报材料",
    });
  return saveMaterial(ctx, {
    ownerKind: "subsidy_application",
    ownerId: id,
    kind: materialKind(materialId),
    file,
    uploadedBy: actor.id,
    actor: actor.email,
    ip: ctx.ip,
    field: `material:${materialId}`,
  });
}
