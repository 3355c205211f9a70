/**
 * Every write of the enterprise, account and zone-settings features within its round trips
 * (issue 16): the session's one batch, one wave of the action's reads, one guarded write batch
 * that carries its own answer. Each row does the write once on real data, checks that it
 * happened (status and a row or field that proves it) and that it spent at most ACTION waves.
 * An anonymous write (no session batch) is held to one wave less, measured after a request that
 * reads nothing (GET /login) took the zone-state read an isolate waits for when fresh or after a write.
 */
import { exports } from "cloudflare:workers";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enterpriseQualifications,
  enterpriseYearlyFigures,
  enterprises,
  invitations,
  outbox,
  users,
  zoneSettingsVersions,
} from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, login, makeUser, sessionCookie, userRow } from "./auth-support";
import { roundTrips } from "./round-trip-support";
import { demo, enterpriseWithMember, host, ORIGIN, slug, staffUser } from "./subsidies-support";

/** An action: the session, its checks' reads, its one guarded write. */
const ACTION = 3;
const PASSWORD = "Correct-Horse-42";
const db = dbFor(slug);
const SETTINGS = "/api/v1/admin/zone/settings";

/** A real 1×1 PNG. */
const PNG_1X1 = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

const json = (method: string, path: string, cookie: string | undefined, data?: unknown) =>
  call(host, method, path, {
    cookie,
    ip: freshIp(),
    origin: ORIGIN,
    ...(data === undefined ? {} : { body: JSON.stringify(data) }),
  });
const form = (path: string, cookie: string | undefined, data: Record<string, string>) =>
  call(host, "POST", path, {
    cookie,
    ip: freshIp(),
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(data).toString(),
  });
const multipart = (method: string, path: string, cookie: string, body: FormData | Uint8Array, type?: string) =>
  exports.default.fetch(`http://${host}${path}`, {
    method,
    headers: { origin: ORIGIN, cookie, "cf-connecting-ip": freshIp(), ...(type ? { "content-type": type } : {}) },
    body,
    redirect: "manual",
  });

/**
 * A request that reads nothing (GET /login), just before an anonymous write: it spends the zone-state
 * read the isolate may wait for (a fresh isolate, or one that served a write), so the write that
 * follows is measured on its own.
 */
async function base(): Promise<void> {
  expect(roundTrips(await call(host, "GET", "/login", { ip: freshIp() })).waves).toBeLessThanOrEqual(1);
}

const member = { cookie: "", enterpriseId: "" };
const staff = { reviewer: "", admin: "", adminId: "" };
let colleagueId = "";
let otherEnterpriseId = "";
let startVersion = 0;

async function memberOf(enterpriseId: string) {
  const u = await makeUser(slug, "enterprise", PASSWORD);
  await db.update(users).set({ enterpriseId }).where(eq(users.id, u.id));
  return u;
}
const signIn = async (u: { email: string; password: string }) => sessionCookie(await login(slug, u.email, u.password));
async function resetLinkOf(email: string): Promise<string> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, email), eq(outbox.kind, "password_reset_link")))
    .orderBy(desc(outbox.id))
    .limit(1);
  const url = /https?:\/\/\S+reset-password\?token=[\w-]+/.exec(row!.body)![0];
  return new URL(url).searchParams.get("token")!;
}
async function latestSettingsVersion(): Promise<number> {
  const [row] = await db
    .select({ v: zoneSettingsVersions.version })
    .from(zoneSettingsVersions)
    .orderBy(desc(zoneSettingsVersions.version))
    .limit(1);
  return row?.v ?? 0;
}
async function qualificationClaim(enterpriseId: string) {
  const id = newId();
  await db.insert(enterpriseQualifications).values({
    id,
    enterpriseId,
    code: "specialised",
    status: "pending_review",
    createdAt: Date.now(),
  });
  return id;
}

beforeAll(async () => {
  const e = await enterpriseWithMember();
  member.cookie = e.member.cookie;
  member.enterpriseId = e.id;
  colleagueId = (await memberOf(e.id)).id;
  otherEnterpriseId = (await enterpriseWithMember()).id;
  const admin = await staffUser("zone_admin");
  staff.admin = admin.cookie;
  staff.adminId = admin.id;
  staff.reviewer = await demo("reviewer");
  startVersion = await latestSettingsVersion();
});

interface Write {
  name: string;
  /** Waves allowed; ACTION unless the row says why not. */
  budget?: number;
  /** Anonymous: `base` runs first; the write itself has no session batch, so it is held to ACTION - 1. */
  anonymous?: boolean;
  run(): Promise<Response>;
  check(res: Response): Promise<void>;
}

