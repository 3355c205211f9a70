/**
 * A 风险补偿 claim's materials (借款合同, 催收记录/追偿证明, 不良贷款认定材料, 其他): files in the
 * materials feature's store and table (owner kind `risk_claim`), checked by it (type by the bytes,
 * 10 MB each). The filing bank's staff upload them with the claim or while it waits for review; they
 * and the zone's staff read them (../materials/read-material.ts), another bank gets the 404 of a
 * missing file.
 */
import { and, eq } from "drizzle-orm";
import { riskClaims } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import { prepareMaterial, saveMaterial, type MaterialRow } from "../materials/save-material";
import { CLAIM_MATERIAL_KINDS, type ClaimMaterialKind } from "../../../web/labels/risk-pool";
import { bankOf, CLAIM_NOT_FOUND } from "./access";

/** Stored as `risk_claim:<kind>` so the materials table says what each file is. */
const PREFIX = "risk_claim:";
export const storedKind = (k: ClaimMaterialKind) => `${PREFIX}${k}`;
export const claimMaterialKind = (stored: string): ClaimMaterialKind =>
  (CLAIM_MATERIAL_KINDS as readonly string[]).includes(stored.slice(PREFIX.length))
    ? (stored.slice(PREFIX.length) as ClaimMaterialKind)
    : "other";

/** The files one claim form may carry: one per kind. */
export const MAX_CLAIM_FILES = CLAIM_MATERIAL_KINDS.length;

export interface ClaimFile {
  kind: ClaimMaterialKind;
  file: File;
}

type Ctx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor"> & { blobs: BlobStore };

/**
 * Stores the files of a claim being filed, before its batch: the rows and audit rows come back as
 * statements for that batch, and `discard` removes the bytes when the batch fails. A refused file
 * (type, size, empty) removes the ones stored before it and is thrown with its form field.
 */
export async function prepareClaimFiles(ctx: Ctx, claimId: string, files: readonly ClaimFile[]) {
  const prepared: Awaited<ReturnType<typeof prepareMaterial>>[] = [];
  const discard = () => Promise.all(prepared.map((p) => p.discard().catch(() => {}))).then(() => {});
  try {
    for (const f of files) prepared.push(await prepareMaterial(ctx, upload(ctx, claimId, f)));
  } catch (e) {
    await discard();
    throw e;
  }
  return { statements: prepared.flatMap((p) => [p.insert, p.audit]), discard };
}

function upload(ctx: Ctx, claimId: string, f: ClaimFile) {
  return {
    ownerKind: "risk_claim" as const,
    ownerId: claimId,
    kind: storedKind(f.kind),
    file: f.file,
    uploadedBy: ctx.actor.id,
    actor: ctx.actor.email,
    ip: ctx.ip,
    field: `file-${f.kind}`,
  };
}

/** Adds one file to a claim of the actor's bank while it waits for review (another bank's claim: 404). */
export async function attachClaimMaterial(ctx: Ctx, claimId: string, f: ClaimFile): Promise<MaterialRow> {
  const bankId = bankOf(ctx.actor);
  const [claim] = await ctx.db
    .select({ status: riskClaims.status })
    .from(riskClaims)
    .where(and(eq(riskClaims.id, claimId), eq(riskClaims.bankId, bankId)));
  if (!claim) throw new AppError("not_found", CLAIM_NOT_FOUND);
  if (claim.status !== "submitted") throw new AppError("conflict", "申请已审核或已撤回,不能再补充材料。");
  return saveMaterial(ctx, upload(ctx, claimId, f));
}
