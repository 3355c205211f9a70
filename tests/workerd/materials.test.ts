/**
 * Uploaded materials through the real Worker: files go into miniflare's R2
 * (the same MATERIALS binding the Worker reads) by the materials service, then
 * `/materials/:id` is fetched as each kind of user.
 *
 * Signed out → 401 for every id (checked before any lookup, so it says nothing
 * about which ids exist, and tells the person to sign in); signed in without the
 * right → the same 404 as an id that does not exist.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { banks, enterprises, onboardingApplications, users } from "../../worker/db/schema";
import { saveMaterial } from "../../worker/features/materials/save-material";
import { MAX_MATERIAL_BYTES } from "../../worker/features/materials/material-file";
import { r2BlobStore } from "../../worker/lib/blob-store/r2";
import { AppError } from "../../worker/lib/errors";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, makeUser, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const bucket = (env as unknown as { MATERIALS: R2Bucket }).MATERIALS;
const blobs = r2BlobStore(bucket);
const zibo = zones.get("zibo")!;
const deps = () => ({ db: dbFor("zibo"), blobs, zone: zibo, now: new Date() });

// A small but real PDF header, then every byte value, so a lossy path would show.
const PDF = new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), ...Array.from({ length: 256 }, (_, i) => i)]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function member(slug: string, enterpriseId: string) {
  const user = await makeUser(slug, "enterprise");
  await dbFor(slug).update(users).set({ enterpriseId }).where(eq(users.id, user.id));
  return user;
}

async function cookieOf(user: { slug: string; email: string; password: string }) {
  return sessionCookie(await login(user.slug, user.email, user.password));
}

const get = (path: string, cookie?: string, on = host) => call(on, "GET", path, cookie ? { cookie } : {});

// Error pages differ only by their request id and CSP nonce; everything else must match.
async function normalised(res: Response) {
  return (await res.text()).replaceAll(res.headers.get("x-request-id")!, "ID").replace(/nonce="[^"]*"/g, 'nonce=""');
}

describe("GET /materials/:id", () => {
  const enterpriseA = newId();
  const enterpriseB = newId();
  const applicationId = newId();
  let applicant: Awaited<ReturnType<typeof makeUser>>;
  let licenceId: string;
  let certificateId: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const db = dbFor("zibo");
    const now = Date.now();
    await db.insert(enterprises).values([
      { id: enterpriseA, name: "甲科技有限公司", createdAt: now },
      { id: enterpriseB, name: "乙制造有限公司", createdAt: now },
    ]);
    applicant = await makeUser("zibo", "enterprise");
    await db.insert(onboardingApplications).values({
      id: applicationId,
      status: "submitted",
      applicantUserId: applicant.id,
      companyName: "丙新材料有限公司",
      uscc: `91370300MA${newId().slice(0, 8).toUpperCase()}`,
      legalRep: "张三",
      registeredOn: "2020-01-01",
      registeredCapitalFen: 100_000_000,
      address: "淄博高新区",
      industry: "new-materials",
      industryClass: "C2651",
      employees: 12,
      contactName: "张三",
      contactMobile: "13800000000",
      contactEmail: "c@example.cn",
      qualifications: "[]",
      createdAt: now,
      updatedAt: now,
    });
    licenceId = (
      await saveMaterial(deps(), {
        ownerKind: "application",
        ownerId: applicationId,
        kind: "business_licence",
        file: new File([PDF], "营业执照(副本).pdf", { type: "application/pdf" }),
        uploadedBy: applicant.id,
      })
    ).id;
    certificateId = (
      await saveMaterial(deps(), {
        ownerKind: "enterprise",
        ownerId: enterpriseA,
        kind: "certificate:hnte",
        file: new File([PNG], "高新技术企业证书.png"),
        uploadedBy: null,
      })
    ).id;

    const bankId = newId();
    await db.insert(banks).values({ id: bankId, name: "测试银行", createdAt: now });
    const bankUser = await makeUser("zibo", "bank");
    await db.update(users).set({ bankId }).where(eq(users.id, bankUser.id));

    const people = {
      admin: await makeUser("zibo", "zone_admin"),
      reviewer: await makeUser("zibo", "reviewer"),
      applicant,
      memberA: await member("zibo", enterpriseA),
      memberB: await member("zibo", enterpriseB),
      bank: bankUser,
      otherZoneAdmin: await makeUser("dongying", "zone_admin"),
    };
    for (const [name, user] of Object.entries(people)) cookies[name] = await cookieOf(user);
  });

  it("serves the exact bytes to a zone admin, with type, name and no-cache headers", async () => {
    const res = await get(`/materials/${licenceId}`, cookies.admin);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-length")).toBe(String(PDF.length));
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // ( and ) are outside RFC 5987's attr-char, so they are percent-encoded too.
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="____(__).pdf"; filename*=UTF-8''` +
        "%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%28%E5%89%AF%E6%9C%AC%29.pdf",
    );
  });

  it("asks the browser to save it with ?download=1", async () => {
    const res = await get(`/materials/${certificateId}?download=1`, cookies.reviewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]*\.png"; filename\*=UTF-8''/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it("serves an application's material to its applicant", async () => {
    const res = await get(`/materials/${licenceId}`, cookies.applicant);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("serves an enterprise's material to its member", async () => {
    const res = await get(`/materials/${certificateId}`, cookies.memberA);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
  });

  it("serves an application's material to the enterprise it became, once approved", async () => {
    expect((await get(`/materials/${licenceId}`, cookies.memberA)).status).toBe(404);
    await dbFor("zibo")
      .update(onboardingApplications)
      .set({ status: "approved", enterpriseId: enterpriseA })
      .where(eq(onboardingApplications.id, applicationId));
    try {
      expect((await get(`/materials/${licenceId}`, cookies.memberA)).status).toBe(200);
      expect((await get(`/materials/${licenceId}`, cookies.memberB)).status).toBe(404);
    } finally {
      await dbFor("zibo")
        .update(onboardingApplications)
        .set({ status: "submitted", enterpriseId: null })
        .where(eq(onboardingApplications.id, applicationId));
    }
  });

  it.each(["memberB", "bank"])("answers a %s exactly as it answers a missing id (404)", async (who) => {
    const missing = await get(`/materials/${newId()}`, cookies[who]);
    expect(missing.status).toBe(404);
    for (const id of [licenceId, certificateId]) {
      const refused = await get(`/materials/${id}`, cookies[who]);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("content-type")).toBe(missing.headers.get("content-type"));
      expect(await normalised(refused)).toBe(await normalised(missing.clone()));
    }
  });

  it("refuses another applicant (404)", async () => {
    const other = await makeUser("zibo", "enterprise");
    expect((await get(`/materials/${licenceId}`, await cookieOf(other))).status).toBe(404);
  });

  it("asks anonymous visitors to sign in (401) for existing and missing ids alike", async () => {
    for (const id of [licenceId, newId(), "not-an-id"]) {
      const res = await get(`/materials/${id}`);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("%PDF");
    }
  });

  it("does not exist on another zone's host, even for that zone's admin", async () => {
    expect((await get(`/materials/${licenceId}`, cookies.otherZoneAdmin, "dongying.localhost")).status).toBe(404);
    // A zibo cookie is not a session on dongying: there it is a signed-out request.
    expect((await get(`/materials/${licenceId}`, cookies.admin, "dongying.localhost")).status).toBe(401);
  });

  it("keeps every zone's files under its own prefix in the one bucket", async () => {
    expect(await bucket.head(`zibo/${licenceId}`)).not.toBeNull();
    expect(await bucket.head(licenceId)).toBeNull();
  });
});

describe("saveMaterial on Workers", () => {
  const upload = (file: File) =>
    saveMaterial(deps(), {
      ownerKind: "enterprise",
      ownerId: newId(),
      kind: "business_licence",
      file,
      uploadedBy: null,
    });

  it("refuses a .pdf that is really text (422) and stores nothing", async () => {
    const before = (await bucket.list({ prefix: "zibo/" })).objects.length;
    const err = await upload(new File(["just some text"], "营业执照.pdf", { type: "application/pdf" })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).message).toContain("营业执照.pdf");
    expect((await bucket.list({ prefix: "zibo/" })).objects.length).toBe(before);
  });

  it("refuses a file over 10 MB (413), naming the limit", async () => {
    const bytes = new Uint8Array(MAX_MATERIAL_BYTES + 1);
    bytes.set(PDF);
    const err = (await upload(new File([bytes], "扫描件.pdf")).catch((e: unknown) => e)) as AppError;
    expect(err.status).toBe(413);
    expect(err.code).toBe("payload_too_large");
    expect(err.message).toMatch(/扫描件\.pdf.*10 MB/);
  });
});