const inYears = (n: number, monthDay: string) => `${new Date().getUTCFullYear() + n}-${monthDay}`;

const enterpriseWrites: Write[] = [
  {
    name: "API PUT /api/v1/enterprise/figures/{year}",
    run: () =>
      json("PUT", "/api/v1/enterprise/figures/2024", member.cookie, {
        revenueFen: 123_456_700,
        rdExpenseFen: 1_000_000,
        rdSuperDeductionFen: null,
        taxPaidFen: null,
        employees: 50,
        rdStaff: 10,
      }),
    async check(res) {
      expect(res.status).toBe(200);
      expect(((await res.json()) as { figures: { revenueFen: number } }).figures.revenueFen).toBe(123_456_700);
    },
  },
  {
    name: "form POST /enterprise/figures",
    run: () =>
      form("/enterprise/figures", member.cookie, {
        year: "2023",
        revenue: "12345.67",
        rdExpense: "1000",
        rdSuperDeduction: "",
        taxPaid: "",
        employees: "50",
        rdStaff: "10",
      }),
    async check(res) {
      expect(res.status).toBe(303);
      const [row] = await db
        .select()
        .from(enterpriseYearlyFigures)
        .where(
          and(eq(enterpriseYearlyFigures.enterpriseId, member.enterpriseId), eq(enterpriseYearlyFigures.year, 2023)),
        );
      expect(row?.revenueFen).toBe(1_234_567);
    },
  },
  {
    name: "form POST /enterprise/profile",
    run: () =>
      form("/enterprise/profile", member.cookie, {
        address: "淄博市高新区往返路 3 号",
        contactName: "李四",
        contactMobile: "13800138000",
        contactEmail: `contact-${member.enterpriseId.slice(0, 8)}@${slug}.test`,
        employees: "81",
        industry: "new-materials",
        industryClass: "C2651",
      }),
    async check(res) {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/enterprise?done=profile");
      const [row] = await db.select().from(enterprises).where(eq(enterprises.id, member.enterpriseId));
      expect(row).toMatchObject({ address: "淄博市高新区往返路 3 号", employees: 81 });
    },
  },
  {
    name: "form POST /enterprise/qualifications (with its certificate)",
    run: () => {
      const body = new FormData();
      for (const [k, v] of Object.entries({
        code: "hnte",
        certificateNo: `GR${Date.now()}`,
        issuedOn: "2024-01-10",
        validUntil: inYears(2, "01-09"),
      }))
        body.append(k, v);
      body.append("certificate", new File(["%PDF-1.4 证书"], "证书.pdf", { type: "application/pdf" }));
      return multipart("POST", "/enterprise/qualifications", member.cookie, body);
    },
    async check(res) {
      expect(res.status).toBe(303);
      const rows = await db
        .select()
        .from(enterpriseQualifications)
        .where(
          and(
            eq(enterpriseQualifications.enterpriseId, member.enterpriseId),
            eq(enterpriseQualifications.code, "hnte"),
          ),
        );
      expect(rows.map((q) => q.status)).toEqual(["pending_review"]);
    },
  },
  ...(["verify", "reject"] as const).map((decision): Write => {
    let id = "";
    return {
      name: `form POST /admin/qualifications/:id/${decision}`,
      run: async () => {
        id = await qualificationClaim(member.enterpriseId);
        return form(`/admin/qualifications/${id}/${decision}`, staff.reviewer, { note: "证书已核对" });
      },
      async check(res) {
        expect(res.status).toBe(303);
        const [row] = await db.select().from(enterpriseQualifications).where(eq(enterpriseQualifications.id, id));
        expect(row?.status).toBe(decision === "verify" ? "verified" : "rejected");
      },
    };
  }),
  ...(["suspend", "reactivate"] as const).map(
    (action): Write => ({
      name: `form POST /admin/enterprises/:id/${action}`,
      run: () => form(`/admin/enterprises/${otherEnterpriseId}/${action}`, staff.admin, {}),
      async check(res) {
        expect(res.status).toBe(303);
        const [row] = await db.select().from(enterprises).where(eq(enterprises.id, otherEnterpriseId));
        expect(row?.status).toBe(action === "suspend" ? "suspended" : "active");
      },
    }),
  ),
  (() => {
    const email = `colleague-${newId().slice(0, 8)}@${slug}.test`;
    return {
      name: "form POST /enterprise/invitations",
      run: () => form("/enterprise/invitations", member.cookie, { email }),
      async check(res) {
        expect(res.status).toBe(200);
        expect(await res.text()).toContain("invite-link");
        const [inv] = await db.select().from(invitations).where(eq(invitations.email, email));
        expect(inv).toMatchObject({ enterpriseId: member.enterpriseId });
      },
    };
  })(),
  (() => {
    let tokenHash = "";
    return {
      name: "form POST /enterprise/invitations/:tokenHash/revoke",
      run: async () => {
        const [inv] = await db
          .select()
          .from(invitations)
          .where(eq(invitations.enterpriseId, member.enterpriseId))
          .orderBy(desc(invitations.createdAt))
          .limit(1);
        tokenHash = inv!.tokenHash;
        return form(`/enterprise/invitations/${tokenHash}/revoke`, member.cookie, {});
      },
      async check(res) {
        expect(res.status).toBe(303);
        const [inv] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
        expect(inv?.revokedAt).not.toBeNull();
      },
    };
  })(),
  {
    name: "form POST /enterprise/members/:userId/remove",
    run: () => form(`/enterprise/members/${colleagueId}/remove`, member.cookie, {}),
    async check(res) {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/enterprise?done=removed");
      expect((await userRow(slug, colleagueId)).status).toBe("disabled");
    },
  },
];

