/**
 * Every write of 申请入驻, 入驻审核, invitations and 金融机构 administration — each API
 * mutation and each form post — within its round-trip budget (issue 16): the session's
 * one batch (for an anonymous request, the zone's state), one wave of reads for the
 * action's checks, and one guarded write batch. The steps run in order, as people
 * would: applications made by API and by the page (with a file kept as a draft),
 * returned, corrected, rejected and approved; a bank registered, staff invited, an
 * invitation revoked, others accepted by API and by the page, the bank suspended and
 * reactivated. Each step proves its change in the database, not only its status.
 */
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  banks,
  enterprises,
  invitations,
  materials,
  onboardingApplications,
  sessions,
  users,
} from "../../worker/db/schema";
import { hashInvitationToken as hashToken } from "../../worker/features/invitations/invitation-tokens";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, sessionCookie } from "./auth-support";
import { facts, freshEmail, freshUscc, licence, PASSWORD, PDF } from "./onboarding-support";
import { roundTrips } from "./round-trip-support";
import { demo, host, type Json, ORIGIN } from "./subsidies-support";

/** An action: the session (or the zone's state), its checks' reads, its one guarded write. */
const ACTION = 3;
const db = () => dbFor("zibo");
const pdf = (name: string) => new File([PDF], name, { type: "application/pdf" });

interface Sent {
  status: number;
  body: Json;
  waves: number;
  location: string | null;
  res: Response;
}

async function sent(res: Response): Promise<Sent> {
  const text = await res.text();
  const isJson = res.headers.get("content-type")?.includes("json");
  return {
    status: res.status,
    body: (isJson && text ? JSON.parse(text) : { html: text }) as Json,
    waves: roundTrips(res).waves,
    location: res.headers.get("location"),
    res,
  };
}

const json = async (path: string, data: unknown, cookie?: string) =>
  sent(await call(host, "POST", path, { cookie, ip: freshIp(), origin: ORIGIN, body: JSON.stringify(data) }));

const urlForm = async (path: string, fields: Record<string, string>, cookie?: string) =>
  sent(
    await call(host, "POST", path, {
      cookie,
      ip: freshIp(),
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: new URLSearchParams(fields).toString(),
    }),
  );

/** A multipart form post as the browser sends one (files included). */
async function multipart(path: string, fields: Record<string, string>, files: Record<string, File>, cookie?: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, v] of Object.entries(files)) body.append(k, v);
  const headers = new Headers({ origin: ORIGIN, "cf-connecting-ip": freshIp() });
  if (cookie) headers.set("cookie", cookie);
  return sent(
    await exports.default.fetch(`http://${host}${path}`, { method: "POST", headers, body, redirect: "manual" }),
  );
}

/** The page form's fields for an application (注册资本 in 元). */
function formFields(uscc = freshUscc()) {
  const f = facts({ uscc });
  return {
    companyName: f.companyName,
    uscc,
    legalRep: f.legalRep,
    registeredOn: f.registeredOn,
    registeredCapital: "5000000",
    address: f.address,
    industry: f.industry,
    industryClass: f.industryClass,
    employees: String(f.employees),
    contactName: f.contactName,
    contactMobile: f.contactMobile,
    contactEmail: f.contactEmail,
  };
}

const app = async (id: string) =>
  (await db().select().from(onboardingApplications).where(eq(onboardingApplications.id, id)))[0];
const bank = async (id: string) => (await db().select().from(banks).where(eq(banks.id, id)))[0]!;
const userByEmail = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0];
const invitation = async (tokenHash: string) =>
  (await db().select().from(invitations).where(eq(invitations.tokenHash, tokenHash)))[0]!;
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

let reviewer = "";
let admin = "";
beforeAll(async () => {
  [reviewer, admin] = await Promise.all([demo("reviewer"), demo("admin")]);
});

/** Applied by API, each with the applicant's email and cookie: returned/resubmitted, rejected, approved by API. */
const byApi: Record<string, { id: string; email: string; cookie: string; body: Json }> = {};

async function applyByApi(name: string) {
  const email = freshEmail();
  const body = facts();
  const r = await json("/api/v1/onboarding/applications", {
    ...body,
    loginEmail: email,
    password: PASSWORD,
    materials: [licence],
  });
  expect(r.status).toBe(201);
  byApi[name] = { id: r.body.id, email, cookie: sessionCookie(r.res), body };
  return r;
}

