/**
 * GET /materials/:id (mounted at /materials) — an uploaded file, to those allowed to read it
 * (read-material.ts). `?download=1` asks the browser to save it instead of
 * showing it.
 *
 * Signed-out requests get 401 before any lookup, for every id alike, so the
 * answer says nothing about which ids exist and tells the person to sign in.
 * Signed-in users who may not read a material get the very 404 a missing id
 * gets, so another enterprise cannot learn that a file exists. Members of a
 * suspended enterprise are refused by the guard itself (403, auth/guard.ts),
 * for every id alike.
 */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env";
import { AppError } from "../../lib/errors";
import { actingCtx } from "../../middleware/request-ctx";
import { requireZone } from "../../middleware/zone";
import { recordAudit } from "../audit/audit";
import { requireSignedIn } from "../auth/guard";
import { contentDisposition } from "./material-file";
import { canReadMaterial, findMaterialWithOwner } from "./read-material";

const NOT_FOUND_MESSAGE = "找不到这个文件。如果链接是别人发给你的,请确认你用的是有权查看它的账号。";
// newId(): 26 characters of lower-case base32.
const MATERIAL_ID = /^[a-z2-7]{26}$/;

export function materialsRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  r.get("/:id", requireZone, requireSignedIn(deps), async (c) => {
    const { zone, db, actor: user, ip, now } = actingCtx(c, deps);
    const id = c.req.param("id");
    const found = MATERIAL_ID.test(id) ? await findMaterialWithOwner({ db }, id) : null;
    if (!found) throw new AppError("not_found", NOT_FOUND_MESSAGE);
    if (!canReadMaterial(user, found.owner)) {
      // Recorded for the zone's staff; the user sees nothing that tells it apart from a missing id.
      await recordAudit(
        db,
        {
          actorId: user.id,
          actor: user.email,
          action: "authz.denied",
          target: `GET /materials/${id}`,
          result: "denied",
          ip,
          detail: { role: user.role },
        },
        now,
      );
      throw new AppError("not_found", NOT_FOUND_MESSAGE);
    }
    // Rows are per zone database, so a key of another zone cannot be here; checked anyway
    // because one bucket serves all zones.
    const blob = found.material.blobKey.startsWith(`${zone.slug}/`)
      ? await deps.blobs.get(found.material.blobKey)
      : null;
    if (!blob) {
      console.error(
        JSON.stringify({
          level: "error",
          requestId: c.get("requestId"),
          message: "material row without its blob",
          materialId: id,
          zone: zone.slug,
        }),
      );
      throw new AppError("not_found", NOT_FOUND_MESSAGE);
    }
    const disposition = c.req.query("download") === "1" ? "attachment" : "inline";
    return c.body(blob.body as ReadableStream | Uint8Array<ArrayBuffer>, 200, {
      // The type recorded at upload (from the file's bytes), not whatever the store says.
      "Content-Type": found.material.contentType,
      "Content-Length": String(blob.size),
      "Content-Disposition": contentDisposition(disposition, found.material.filename),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    });
  });

  return r;
}
