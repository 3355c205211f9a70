/**
 * The materials' files that come with the application page's form. Each file
 * input belongs to the form (`file-<material id>`), so whichever button is
 * pressed — 上传, 保存草稿, 提交申报 — a chosen file is stored, never dropped.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../../env";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { formFailure } from "../auth/page-forms";
import type { LoadedPolicy } from "../policies/current-policy";
import { attachMaterial } from "./attach-material";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";

/** Files one form post may carry: one per material the programme lists (none lists more than a few). */
export const MAX_FILES_PER_FORM = 8;

interface ChosenFile {
  materialId: string;
  file: File;
}

/** The chosen files, by material; an empty file input (no name, no bytes) is no file. */
export async function chosenMaterialFiles(c: Context<AppEnv>): Promise<ChosenFile[]> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return Object.entries(body).flatMap(([k, v]) => {
    const m = /^file-([a-z0-9][a-z0-9-]{0,59})$/.exec(k);
    return m && v instanceof File && (v.size > 0 || v.name !== "") ? [{ materialId: m[1]!, file: v }] : [];
  });
}

/**
 * Stores each chosen file as the materials API would. What was refused comes back
 * keyed `material:<id>` (where the page shows it), with the status to answer;
 * a missing or already-submitted application is thrown, as any other action would.
 */
export async function attachChosenFiles(
  ctx: Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor"> & { blobs: BlobStore },
  policy: LoadedPolicy,
  id: string,
  files: readonly ChosenFile[],
) {
  const errors: Record<string, string> = {};
  let status: ContentfulStatusCode = 422;
  for (const { materialId, file } of files) {
    try {
      await attachMaterial(ctx, policy, id, materialId, file);
    } catch (e) {
      const failure = formFailure(e);
      if (failure.status === 404 || failure.status === 409) throw e;
      errors[`material:${materialId}`] = failure.errors.message ?? "上传没有成功。";
      if (failure.status === 413) status = 413;
    }
  }
  return { errors, status };
}
