/**
 * Resubmitting a returned application through the JSON API (the page route is
 * covered in onboarding.test.ts), and certificates sent with an application
 * showing as the certificate of the qualification created at approval.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applicationEvents, auditLog, materials, onboardingApplications } from "../../worker/db/schema";
import { call, dbFor, login, makeUser, postJson, sessionCookie } from "./auth-support";
import { applied, b64, licence, PASSWORD } from "./onboarding-support";

const host = "zibo.localhost";
const db = () => dbFor("zibo");
const staff: Record<string, string> = {};

beforeAll(async () => {
  for (const role of ["reviewer", "zone_admin"] as const) {
    const u = await makeUser("zibo", role);
    staff[role] = sessionCookie(await login("zibo", u.email, u.password));
  }
});

const get = (path: string, cookie?: string) => call(host, "GET", path, cookie ? { cookie } : {});
const review = (id: string, action: string, comment: string) =>
  postJson(host, `/api/v1/onboarding/applications/${id}/${action}`, { comment }, { cookie: staff.reviewer });
const resubmit = (id: string, body: Record<string, unknown>, cookie: string) =>
  postJson(host, `/api/v1/onboarding/applications/${id}/resubmit`, body, { cookie });
const appRow = async (id: string) =>
  (await db().select().from(onboardingApplications).where(eq(onboardingApplications.id, id)))[0]!;
const appFiles = (id: string) =>
  db()
    .select()
    .from(materials)
    .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, id)))
    .orderBy(asc(materials.createdAt));
const eventsOf = async (id: string) =>
  (
    await db()
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, id))
      .orderBy(asc(applicationEvents.id))
  ).map((e) => e.action);
const pdfOf = (text: string) => b64(new TextEncoder().encode(`%PDF-1.4 ${text}`));
const bytesOf = async (res: Response) => new TextDecoder().decode(await res.arrayBuffer());

/** An application returned for correction, with what the applicant needs to resubmit it. */
async function returned(overrides: Record<string, unknown> = {}, files: unknown[] = [licence]) {
  const a = await applied(overrides, files);
  expect((await review(a.id, "return", "注册资本与营业执照不一致,请核对。")).status).toBe(200);
  return a;
}

