/**
 * A zone's logo: checked bytes stored in the blob store under
 * `<zone slug>/branding/logo-<16 hex of SHA-256>`, then named by `branding.logo` in a new
 * settings version. Removing it is a version with `logo: null`. The bytes are never
 * deleted: an earlier version that names them can be restored, and the same image
 * uploaded again is the same key (nothing is ever overwritten with other bytes).
 */
import type { BlobStore } from "../../lib/blob-store/blob-store";
import type { Actor, RequestCtx } from "../../middleware/request-ctx";
import type { CurrentZoneSettings } from "./get-zone-settings";
import { checkLogoBytes } from "./logo-file";
import { saveSettingsChange } from "./update-zone-settings";

type LogoCtx = Pick<RequestCtx<Actor>, "db" | "zone" | "now" | "ip" | "actor"> & { blobs: BlobStore };

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function setZoneLogo(
  ctx: LogoCtx,
  input: { bytes: Uint8Array<ArrayBuffer>; expectedVersion?: number | null },
): Promise<CurrentZoneSettings> {
  const contentType = checkLogoBytes(input.bytes);
  // The zone's prefix comes from the zone serving the request: one bucket serves every zone.
  const key = `${ctx.zone.slug}/branding/logo-${(await sha256Hex(input.bytes)).slice(0, 16)}`;
  await ctx.blobs.put(key, input.bytes, contentType);
  return saveSettingsChange(ctx, {
    patch: { branding: { logo: key } },
    expectedVersion: input.expectedVersion ?? null,
  });
}

export function removeZoneLogo(
  ctx: Omit<LogoCtx, "blobs">,
  input: { expectedVersion?: number | null } = {},
): Promise<CurrentZoneSettings> {
  return saveSettingsChange(ctx, {
    patch: { branding: { logo: null } },
    expectedVersion: input.expectedVersion ?? null,
  });
}
