import { createClient, type Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openMemoryTenantDb } from "../../db/memory-db";
import { openTenantDb, type TenantDb } from "../../db/open";
import { auditLog, materials } from "../../db/schema";
import { memoryBlobStore } from "../../lib/blob-store/memory";
import { AppError } from "../../lib/errors";
import { listMaterials } from "./list-materials";
import { contentDisposition, MAX_MATERIAL_BYTES, sanitiseFilename, sniffMaterialType } from "./material-file";
import { canReadMaterial, type MaterialReader } from "./read-material";
import { saveMaterial } from "./save-material";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const NOW = new Date("2026-11-25T04:00:00Z");

describe("sniffMaterialType", () => {
  it.each([
    ["a PDF", PDF, "application/pdf"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a PNG", PNG, "image/png"],
    ["text claiming to be a PDF", new TextEncoder().encode("PDF-1.7 not really"), null],
    ["a truncated PNG signature", PNG.slice(0, 7), null],
    ["nothing", new Uint8Array(), null],
  ] as const)("reads %s by its bytes", (_, bytes, type) => {
    expect(sniffMaterialType(bytes)).toBe(type);
  });
});

describe("sanitiseFilename", () => {
  it.each([
    ["营业执照(副本).pdf", "营业执照(副本).pdf"],
    ["C:\\Users\\张三\\Desktop\\营业执照.pdf", "营业执照.pdf"],
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["证书\u0000\u0007\n.pdf", "证书.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["...hidden.pdf", "hidden.pdf"],
    ["  高新   技术 证书 .pdf  ", "高新 技术 证书 .pdf"],
    ["", "材料.pdf"],
    ["/", "材料.pdf"],
  ])("%j → %j", (raw, clean) => {
    expect(sanitiseFilename(raw, "application/pdf")).toBe(clean);
  });

  it("cuts long names to 120 characters and keeps the extension", () => {
    const name = sanitiseFilename(`${"很".repeat(300)}.jpeg`, "image/jpeg");
    expect([...name]).toHaveLength(120);
    expect(name.endsWith("很.jpeg")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("sends the Chinese name as RFC 5987 filename* with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "营业执照 (1)'s.pdf")).toBe(
      `attachment; filename="____ (1)'s.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%281%29%27s.pdf`,
    );
    expect(contentDisposition("inline", 'a"b\\c.png')).toBe(
      `inline; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`,
    );
  });
});

describe("canReadMaterial", () => {
  const applicationOwner = { applicantUserId: "applicant", enterpriseId: null };
  const approvedOwner = { applicantUserId: "applicant", enterpriseId: "ent-a" };
  const enterpriseOwner = { applicantUserId: null, enterpriseId: "ent-a" };
  const reader = (
    role: MaterialReader["role"],
    id = "someone",
    enterpriseId: string | null = null,
  ): MaterialReader => ({ id, role, enterpriseId });

  it.each([
    ["a zone admin", reader("zone_admin"), [true, true, true]],
    ["a reviewer", reader("reviewer"), [true, true, true]],
    ["the applicant (not yet a member)", reader("enterprise", "applicant"), [true, true, false]],
    ["a member of the owning enterprise", reader("enterprise", "m1", "ent-a"), [false, true, true]],
    ["a member of another enterprise", reader("enterprise", "m2", "ent-b"), [false, false, false]],
    ["another applicant", reader("enterprise", "applicant-2"), [false, false, false]],
    ["a bank user", reader("bank", "b1"), [false, false, false]],
    ["nobody signed in", null, [false, false, false]],
  ] as const)("%s: pending application, approved application, enterprise → %j", (_, who, expected) => {
    expect([
      canReadMaterial(who, applicationOwner),
      canReadMaterial(who, approvedOwner),
      canReadMaterial(who, enterpriseOwner),
    ]).toEqual(expected);
  });
});

describe("canReadMaterial on a 风险补偿 claim's materials", () => {
  const claimOwner = { applicantUserId: null, enterpriseId: null, bankId: "bank-a" };
  it.each([
    ["a zone admin", { id: "x", role: "zone_admin", enterpriseId: null, bankId: null }, true],
    ["a reviewer", { id: "x", role: "reviewer", enterpriseId: null, bankId: null }, true],
    ["the filing bank's staff", { id: "x", role: "bank", enterpriseId: null, bankId: "bank-a" }, true],
    ["another bank's staff", { id: "x", role: "bank", enterpriseId: null, bankId: "bank-b" }, false],
    ["a bank user without a bank", { id: "x", role: "bank", enterpriseId: null, bankId: null }, false],
    ["a member of the borrowing enterprise", { id: "x", role: "enterprise", enterpriseId: "e", bankId: null }, false],
  ] as const)("%s → %s", (_, who, expected) => {
    expect(canReadMaterial(who, claimOwner)).toBe(expected);
  });
});

describe("saveMaterial", () => {
  let client: Client;
  let db: TenantDb;
  const blobs = memoryBlobStore();
  const deps = () => ({ db, blobs, zone: { slug: "zibo" }, now: NOW });
  beforeEach(async () => {
    ({ client, db } = await openMemoryTenantDb());
    for (const key of blobs.keys()) await blobs.delete(key);
  });
  afterEach(() => client.close());

  const upload = (file: File, ownerId = "app-1") => ({
    ownerKind: "application" as const,
    ownerId,
    kind: "business_licence",
    file,
    uploadedBy: "u1",
    actor: "a@zibo.test",
  });

  it("stores the bytes under the zone's prefix and records row, hash and audit", async () => {
    const row = await saveMaterial(deps(), upload(new File([PDF], "营业执照.pdf", { type: "application/pdf" })));
    expect(row).toMatchObject({
      ownerKind: "application",
      ownerId: "app-1",
      filename: "营业执照.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      blobKey: `zibo/${row.id}`,
      uploadedBy: "u1",
      createdAt: NOW.getTime(),
    });
    const expectedHash = Buffer.from(await crypto.subtle.digest("SHA-256", PDF)).toString("hex");
    expect(row.sha256).toBe(expectedHash);
    expect(await db.select().from(materials)).toEqual([row]);
    expect((await blobs.get(row.blobKey))!.body).toEqual(PDF);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "material.uploaded"));
    expect(audit).toMatchObject({ actor: "a@zibo.test", actorId: "u1", target: "application:app-1", result: "ok" });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ materialId: row.id, size: PDF.length });
  });

  it("records the type the bytes are, not the one declared", async () => {
    const row = await saveMaterial(deps(), upload(new File([PNG], "scan.jpg", { type: "image/jpeg" })));
    expect(row.contentType).toBe("image/png");
  });

  it("refuses text dressed as a PDF (422), naming the file, and stores nothing", async () => {
    const err = await saveMaterial(deps(), {
      ...upload(new File(["hello, not a pdf"], "营业执照.pdf", { type: "application/pdf" })),
      field: "file-licence",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).message).toContain("营业执照.pdf");
    expect((err as AppError).message).toContain("PDF、JPG 或 PNG");
    expect(Object.keys((err as AppError).fields!)).toEqual(["file-licence"]);
    expect(blobs.keys()).toEqual([]);
    expect(await db.select().from(materials)).toEqual([]);
  });

  it("refuses an oversized file (413) stating the limit, without reading its bytes", async () => {
    const big = new File([PDF], "big.pdf");
    Object.defineProperty(big, "size", { value: MAX_MATERIAL_BYTES + 1 });
    const read = vi.spyOn(big, "arrayBuffer");
    const err = (await saveMaterial(deps(), upload(big)).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("payload_too_large");
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/big\.pdf.*10 MB/);
    expect(read).not.toHaveBeenCalled();
    expect(blobs.keys()).toEqual([]);
  });

  it("accepts a file of exactly the limit", async () => {
    const bytes = new Uint8Array(MAX_MATERIAL_BYTES);
    bytes.set(PDF);
    const row = await saveMaterial(deps(), upload(new File([bytes], "exact.pdf")));
    expect(row.size).toBe(MAX_MATERIAL_BYTES);
  });

  it("refuses an empty file (422)", async () => {
    const err = (await saveMaterial(deps(), upload(new File([], "空.pdf"))).catch((e: unknown) => e)) as AppError;
    expect(err.status).toBe(422);
    expect(err.message).toContain("空.pdf");
  });

  it("removes the stored bytes when the row cannot be written", async () => {
    const broken = createClient({ url: ":memory:" }); // never migrated: no materials table
    await expect(
      saveMaterial({ ...deps(), db: openTenantDb(broken) }, upload(new File([JPEG], "a.jpg"))),
    ).rejects.toThrow();
    expect(blobs.keys()).toEqual([]);
    broken.close();
  });

  it("lists an owner's materials in upload order and no one else's", async () => {
    const first = await saveMaterial(deps(), upload(new File([PDF], "1.pdf")));
    const second = await saveMaterial(
      { ...deps(), now: new Date(NOW.getTime() + 1000) },
      upload(new File([PNG], "2.png")),
    );
    await saveMaterial(deps(), upload(new File([JPEG], "other.jpg"), "app-2"));
    expect((await listMaterials({ db }, "application", "app-1")).map((m) => m.id)).toEqual([first.id, second.id]);
    expect(await listMaterials({ db }, "enterprise", "app-1")).toEqual([]);
  });
});
