import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diskBlobStore } from "../../worker/lib/blob-store/disk";

describe("diskBlobStore", () => {
  let base: string;
  let dir: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), "yuanqu-blobs-"));
    dir = join(base, "blobs");
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("stores, reads back and deletes a file with its content type", async () => {
    const store = diskBlobStore(dir);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 10]);
    await store.put("zibo/abc123", bytes, "application/pdf");
    const got = await store.get("zibo/abc123");
    expect(got).not.toBeNull();
    expect(got!.contentType).toBe("application/pdf");
    expect(got!.size).toBe(bytes.length);
    expect(got!.body).toEqual(bytes);
    // No temporary files are left behind.
    expect(readdirSync(join(dir, "zibo")).sort()).toEqual(["abc123.bin", "abc123.type"]);
    await store.delete("zibo/abc123");
    expect(await store.get("zibo/abc123")).toBeNull();
    expect(readdirSync(join(dir, "zibo"))).toEqual([]);
  });

  it("answers null for a key never stored and deletes it without complaint", async () => {
    const store = diskBlobStore(dir);
    expect(await store.get("zibo/missing")).toBeNull();
    await expect(store.delete("zibo/missing")).resolves.toBeUndefined();
  });

  it("keeps zones apart: the same id under two zone prefixes is two files", async () => {
    const store = diskBlobStore(dir);
    await store.put("zibo/same", new Uint8Array([1]), "image/png");
    await store.put("dongying/same", new Uint8Array([2]), "image/jpeg");
    expect((await store.get("zibo/same"))!.body).toEqual(new Uint8Array([1]));
    expect((await store.get("dongying/same"))!.contentType).toBe("image/jpeg");
  });

  it.each([
    "../outside",
    "zibo/../../outside",
    "zibo/..",
    "/etc/passwd",
    "zibo//x",
    "zibo\\..\\..\\x",
    "zibo/x\u0000y",
    "justone",
    "zibo/%2e%2e",
  ])("refuses the key %j before touching the disk", async (key) => {
    writeFileSync(join(base, "outside.type"), "text/plain");
    writeFileSync(join(base, "outside.bin"), "secret");
    const store = diskBlobStore(dir);
    await expect(store.put(key, new Uint8Array([1]), "image/png")).rejects.toThrow(/blob key/);
    await expect(store.get(key)).rejects.toThrow(/blob key/);
    await expect(store.delete(key)).rejects.toThrow(/blob key/);
    expect(readdirSync(base).sort()).toEqual(["outside.bin", "outside.type"]);
  });

  it("refuses a content type that would corrupt its metadata", async () => {
    await expect(diskBlobStore(dir).put("zibo/x", new Uint8Array([1]), "text/plain\nx")).rejects.toThrow(
      /content type/,
    );
  });
});
