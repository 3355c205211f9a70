/**
 * Files of an 申请入驻 not yet submitted, kept on the server so a validation
 * error never costs the applicant the files already chosen. The page holds a
 * draft token (random, in a hidden field); the files are `materials` rows of an
 * application-to-be whose owner id is `draft:<SHA-256 of the token>`, so only
 * the browser holding the token can list, replace, delete or submit them, and
 * the token itself is stored nowhere. Nobody can read them back: the materials
 * route finds no application behind a draft owner and answers 404.
 *
 * Anonymous uploads are bounded: one file per material kind the zone's form has
 * (a new one replaces the old), each ≤ 10 MB as every material, at most
 * DRAFT_UPLOADS_PER_HOUR from one address (counted in the audit log), and a
 * draft not submitted within DRAFT_TTL is ignored and then pruned with its bytes
 * by the scheduled job.
 */
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, count, eq, gte, inArray, like, lt, type SQL } from "drizzle-orm";
import type { ZoneConfig } from "../../../tenants/schema";
import type { TenantDb } from "../../db/open";
import { auditLog, materials } from "../../db/schema";
import type { BlobStore } from "../../lib/blob-store/blob-store";
import { AppError } from "../../lib/errors";
import { prepareMaterial, type MaterialRow } from "../materials/save-material";
import { certificateKind, fileKey, LICENCE } from "./zone-checks";
import type { RequestCtx } from "../../middleware/request-ctx";

const DRAFT_TTL_MS = 24 * 3_600_000;
const DRAFT_UPLOADS_PER_HOUR = 40;
const DRAFT_PREFIX = "draft:";
const TOKEN = /^[a-z2-7]{32}$/;

/** What the form lists as kept. */
export interface KeptUpload {
  id: string;
  kind: string;
  filename: string;
  size: number;
}

export const newDraftToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));

/** The token the form sent back, or a fresh one when it sent none (or something that is not one). */
export const draftTokenOr = (sent: string | undefined) => (sent && TOKEN.test(sent) ? sent : newDraftToken());

/** The owner id of a draft's files (async: a digest); a malformed token is a 422. */
export async function draftOwnerOf(token: string): Promise<string> {
  if (!TOKEN.test(token))
    throw new AppError("validation_failed", "表单已失效,请刷新页面后重新选择文件。", { draftToken: "无效" });
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return DRAFT_PREFIX + Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The kinds the zone's 申请入驻 form has: the licence and a certificate per qualification type that has one. */
function draftKinds(zone: ZoneConfig): Set<string> {
  return new Set([LICENCE, ...zone.qualifications.filter((q) => q.certificate).map((q) => certificateKind(q.code))]);
}

const draftRows = (owner: string) => and(eq(materials.ownerKind, "application"), eq(materials.ownerId, owner));
const kept = (r: MaterialRow): KeptUpload => ({ id: r.id, kind: r.kind, filename: r.filename, size: r.size });

/** The draft's rows still within their time, for the caller's read batch (`newestKept` picks from them). */
export const draftUploadsQuery = (db: TenantDb, owner: string, now: Date) =>
  db
    .select()
    .from(materials)
    .where(and(draftRows(owner), gte(materials.createdAt, now.getTime() - DRAFT_TTL_MS)));

/** The newest file per kind. */
export function newestKept(rows: readonly MaterialRow[]): KeptUpload[] {
  const newest = new Map<string, MaterialRow>();
  for (const r of [...rows].sort((a, b) => a.createdAt - b.createdAt)) newest.set(r.kind, r);
  return [...newest.values()].map(kept);
}

/** The draft's files still within their time, newest per kind. */
export async function listDraftUploads(
  { db, now }: Pick<RequestCtx, "db" | "now">,
  token: string,
): Promise<KeptUpload[]> {
  return newestKept(await draftUploadsQuery(db, await draftOwnerOf(token), now));
}

/** Checks and keeps one file for the draft, replacing the one of the same kind. */
export async function keepDraftUpload(
  { db, zone, now, ip }: Pick<RequestCtx, "db" | "zone" | "now" | "ip">,
  blobs: BlobStore,
  token: string,
  kind: string,
  file: File,
): Promise<KeptUpload> {
  if (!draftKinds(zone).has(kind))
    throw new AppError("validation_failed", "申请入驻没有这项材料。", { kind: "不是申请入驻的材料" });
  const owner = await draftOwnerOf(token);
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  const [[recent], same] = await db.batch([
    db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "material.uploaded"),
          eq(auditLog.ip, ip),
          gte(auditLog.at, since),
          like(auditLog.target, `application:${DRAFT_PREFIX}%`),
        ),
      ),
    db
      .select()
      .from(materials)
      .where(and(draftRows(owner), eq(materials.kind, kind))),
  ]);
  if ((recent?.n ?? 0) >= DRAFT_UPLOADS_PER_HOUR) {
    throw new AppError(
      "rate_limited",
      "同一网络一小时内预先上传的文件过多,请稍后再试;也可以直接随表单提交文件。",
      { [fileKey(kind)]: "上传过于频繁,请稍后再试" },
      { retryAfterSeconds: 3600 },
    );
  }
  const prepared = await prepareMaterial(
    { db, blobs, zone, now },
    {
      ownerKind: "application",
      ownerId: owner,
      kind,
      file,
      uploadedBy: null,
      actor: "anonymous",
      ip,
      field: fileKey(kind),
    },
  );
  try {
    await db.batch([
      prepared.insert,
      prepared.audit,
      ...(same.length
        ? [
            db.delete(materials).where(
              inArray(
                materials.id,
                same.map((r) => r.id),
              ),
            ),
          ]
        : []),
    ]);
  } catch (e) {
    await prepared.discard().catch(() => {});
    throw e;
  }
  // The row is gone; its bytes would only be an orphan, so losing this delete costs nothing but space.
  await Promise.allSettled(same.map((r) => blobs.delete(r.blobKey)));
  return kept(prepared.row);
}

