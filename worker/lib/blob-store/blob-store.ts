/**
 * One interface over where uploaded files live: R2 on Workers (`r2.ts`), a
 * directory on Node (`disk.ts`, imported only by Node code so the Worker bundle
 * never pulls `node:fs`), memory in unit tests (`memory.ts`). One store serves
 * every zone, so callers put the zone's slug first in every key
 * (`<zone slug>/<id>`); the store itself knows nothing of zones.
 */

export interface StoredBlob {
  /** R2 hands back a stream; the disk and memory stores hand back the bytes (files are ≤ 10 MiB). */
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  size: number;
}

export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredBlob | null>;
  delete(key: string): Promise<void>;
}

// Segments of letters, digits, dot, dash and underscore; never "." or "..", never
// empty (so no leading "/" and no "//"). Checked by every store, not only the
// disk one, so a key that works in tests works in production and vice versa.
const SEGMENT = /^[A-Za-z0-9._-]{1,128}$/;

/** Throws unless `key` is a relative path of safe segments; returns its segments. */
export function assertBlobKey(key: string): string[] {
  const segments = key.split("/");
  if (key.length > 512 || segments.length < 2 || segments.some((s) => !SEGMENT.test(s) || s === "." || s === "..")) {
    throw new Error(`invalid blob key ${JSON.stringify(key)}: expected <zone>/<id> of [A-Za-z0-9._-] segments`);
  }
  return segments;
}

/** Content types are stored verbatim; a line break would corrupt the disk store's metadata. */
export function assertContentType(contentType: string): void {
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(contentType)) throw new Error(`invalid content type ${JSON.stringify(contentType)}`);
}
