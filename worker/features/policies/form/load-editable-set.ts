/**
 * The set the programme form edits: the newest published version (what the next version is
 * compared with and numbered after), parsed. One query.
 */
import { policySetSchema, type PolicySet } from "../../../engines/policy/format/policy-set";
import { AppError } from "../../../lib/errors";
import type { RequestCtx } from "../../../middleware/request-ctx";
import { loadLatestVersion } from "../current-policy";

export interface EditableSet {
  set: PolicySet;
  /** "第3版(2026年版)": what the form says it starts from. */
  versionName: string;
}

export async function loadEditableSet({ db }: Pick<RequestCtx, "db">): Promise<EditableSet> {
  const latest = await loadLatestVersion(db);
  if (!latest) throw new AppError("not_found", "本园区还没有发布政策版本,请先在「政策版本」页上传第一版。");
  return {
    set: policySetSchema.parse(JSON.parse(latest.data)),
    versionName: `第${latest.id}版(${latest.label})`,
  };
}
