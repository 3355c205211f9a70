/**
 * The Node blob store: files under one directory (env BLOB_DIR). Only Node code
 * imports this file, so the Worker bundle never contains `node:fs`.
 *
 * Each key is two files, `<key>.bin` (the bytes) and `<key>.type` (the content
 * type); both are written to a temporary name and renamed, so a reader never sees
 * half a file. Keys are checked twice: by shape (assertBlobKey) and by resolving
 * the path and requiring it to stay inside the directory.
 */
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { assertBlobKey, assertContentType, type BlobStore } from "./blob-store";

export function diskBlobStore(dir: string): BlobStore {
  const root = resolve(dir);

  function pathOf(key: string): string {
    assertBlobKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new Error(`blob key ${JSON.stringify(key)} escapes the blob directory`);
    return path;
  }

  async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
    const tmp = `${path}.${randomUUID()}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, path);
  }

  return {
    async put(key, bytes, contentType) {
      const path = pathOf(key);
      assertContentType(contentType);
      await mkdir(dirname(path), { recursive: true });
      // Bytes first, type second: `get` answers only once the type exists, so it sees both or neither.
      await writeAtomically(`${path}.bin`, bytes);
      await writeAtomically(`${path}.type`, contentType);
    },
    async get(key) {
      const path = pathOf(key);
      let contentType: string;
      try {
        contentType = await readFile(`${path}.type`, "utf8");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
      const bytes = new Uint8Array(await readFile(`${path}.bin`));
      return { body: bytes, contentType, size: bytes.length };
    },
    async delete(key) {
      const path = pathOf(key);
      // Type first, so a concurrent `get` finds nothing rather than a type without bytes.
      await rm(`${path}.type`, { force: true });
      await rm(`${path}.bin`, { force: true });
    },
  };
}