/** Removes one of the draft's files; another draft's id is as missing as a made-up one. */
export async function removeDraftUpload(
  { db }: Pick<RequestCtx, "db">,
  blobs: BlobStore,
  token: string,
  id: string,
): Promise<void> {
  const [row] = await db
    .select()
    .from(materials)
    .where(and(draftRows(await draftOwnerOf(token)), eq(materials.id, id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "找不到这个文件,它可能已被删除或已过期。");
  await db.delete(materials).where(eq(materials.id, row.id));
  await blobs.delete(row.blobKey).catch(() => {});
}

/**
 * For the submission's batch: the kept files become the application's (and the
 * applicant's). Takes the owner id, not the token, so it stays a plain query (an
 * async function would hand back a thenable drizzle runs when awaited).
 */
export function claimDraftUploads(
  db: TenantDb,
  owner: string,
  ids: readonly string[],
  applicationId: string,
  userId: string,
  /** A condition the batch puts on it (CHAINED: only if the statement before it wrote). */
  guard?: SQL,
) {
  return db
    .update(materials)
    .set({ ownerId: applicationId, uploadedBy: userId })
    .where(and(draftRows(owner), inArray(materials.id, [...ids]), guard));
}

/** The scheduled job's part: drafts past their time lose their rows and bytes. */
export async function pruneDraftUploads({
  db,
  blobs,
  now,
}: {
  db: TenantDb;
  blobs: BlobStore;
  now: Date;
}): Promise<number> {
  const stale = await db
    .select({ id: materials.id, blobKey: materials.blobKey })
    .from(materials)
    .where(
      and(
        eq(materials.ownerKind, "application"),
        like(materials.ownerId, `${DRAFT_PREFIX}%`),
        lt(materials.createdAt, now.getTime() - DRAFT_TTL_MS),
      ),
    )
    .limit(500);
  if (stale.length === 0) return 0;
  await db.delete(materials).where(
    inArray(
      materials.id,
      stale.map((r) => r.id),
    ),
  );
  await Promise.allSettled(stale.map((r) => blobs.delete(r.blobKey)));
  return stale.length;
}
