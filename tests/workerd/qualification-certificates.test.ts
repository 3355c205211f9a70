/**
 * Certificates on later qualification claims (stored as enterprise materials of
 * kind certificate:<code>:<claim id>, readable by staff and the enterprise's
 * members only) and the member's open invitations with their revoke button.
 */
import { exports } from "cloudflare:workers";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  enterpriseHistory,
  enterpriseQualifications,
  enterprises,
  invitations,
  materials,
  users,
} from "../../worker/db/schema";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, makeUser, sessionCookie } from "./auth-support";

const slug = "zibo";
const host = `${slug}.localhost`;
const ORIGIN = `http://${host}:8787`;
const PASSWORD = "Correct-Horse-42";
const db = () => dbFor(slug);

async function member() {
  const enterpriseId = newId();
  await db()
    .insert(enterprises)
    .values({
      id: enterpriseId,
      name: `证书测试企业${enterpriseId.slice(0, 4)}`,
      contactEmail: `c-${enterpriseId.slice(0, 8)}@${slug}.test`,
      createdAt: Date.now(),
    });
  const id = newId();
  const email = `cert-${id.slice(0, 8)}@${slug}.test`;
  const now = Date.now();
  await db()
    .insert(users)
    .values({
      id,
      email,
      name: "成员",
      role: "enterprise",
      enterpriseId,
      passwordHash: await hashPassword(PASSWORD),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  return { enterpriseId, id, cookie: sessionCookie(await login(slug, email, PASSWORD)) };
}

async function reviewerCookie() {
  const u = await makeUser(slug, "reviewer");
  return sessionCookie(await login(slug, u.email, u.password));
}

// Valid three more years: a validity beyond ten years from today is refused as implausible.
const HNTE = {
  code: "hnte",
  certificateNo: "GR202437000123",
  issuedOn: "2024-01-10",
  validUntil: `${new Date().getUTCFullYear() + 3}-01-09`,
};

function claim(cookie: string, fields: Record<string, string>, file?: File) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("certificate", file);
  return exports.default.fetch(`http://${host}/enterprise/qualifications`, {
    method: "POST",
    headers: { origin: ORIGIN, cookie },
    body,
    redirect: "manual",
  });
}

const get = (path: string, cookie: string) => call(host, "GET", path, { cookie });
const post = (path: string, cookie: string, data: Record<string, string> = {}) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(data).toString(),
  });
const nothingWritten = async (enterpriseId: string) => {
  expect(
    await db().select().from(enterpriseQualifications).where(eq(enterpriseQualifications.enterpriseId, enterpriseId)),
  ).toHaveLength(0);
  expect(await db().select().from(materials).where(eq(materials.ownerId, enterpriseId))).toHaveLength(0);
  expect(
    await db().select().from(enterpriseHistory).where(eq(enterpriseHistory.enterpriseId, enterpriseId)),
  ).toHaveLength(0);
};

describe("a qualification claim's certificate", () => {
  it(
    "is stored with the claim, " +
      "linked on the member's page and in the staff queue, readable by staff, 404 to another enterprise",
    async () => {
      const m = await member();
      const pdf = new File([new TextEncoder().encode("%PDF-1.4 高新证书")], "高新证书.pdf", {
        type: "application/pdf",
      });
      const res = await claim(m.cookie, HNTE, pdf);
      expect(res.status).toBe(303);
      const [q] = await db()
        .select()
        .from(enterpriseQualifications)
        .where(eq(enterpriseQualifications.enterpriseId, m.enterpriseId));
      const [file] = await db()
        .select()
        .from(materials)
        .where(and(eq(materials.ownerKind, "enterprise"), eq(materials.ownerId, m.enterpriseId)));
      expect(file).toMatchObject({
        kind: `certificate:hnte:${q!.id}`,
        contentType: "application/pdf",
        filename: "高新证书.pdf",
        uploadedBy: m.id,
      });
      const [history] = await db()
        .select()
        .from(enterpriseHistory)
        .where(eq(enterpriseHistory.subject, `qualification:${q!.id}`));
      expect(JSON.parse(history!.after!).certificateMaterialId).toBe(file!.id);
      expect(
        await db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "material.uploaded"), eq(auditLog.target, `enterprise:${m.enterpriseId}`))),
      ).toHaveLength(1);

      expect(await (await get("/enterprise", m.cookie)).text()).toContain(`/materials/${file!.id}`);
      const reviewer = await reviewerCookie();
      expect(await (await get("/admin/qualifications", reviewer)).text()).toContain(`/materials/${file!.id}`);
      const opened = await get(`/materials/${file!.id}`, reviewer);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toBe("%PDF-1.4 高新证书");
      expect((await get(`/materials/${file!.id}`, m.cookie)).status).toBe(200);
      const stranger = await member();
      expect((await get(`/materials/${file!.id}`, stranger.cookie)).status).toBe(404);
    },
  );

  it("is required for a type with a certificate: 422 naming the field, nothing written", async () => {
    const m = await member();
    const res = await claim(m.cookie, HNTE);
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("请上传高新技术企业证书");
    expect(page).toContain("GR202437000123");
    await nothingWritten(m.enterpriseId);
  });

  it("must really be a PDF/JPG/PNG: a text file named .pdf is 422 and nothing is written", async () => {
    const m = await member();
    const res = await claim(m.cookie, HNTE, new File(["just some text"], "证书.pdf", { type: "application/pdf" }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("不是 PDF、JPG 或 PNG 文件");
    await nothingWritten(m.enterpriseId);
  });

  it("is optional for a type without one (规上企业)", async () => {
    const m = await member();
    expect(
      (await claim(m.cookie, { code: "above-scale", certificateNo: "", issuedOn: "", validUntil: "" })).status,
    ).toBe(303);
    expect(await db().select().from(materials).where(eq(materials.ownerId, m.enterpriseId))).toHaveLength(0);
  });
});

describe("open invitations on the member's page", () => {
  const invite = async (cookie: string) => {
    const email = `invitee-${newId().slice(0, 8)}@example.cn`;
    expect((await post("/enterprise/invitations", cookie, { email })).status).toBe(200);
    const [row] = await db().select().from(invitations).where(eq(invitations.email, email));
    return { email, tokenHash: row!.tokenHash };
  };

  it("are listed with a revoke button that stops the link", async () => {
    const m = await member();
    const { email, tokenHash } = await invite(m.cookie);
    const page = await (await get("/enterprise", m.cookie)).text();
    expect(page).toContain(email);
    expect(page).toContain(`/enterprise/invitations/${tokenHash}/revoke`);
    const res = await post(`/enterprise/invitations/${tokenHash}/revoke`, m.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/enterprise?done=revoked");
    const [row] = await db().select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
    expect(row!.revokedAt).not.toBeNull();
    expect(await (await get("/enterprise", m.cookie)).text()).not.toContain(email);
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "invitation.revoked"), eq(auditLog.target, email))),
    ).toHaveLength(1);
  });

  it("of another enterprise cannot be revoked: 404, and it stays open", async () => {
    const a = await member();
    const b = await member();
    const { tokenHash } = await invite(a.cookie);
    expect((await post(`/enterprise/invitations/${tokenHash}/revoke`, b.cookie)).status).toBe(404);
    const [row] = await db().select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
    expect(row!.revokedAt).toBeNull();
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "invitation.revoked"), like(auditLog.detail, `%${a.enterpriseId}%`))),
    ).toHaveLength(0);
  });
});
