/** A blob store in a Map, for unit tests of services that store files. */
import { assertBlobKey, assertContentType, type BlobStore } from "./blob-store";

export function memoryBlobStore(): BlobStore & { keys(): string[] } {
  const blobs = new Map<string, { bytes: Uint8Array; contentType: string }>();
  return {
    async put(key, bytes, contentType) {
      assertBlobKey(key);
      assertContentType(contentType);
      blobs.set(key, { bytes: bytes.slice(), contentType });
    },
    async get(key) {
      assertBlobKey(key);
      const blob = blobs.get(key);
      return blob ? { body: blob.bytes.slice(), contentType: blob.contentType, size: blob.bytes.length } : null;
    },
    async delete(key) {
      assertBlobKey(key);
      blobs.delete(key);
    },
    keys: () => [...blobs.keys()],
  };
}