/** A user of this suite's own, signed in, for the account's writes. */
const account = { id: "", email: "", cookie: "" };
/** The admin's target: a user with a mobile on record, for the reset link's SMS. */
const target = { id: "", email: "", token: "" };
/** A reset link's token for the anonymous confirm, from the request before it. */
const reset = { apiEmail: "", pageEmail: "" };

const authWrites: Write[] = [
  {
    name: "API POST /api/v1/me/password",
    run: async () => {
      const u = await makeUser(slug, "enterprise", PASSWORD);
      Object.assign(account, { id: u.id, email: u.email, cookie: await signIn(u) });
      return json("POST", "/api/v1/me/password", account.cookie, {
        currentPassword: PASSWORD,
        newPassword: "Round-Trip-Secret-71",
      });
    },
    async check(res) {
      expect(res.status).toBe(200);
      account.cookie = sessionCookie(res);
      expect((await userRow(slug, account.id)).passwordChangedAt).toBeGreaterThan(Date.now() - 60_000);
    },
  },
  {
    name: "form POST /account/password",
    run: () =>
      form("/account/password", account.cookie, {
        currentPassword: "Round-Trip-Secret-71",
        newPassword: "Round-Trip-Secret-72",
        confirmPassword: "Round-Trip-Secret-72",
      }),
    async check(res) {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/account/password?changed=1");
      expect((await login(slug, account.email, "Round-Trip-Secret-72", { ip: freshIp() })).status).toBe(200);
    },
  },
  {
    name: "API POST /api/v1/auth/password-reset/request (anonymous)",
    anonymous: true,
    run: async () => {
      reset.apiEmail = (await makeUser(slug, "enterprise", PASSWORD)).email;
      return json("POST", "/api/v1/auth/password-reset/request", undefined, { email: reset.apiEmail });
    },
    async check(res) {
      expect(res.status).toBe(202);
      expect(await resetLinkOf(reset.apiEmail)).toMatch(/^[\w-]{43,}$/);
    },
  },
  {
    name: "API POST /api/v1/auth/password-reset/confirm (anonymous)",
    anonymous: true,
    run: async () =>
      json("POST", "/api/v1/auth/password-reset/confirm", undefined, {
        token: await resetLinkOf(reset.apiEmail),
        password: "Reset-By-Api-Secret-73",
      }),
    async check(res) {
      expect(res.status).toBe(200);
      expect((await login(slug, reset.apiEmail, "Reset-By-Api-Secret-73", { ip: freshIp() })).status).toBe(200);
    },
  },
  {
    name: "form POST /forgot-password (anonymous)",
    anonymous: true,
    run: async () => {
      reset.pageEmail = (await makeUser(slug, "enterprise", PASSWORD)).email;
      return form("/forgot-password", undefined, { email: reset.pageEmail });
    },
    async check(res) {
      expect(res.status).toBe(200);
      expect(await resetLinkOf(reset.pageEmail)).toMatch(/^[\w-]{43,}$/);
    },
  },
  {
    name: "form POST /reset-password (anonymous)",
    anonymous: true,
    run: async () =>
      form("/reset-password", undefined, {
        token: await resetLinkOf(reset.pageEmail),
        password: "Reset-By-Page-Secret-74",
        confirm: "Reset-By-Page-Secret-74",
      }),
    async check(res) {
      expect(res.status).toBe(200);
      expect((await login(slug, reset.pageEmail, "Reset-By-Page-Secret-74", { ip: freshIp() })).status).toBe(200);
    },
  },
  {
    name: "API POST /api/v1/admin/users/{id}/reset-link",
    run: async () => {
      const u = await makeUser(slug, "enterprise", PASSWORD);
      await db
        .update(users)
        .set({ mobile: `137${String(Date.now()).slice(-8)}` })
        .where(eq(users.id, u.id));
      Object.assign(target, { id: u.id, email: u.email });
      return json("POST", `/api/v1/admin/users/${u.id}/reset-link`, staff.admin);
    },
    async check(res) {
      expect(res.status).toBe(200);
      target.token = new URL(((await res.json()) as { url: string }).url).searchParams.get("token")!;
      expect(target.token).toBe(await resetLinkOf(target.email));
    },
  },
  {
    name: "API POST /api/v1/admin/users/{id}/reset-link/sms",
    run: () => json("POST", `/api/v1/admin/users/${target.id}/reset-link/sms`, staff.admin, { token: target.token }),
    async check(res) {
      expect(res.status).toBe(200);
      expect(await smsCount(target.id)).toBe(1);
    },
  },
  {
    name: "form POST /admin/users/:id/reset-link",
    run: () => form(`/admin/users/${target.id}/reset-link`, staff.admin, {}),
    async check(res) {
      expect(res.status).toBe(200);
      const url = /<code[^>]*>(https?:[^<]+)<\/code>/.exec(await res.text())![1]!.replaceAll("&amp;", "&");
      target.token = new URL(url).searchParams.get("token")!;
      expect(target.token).toBe(await resetLinkOf(target.email));
    },
  },
  {
    name: "form POST /admin/users/:id/reset-link/sms",
    run: () => form(`/admin/users/${target.id}/reset-link/sms`, staff.admin, { token: target.token }),
    async check(res) {
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("已通过短信发送到");
      expect(await smsCount(target.id)).toBe(2);
    },
  },
  ...(["disable", "enable", "end-sessions", "unlock"] as const).flatMap((action): Write[] =>
    (["api", "page"] as const).map((via) => ({
      name: via === "api" ? `API POST /api/v1/admin/users/{id}/${action}` : `form POST /admin/users/:id/${action}`,
      run: () =>
        via === "api"
          ? json("POST", `/api/v1/admin/users/${target.id}/${action}`, staff.admin)
          : form(`/admin/users/${target.id}/${action}`, staff.admin, {}),
      async check(res) {
        expect(res.status).toBe(via === "api" ? 200 : 303);
        const row = await userRow(slug, target.id);
        if (action === "disable") expect(row.status).toBe("disabled");
        if (action === "enable") expect(row.status).toBe("active");
        if (action === "end-sessions" || action === "unlock") expect(row.status).toBe("active");
      },
    })),
  ),
  {
    name: "form POST /logout",
    run: async () => {
      account.cookie = sessionCookie(await login(slug, account.email, "Round-Trip-Secret-72", { ip: freshIp() }));
      return form("/logout", account.cookie, {});
    },
    async check(res) {
      expect(res.status).toBe(303);
      expect((await call(host, "GET", "/api/v1/me", { cookie: account.cookie, ip: freshIp() })).status).toBe(401);
      account.cookie = sessionCookie(await login(slug, account.email, "Round-Trip-Secret-72", { ip: freshIp() }));
    },
  },
  {
    name: "API POST /api/v1/auth/logout",
    run: () => json("POST", "/api/v1/auth/logout", account.cookie),
    async check(res) {
      expect(res.status).toBe(204);
      expect((await call(host, "GET", "/api/v1/me", { cookie: account.cookie, ip: freshIp() })).status).toBe(401);
    },
  },
];