describe("POST /api/v1/onboarding/applications/{id}/resubmit", () => {
  it(
    "lets the applicant correct a returned application: submitted again, " +
      "timeline and audit say so, a new file is added",
    async () => {
      const a = await returned();
      const newLicence = { ...licence, filename: "营业执照-更正.pdf", base64: pdfOf("更正") };
      const res = await resubmit(
        a.id,
        { ...a.body, registeredCapitalFen: 300_000_000, materials: [newLicence] },
        a.cookie,
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: a.id });
      expect(await appRow(a.id)).toMatchObject({
        status: "submitted",
        registeredCapitalFen: 300_000_000,
        reviewNote: null,
      });
      expect(await eventsOf(a.id)).toEqual(["submitted", "returned", "resubmitted"]);
      expect((await appFiles(a.id)).map((f) => f.filename)).toEqual(["营业执照.pdf", "营业执照-更正.pdf"]);
      expect(
        await db()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "onboarding.resubmitted"), eq(auditLog.target, a.id))),
      ).toHaveLength(1);
      // The applicant's own view of it agrees, and the new file is served to it.
      const mine = (await (await get(`/api/v1/onboarding/applications/${a.id}`, a.cookie)).json()) as {
        application: { status: string; materials: { filename: string; url: string }[] };
      };
      expect(mine.application.status).toBe("submitted");
      const added = mine.application.materials.find((m) => m.filename === "营业执照-更正.pdf")!;
      expect(await bytesOf(await get(added.url, a.cookie))).toBe("%PDF-1.4 更正");
    },
  );

  it("materials are optional: the files on file still count", async () => {
    const a = await returned();
    expect((await resubmit(a.id, a.body, a.cookie)).status).toBe(200);
    expect((await appRow(a.id)).status).toBe("submitted");
    expect(await appFiles(a.id)).toHaveLength(1);
  });

  it("answers 404 to another applicant and 403 to staff, changing nothing", async () => {
    const a = await returned();
    const other = await applied();
    const res = await resubmit(a.id, { ...a.body, companyName: "冒名有限公司" }, other.cookie);
    expect(res.status).toBe(404);
    expect((await resubmit(a.id, a.body, staff.reviewer!)).status).toBe(403);
    expect(await appRow(a.id)).toMatchObject({ status: "returned", companyName: a.body.companyName });
    expect(await eventsOf(a.id)).toEqual(["submitted", "returned"]);
    expect((await appRow(other.id)).status).toBe("submitted");
  });

  it("answers 409 for an application that is not returned (here: awaiting review), changing nothing", async () => {
    const a = await applied();
    const res = await resubmit(a.id, { ...a.body, companyName: "改名有限公司" }, a.cookie);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("只有被退回补正的申请");
    expect(await appRow(a.id)).toMatchObject({ status: "submitted", companyName: a.body.companyName });
    expect(await eventsOf(a.id)).toEqual(["submitted"]);
  });

  it("refuses an invalid USCC with 422 naming the field, changing nothing", async () => {
    const a = await returned();
    const wrongCheck = `${a.uscc.slice(0, 17)}${a.uscc.endsWith("0") ? "1" : "0"}`;
    const res = await resubmit(
      a.id,
      { ...a.body, uscc: wrongCheck, materials: [{ ...licence, filename: "不应保存.pdf" }] },
      a.cookie,
    );
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(error.fields.uscc).toBeTruthy();
    expect(await appRow(a.id)).toMatchObject({ status: "returned", uscc: a.uscc });
    expect(await eventsOf(a.id)).toEqual(["submitted", "returned"]);
    expect(await appFiles(a.id)).toHaveLength(1);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/api/v1/onboarding/applications/{id}/resubmit"]).toHaveProperty("post");
  });
});

describe("a certificate sent with the application", () => {
  it(
    "is the certificate of the qualification created at approval, " +
      "on the member's page and the staff detail, readable by the member",
    async () => {
      const hnte = { code: "hnte", certificateNo: "GR202437000777", issuedOn: "2024-01-10" };
      const cert = (text: string) => ({
        kind: "certificate:hnte",
        filename: `高企证书-${text}.pdf`,
        contentType: "application/pdf",
        base64: pdfOf(text),
      });
      // Sent once, corrected on resubmission: the corrected file is the one shown.
      const a = await returned({ qualifications: [hnte, { code: "above-scale" }] }, [licence, cert("旧")]);
      expect((await resubmit(a.id, { ...a.body, materials: [cert("新")] }, a.cookie)).status).toBe(200);
      expect((await review(a.id, "approve", "")).status).toBe(200);
      const { enterpriseId } = await appRow(a.id);
      const owned = await db()
        .select()
        .from(materials)
        .where(and(eq(materials.ownerKind, "enterprise"), eq(materials.ownerId, enterpriseId!)));
      const current = owned.find((m) => m.filename === "高企证书-新.pdf")!;
      const old = owned.find((m) => m.filename === "高企证书-旧.pdf")!;
      const licenceCopy = owned.find((m) => m.kind === "business_licence")!;

      const member = sessionCookie(await login("zibo", a.loginEmail, PASSWORD));
      const page = await (await get("/enterprise", member)).text();
      expect(page).toContain(`/materials/${current.id}`);
      expect(page).not.toContain(`/materials/${old.id}`);
      expect(page).not.toContain(`/materials/${licenceCopy.id}`);
      expect(page.match(/查看证书/g)).toHaveLength(1); // 规上企业 has no certificate file
      const detail = await (await get(`/admin/enterprises/${enterpriseId}`, staff.zone_admin)).text();
      expect(detail).toContain(`/materials/${current.id}`);
      const opened = await get(`/materials/${current.id}`, member);
      expect(opened.status).toBe(200);
      expect(await bytesOf(opened)).toBe("%PDF-1.4 新");
    },
  );
});