describe("申请入驻 and 入驻审核: every write in one read wave and one guarded write batch", () => {
  it("POST /api/v1/onboarding/applications (anonymous): account, application, file and session", async () => {
    const r = await applyByApi("api");
    const row = await app(r.body.id);
    expect(row).toMatchObject({ status: "submitted", uscc: byApi.api!.body.uscc });
    const user = await userByEmail(byApi.api!.email);
    expect(user).toMatchObject({ role: "enterprise", enterpriseId: null });
    expect(row!.applicantUserId).toBe(user!.id);
    const files = await db()
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, r.body.id)));
    expect(files.map((f) => f.kind)).toEqual(["business_licence"]);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /applications/{id}/return (reviewer): returned with the note", async () => {
    const r = await json(
      `/api/v1/onboarding/applications/${byApi.api!.id}/return`,
      {
        comment: "注册资本与营业执照不一致,请核对。",
      },
      reviewer,
    );
    expect(r.status).toBe(200);
    expect(await app(byApi.api!.id)).toMatchObject({
      status: "returned",
      reviewNote: "注册资本与营业执照不一致,请核对。",
    });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /applications/{id}/resubmit (the applicant): corrected and submitted again", async () => {
    const a = byApi.api!;
    const r = await json(
      `/api/v1/onboarding/applications/${a.id}/resubmit`,
      { ...a.body, registeredCapitalFen: 300_000_000, materials: [{ ...licence, filename: "营业执照-更正.pdf" }] },
      a.cookie,
    );
    expect(r.status).toBe(200);
    expect(await app(a.id)).toMatchObject({ status: "submitted", registeredCapitalFen: 300_000_000 });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /applications/{id}/reject (reviewer): rejected", async () => {
    await applyByApi("rejected");
    const r = await json(
      `/api/v1/onboarding/applications/${byApi.rejected!.id}/reject`,
      {
        comment: "不属于本园区重点产业。",
      },
      reviewer,
    );
    expect(r.status).toBe(200);
    expect(await app(byApi.rejected!.id)).toMatchObject({ status: "rejected" });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /applications/{id}/approve (reviewer): the enterprise exists, the applicant is its member", async () => {
    const a = byApi.api!;
    const r = await json(`/api/v1/onboarding/applications/${a.id}/approve`, { comment: "" }, reviewer);
    expect(r.status).toBe(200);
    const row = await app(a.id);
    expect(row).toMatchObject({ status: "approved" });
    const [ent] = await db().select().from(enterprises).where(eq(enterprises.id, row!.enterpriseId!));
    expect(ent).toMatchObject({ uscc: a.body.uscc });
    const user = await userByEmail(a.email);
    expect(user!.enterpriseId).toBe(ent!.id);
    // The applicant's sessions end with the approval (a privilege change).
    expect(await db().select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(0);
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  let draftToken = "";
  let draftId = "";
  it("POST /apply/uploads (the page's script, anonymous): the file is kept under the draft token", async () => {
    const page = await call(host, "GET", "/apply");
    draftToken = /name="draftToken" value="([a-z2-7]{32})"/.exec(await page.text())![1]!;
    const r = await multipart("/apply/uploads", { draftToken, kind: "business_licence" }, { file: pdf("草稿.pdf") });
    expect(r.status).toBe(201);
    draftId = r.body.upload.id;
    expect((await db().select().from(materials).where(eq(materials.id, draftId)))[0]).toMatchObject({
      filename: "草稿.pdf",
    });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /apply/uploads/delete (anonymous): the kept file is gone", async () => {
    const r = await urlForm("/apply/uploads/delete", { draftToken, id: draftId });
    expect(r.status).toBe(200);
    expect(await db().select().from(materials).where(eq(materials.id, draftId))).toHaveLength(0);
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  const byPage: Record<string, { id: string; email: string; cookie: string; fields: Record<string, string> }> = {};
  async function applyByPage(name: string, files: Record<string, File>, token?: string) {
    const email = freshEmail();
    const fields = formFields();
    const r = await multipart(
      "/apply",
      {
        ...fields,
        loginEmail: email,
        password: PASSWORD,
        confirmPassword: PASSWORD,
        ...(token ? { draftToken: token } : {}),
      },
      files,
    );
    expect(r.status, r.body.html?.slice(0, 300)).toBe(303);
    expect(r.location).toBe("/apply/status?submitted=1");
    const user = await userByEmail(email);
    const [row] = await db()
      .select()
      .from(onboardingApplications)
      .where(eq(onboardingApplications.applicantUserId, user!.id));
    expect(row).toMatchObject({ status: "submitted", uscc: fields.uscc });
    byPage[name] = { id: row!.id, email, cookie: sessionCookie(r.res), fields };
    return r;
  }

  it("POST /apply (the page, anonymous, the licence sent with the form): submitted and signed in", async () => {
    const r = await applyByPage("sent", { "file-licence": pdf("营业执照.pdf") });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /apply with the licence kept as a draft: the kept file becomes the application's", async () => {
    const page = await call(host, "GET", "/apply");
    const token = /name="draftToken" value="([a-z2-7]{32})"/.exec(await page.text())![1]!;
    const up = await multipart(
      "/apply/uploads",
      { draftToken: token, kind: "business_licence" },
      { file: pdf("预传.pdf") },
    );
    expect(up.status).toBe(201);
    const r = await applyByPage("kept", {}, token);
    const [file] = await db().select().from(materials).where(eq(materials.id, up.body.upload.id));
    expect(file).toMatchObject({ ownerId: byPage.kept!.id });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /admin/onboarding/:id/return (the page): returned, back to the application", async () => {
    const id = byPage.sent!.id;
    const r = await urlForm(`/admin/onboarding/${id}/return`, { comment: "请补充法定代表人身份证明。" }, reviewer);
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/admin/onboarding/${id}?done=return`);
    expect(await app(id)).toMatchObject({ status: "returned" });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /apply/status (the applicant's page): corrected and submitted again", async () => {
    const a = byPage.sent!;
    const r = await multipart("/apply/status", { ...a.fields, employees: "90" }, {}, a.cookie);
    expect(r.status, r.body.html?.slice(0, 300)).toBe(303);
    expect(r.location).toBe("/apply/status?resubmitted=1");
    expect(await app(a.id)).toMatchObject({ status: "submitted", employees: 90 });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /admin/onboarding/:id/reject and /approve (the page)", async () => {
    const rejected = await urlForm(`/admin/onboarding/${byPage.kept!.id}/reject`, { comment: "材料不实。" }, reviewer);
    expect(rejected.status).toBe(303);
    expect(await app(byPage.kept!.id)).toMatchObject({ status: "rejected" });
    expect(rejected.waves).toBeLessThanOrEqual(ACTION);
    const approved = await urlForm(`/admin/onboarding/${byPage.sent!.id}/approve`, { comment: "" }, reviewer);
    expect(approved.status).toBe(303);
    const row = await app(byPage.sent!.id);
    expect(row).toMatchObject({ status: "approved" });
    expect((await userByEmail(byPage.sent!.email))!.enterpriseId).toBe(row!.enterpriseId);
    expect(approved.waves).toBeLessThanOrEqual(ACTION);
  });
});

describe("金融机构 administration and invitations: every write within its budget", () => {
  let bankId = "";
  let pageBankId = "";
  const links: Record<string, string> = {};
  const bankBody = (name: string) => ({
    name,
    branch: "淄博高新区支行",
    uscc: freshUscc(),
    contactName: "周经理",
    contactPhone: "0533-3580000",
    contactEmail: `bank-${newId().slice(0, 8)}@example.cn`,
  });

  it("POST /api/v1/admin/banks: registered", async () => {
    const r = await json("/api/v1/admin/banks", bankBody(`往返测试银行${newId().slice(0, 4)}`), admin);
    expect(r.status).toBe(201);
    bankId = r.body.bank.id;
    expect(await bank(bankId)).toMatchObject({ status: "active" });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /admin/banks (the page): registered, on to its page", async () => {
    const name = `页面往返银行${newId().slice(0, 4)}`;
    const r = await urlForm("/admin/banks", bankBody(name), admin);
    expect(r.status).toBe(303);
    pageBankId = /\/admin\/banks\/([a-z2-7]{26})\?done=registered$/.exec(r.location ?? "")![1]!;
    expect(await bank(pageBankId)).toMatchObject({ name });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  for (const who of ["api", "page", "revoked", "pageRevoked"]) {
    it(`POST /api/v1/admin/banks/{id}/invitations (${who}): a live link`, async () => {
      const email = freshEmail();
      const r = await json(`/api/v1/admin/banks/${bankId}/invitations`, { email }, admin);
      expect(r.status).toBe(201);
      links[who] = r.body.url;
      expect(await invitation(await hashToken(tokenOf(r.body.url)))).toMatchObject({ email, bankId, revokedAt: null });
      expect(r.waves).toBeLessThanOrEqual(ACTION);
    });
  }

  it("POST /admin/banks/:id/invite (the page): the link is shown once", async () => {
    const email = freshEmail();
    const r = await urlForm(`/admin/banks/${bankId}/invite`, { email }, admin);
    expect(r.status).toBe(200);
    const url = /(http:\/\/[^"<\s]+\/invite\?token=[A-Za-z0-9_-]+)/.exec(r.body.html)![1]!;
    expect(await invitation(await hashToken(tokenOf(url)))).toMatchObject({ email, bankId });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /api/v1/admin/banks/{id}/invitations/{invitation}/revoke: the link stops working", async () => {
    const hash = await hashToken(tokenOf(links.revoked!));
    const r = await json(`/api/v1/admin/banks/${bankId}/invitations/${hash}/revoke`, {}, admin);
    expect(r.status).toBe(200);
    expect((await invitation(hash)).revokedAt).not.toBeNull();
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /admin/banks/:id/invitations/:invitation/revoke (the page)", async () => {
    const hash = await hashToken(tokenOf(links.pageRevoked!));
    const r = await urlForm(`/admin/banks/${bankId}/invitations/${hash}/revoke`, {}, admin);
    expect(r.status).toBe(303);
    expect((await invitation(hash)).revokedAt).not.toBeNull();
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /api/v1/invitations/accept (anonymous): the account exists, signed in", async () => {
    const token = tokenOf(links.api!);
    const r = await json("/api/v1/invitations/accept", { token, name: "接口同事", password: "Invited-Person-42" });
    expect(r.status).toBe(201);
    const user = await userByEmail(r.body.user.email);
    expect(user).toMatchObject({ role: "bank", bankId, name: "接口同事" });
    expect((await invitation(await hashToken(token))).acceptedUserId).toBe(user!.id);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /invite (the page, anonymous): the account exists, on to /", async () => {
    const token = tokenOf(links.page!);
    const password = "Invited-Person-42";
    const r = await urlForm("/invite", { token, name: "页面同事", password, confirm: password });
    expect(r.status).toBe(303);
    expect(r.location).toBe("/");
    const inv = await invitation(await hashToken(token));
    const [user] = await db().select().from(users).where(eq(users.id, inv.acceptedUserId!));
    expect(user).toMatchObject({ name: "页面同事", bankId });
    expect(r.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /api/v1/admin/banks/{id}/suspend and /reactivate: staff signed out, open links revoked", async () => {
    const open = await json(`/api/v1/admin/banks/${bankId}/invitations`, { email: freshEmail() }, admin);
    const staff = await db().select().from(users).where(eq(users.bankId, bankId));
    expect(staff.length).toBe(2);
    const suspended = await json(`/api/v1/admin/banks/${bankId}/suspend`, {}, admin);
    expect(suspended.status).toBe(200);
    expect(suspended.body.bank.status).toBe("suspended");
    expect(await bank(bankId)).toMatchObject({ status: "suspended" });
    for (const s of staff) expect(await db().select().from(sessions).where(eq(sessions.userId, s.id))).toHaveLength(0);
    expect((await invitation(await hashToken(tokenOf(open.body.url)))).revokedAt).not.toBeNull();
    expect(suspended.waves).toBeLessThanOrEqual(ACTION);
    const reactivated = await json(`/api/v1/admin/banks/${bankId}/reactivate`, {}, admin);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.bank.status).toBe("active");
    expect(await bank(bankId)).toMatchObject({ status: "active" });
    expect(reactivated.waves).toBeLessThanOrEqual(ACTION);
  });

  it("POST /admin/banks/:id/suspend and /reactivate (the page)", async () => {
    const suspended = await urlForm(`/admin/banks/${pageBankId}/suspend`, {}, admin);
    expect(suspended.status).toBe(303);
    expect(await bank(pageBankId)).toMatchObject({ status: "suspended" });
    expect(suspended.waves).toBeLessThanOrEqual(ACTION);
    const reactivated = await urlForm(`/admin/banks/${pageBankId}/reactivate`, {}, admin);
    expect(reactivated.status).toBe(303);
    expect(await bank(pageBankId)).toMatchObject({ status: "active" });
    expect(reactivated.waves).toBeLessThanOrEqual(ACTION);
  });
});

describe("the guards in the write batch decide races the reads cannot", () => {
  it("one invitation accepted twice at once: one account, the other refused with 400 and nothing written", async () => {
    const created = await json(
      "/api/v1/admin/banks",
      {
        name: `竞争测试银行${newId().slice(0, 4)}`,
        uscc: freshUscc(),
        contactName: "吴经理",
        contactPhone: "0533-3580001",
        contactEmail: `race-${newId().slice(0, 8)}@example.cn`,
      },
      admin,
    );
    const email = freshEmail();
    const link = await json(`/api/v1/admin/banks/${created.body.bank.id}/invitations`, { email }, admin);
    const token = tokenOf(link.body.url);
    const both = await Promise.all(
      ["甲", "乙"].map((name) => json("/api/v1/invitations/accept", { token, name, password: "Invited-Person-42" })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    const accounts = await db().select().from(users).where(eq(users.email, email));
    expect(accounts).toHaveLength(1);
    expect(await db().select().from(sessions).where(eq(sessions.userId, accounts[0]!.id))).toHaveLength(1);
  });

  it("a bank suspended twice at once: one 200, one 409 with the reason", async () => {
    const created = await json(
      "/api/v1/admin/banks",
      {
        name: `竞争暂停银行${newId().slice(0, 4)}`,
        uscc: freshUscc(),
        contactName: "郑经理",
        contactPhone: "0533-3580002",
        contactEmail: `race-${newId().slice(0, 8)}@example.cn`,
      },
      admin,
    );
    const id = created.body.bank.id;
    const both = await Promise.all([1, 2].map(() => json(`/api/v1/admin/banks/${id}/suspend`, {}, admin)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.message).toBe("这个机构已经是暂停状态。");
  });
});

describe("signed in already: the session the browser came with ends in the same write batch", () => {
  const sessionsOf = async (email: string) =>
    db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, (await userByEmail(email))!.id));

  it("申请入驻 and accepting an invitation, each with another account's cookie: ≤ 3 waves, that session gone", async () => {
    const apply = (loginEmail: string, cookie?: string) =>
      json(
        "/api/v1/onboarding/applications",
        { ...facts(), loginEmail, password: PASSWORD, materials: [licence] },
        cookie,
      );
    const [firstEmail, secondEmail] = [freshEmail(), freshEmail()];
    const first = await apply(firstEmail);
    expect(await sessionsOf(firstEmail)).toHaveLength(1);
    const second = await apply(secondEmail, sessionCookie(first.res));
    expect(second.status).toBe(201);
    expect(await sessionsOf(firstEmail)).toHaveLength(0);
    expect(await sessionsOf(secondEmail)).toHaveLength(1);
    expect(second.waves).toBeLessThanOrEqual(ACTION);

    const created = await json(
      "/api/v1/admin/banks",
      {
        name: `接管测试银行${newId().slice(0, 4)}`,
        uscc: freshUscc(),
        contactName: "钱经理",
        contactPhone: "0533-3580003",
        contactEmail: `takeover-${newId().slice(0, 8)}@example.cn`,
      },
      admin,
    );
    const invitee = freshEmail();
    const link = await json(`/api/v1/admin/banks/${created.body.bank.id}/invitations`, { email: invitee }, admin);
    const accepted = await json(
      "/api/v1/invitations/accept",
      { token: tokenOf(link.body.url), name: "接管同事", password: "Invited-Person-42" },
      sessionCookie(second.res),
    );
    expect(accepted.status).toBe(201);
    expect(await sessionsOf(secondEmail)).toHaveLength(0);
    expect(await sessionsOf(invitee)).toHaveLength(1);
    expect(accepted.waves).toBeLessThanOrEqual(ACTION);
  });
});