async function smsCount(userId: string) {
  const { mobile } = await userRow(slug, userId);
  return (
    await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, mobile!), eq(outbox.channel, "sms")))
  ).length;
}

/** The contact section as the settings page shows it, with the page's version. */
async function contactForm(): Promise<Record<string, string>> {
  const html = await (await call(host, "GET", "/admin/settings", { cookie: staff.admin, ip: freshIp() })).text();
  const value = (name: string) =>
    new RegExp(`name="${name.replace(".", "\\.")}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? "";
  const out: Record<string, string> = {};
  for (const name of ["contact.phone", "contact.office", "contact.passwordHelp", "version"]) out[name] = value(name);
  return out;
}
const settingsRow = async (version: number) =>
  (await db.select().from(zoneSettingsVersions).where(eq(zoneSettingsVersions.version, version)))[0];

/** The version the API's PUT wrote, and the contact form's: restored below (reading a stored version). */
const written = { api: 0, page: 0 };

const settingsWrites: Write[] = [
  {
    name: "API PUT /api/v1/admin/zone/settings",
    run: () => json("PUT", SETTINGS, staff.admin, { contact: { office: `园区办(往返测试 ${newId().slice(0, 4)})` } }),
    async check(res) {
      expect(res.status).toBe(200);
      written.api = Number(res.headers.get("etag")!.replaceAll('"', ""));
      expect(written.api).toBeGreaterThan(startVersion);
      expect((await settingsRow(written.api))?.changedByUserId).toBe(staff.adminId);
    },
  },
  {
    name: "API PUT /api/v1/admin/zone/settings/logo",
    run: () => multipart("PUT", `${SETTINGS}/logo`, staff.admin, PNG_1X1, "image/png"),
    async check(res) {
      expect(res.status).toBe(200);
      expect(((await res.json()) as { branding: { logo: string } }).branding.logo).toMatch(/^zibo\/branding\/logo-/);
    },
  },
  {
    name: "API DELETE /api/v1/admin/zone/settings/logo",
    run: () => json("DELETE", `${SETTINGS}/logo`, staff.admin),
    async check(res) {
      expect(res.status).toBe(200);
      expect(((await res.json()) as { branding: { logo: string | null } }).branding.logo).toBeNull();
    },
  },
  {
    name: "API POST /api/v1/admin/zone/settings/versions/{version}/restore",
    run: () => json("POST", `${SETTINGS}/versions/${written.api}/restore`, staff.admin),
    async check(res) {
      expect(res.status).toBe(200);
      const version = Number(res.headers.get("etag")!.replaceAll('"', ""));
      expect((await settingsRow(version))?.restoredFrom).toBe(written.api);
    },
  },
  (() => {
    const office = `园区办(表单往返 ${newId().slice(0, 4)})`;
    let fields: Record<string, string> = {};
    return {
      name: "form POST /admin/settings/contact (a section)",
      run: async () => {
        fields = await contactForm();
        return form("/admin/settings/contact", staff.admin, { ...fields, "contact.office": office });
      },
      async check(res) {
        expect(res.status).toBe(303);
        written.page = await latestSettingsVersion();
        expect(JSON.parse((await settingsRow(written.page))!.data).contact.office).toBe(office);
      },
    };
  })(),
  {
    name: "form POST /admin/settings/logo",
    run: async () => {
      const body = new FormData();
      body.append("version", String(await latestSettingsVersion()));
      body.append("logo", new File([PNG_1X1], "logo.png", { type: "image/png" }));
      return multipart("POST", "/admin/settings/logo", staff.admin, body);
    },
    async check(res) {
      expect(res.status).toBe(303);
      const row = await settingsRow(await latestSettingsVersion());
      expect(JSON.parse(row!.data).branding.logo).toMatch(/^zibo\/branding\/logo-/);
    },
  },
  {
    name: "form POST /admin/settings/logo/remove",
    run: async () =>
      form("/admin/settings/logo/remove", staff.admin, { version: String(await latestSettingsVersion()) }),
    async check(res) {
      expect(res.status).toBe(303);
      const row = await settingsRow(await latestSettingsVersion());
      expect(JSON.parse(row!.data).branding.logo).toBeNull();
    },
  },
  {
    name: "form POST /admin/settings/history (restore)",
    run: () => form("/admin/settings/history", staff.admin, { version: String(written.page) }),
    async check(res) {
      expect(res.status).toBe(303);
      expect((await settingsRow(await latestSettingsVersion()))?.restoredFrom).toBe(written.page);
    },
  },
];

describe("every write of 企业 stays within an action's round trips", () => {
  for (const w of enterpriseWrites) table(w);
});

describe("every write of accounts and passwords stays within an action's round trips", () => {
  for (const w of authWrites) table(w);
});

describe("every write of 园区设置 stays within an action's round trips", () => {
  // The zone is left with the settings this file found.
  afterAll(async () => {
    expect((await json("POST", `${SETTINGS}/versions/${startVersion}/restore`, staff.admin)).status).toBe(200);
  });
  for (const w of settingsWrites) table(w);
});

function table(w: Write) {
  // An anonymous write has no session batch: its read and its write, after `base` took the zone state.
  const budget = (w.budget ?? ACTION) - (w.anonymous ? 1 : 0);
  it(`${w.name}: done in at most ${budget} waves`, async () => {
    if (w.anonymous) await base();
    const res = await w.run();
    const { waves } = roundTrips(res);
    await w.check(res);
    expect(waves, `${w.name}: ${waves} waves`).toBeLessThanOrEqual(budget);
  });
}
