/** The Workers blob store: one R2 bucket (binding `MATERIALS`) for every zone, keys prefixed by zone. */
import { assertBlobKey, assertContentType, type BlobStore } from "./blob-store";

export function r2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes, contentType) {
      assertBlobKey(key);
      assertContentType(contentType);
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      assertBlobKey(key);
      const object = await bucket.get(key);
      if (!object) return null;
      return {
        body: object.body,
        contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
        size: object.size,
      };
    },
    async delete(key) {
      assertBlobKey(key);
      await bucket.delete(key);
    },
  };
}
