/** One-time invitations into a bank or an enterprise, against the real Worker. */
import { describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { zones } from "../../tenants/index";
import { auditLog, banks, enterprises, invitations, outbox, users } from "../../worker/db/schema";
import { createInvitation } from "../../worker/features/invitations/create-invitation";
import { hashInvitationToken } from "../../worker/features/invitations/invitation-tokens";
import { listOpenInvitations } from "../../worker/features/invitations/list-open-invitations";
import { revokeInvitation } from "../../worker/features/invitations/revoke-invitation";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";
const db = dbFor("zibo");

async function makeBank(name = "测试银行") {
  const id = newId();
  await db.insert(banks).values({ id, name, branch: "高新区支行", createdAt: Date.now() });
  return id;
}

async function makeEnterprise(name = "测试科技有限公司") {
  const id = newId();
  await db.insert(enterprises).values({ id, name, createdAt: Date.now() });
  return id;
}

const freshEmail = () => `invitee-${newId().slice(0, 10)}@zibo.test`;

/** Invites through the service, as the enterprise-profile and bank features do. */
async function invite(
  email: string,
  org: { bankId: string } | { enterpriseId: string },
  inviter: { id: string; email: string } = { id: "inviter-id", email: "inviter@zibo.test" },
) {
  const actor = { ...inviter, role: "zone_admin" as const, enterpriseId: null, bankId: null };
  const ctx = { db, zone: zones.get("zibo")!, origin: ORIGIN, now: new Date(), ip: freshIp(), actor };
  const role = "bankId" in org ? ("bank" as const) : ("enterprise" as const);
  const { url, expiresAt } = await createInvitation(ctx, { email, role, ...org });
  return { url, expiresAt, token: new URL(url).searchParams.get("token")! };
}

const accept = (token: string, password = "Invited-Person-42", name = "新同事", cookie?: string) =>
  postJson(host, "/api/v1/invitations/accept", { token, name, password }, { ip: freshIp(), cookie });

const form = (path: string, fields: Record<string, string>) =>
  call(host, "POST", path, {
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
    ip: freshIp(),
  });

describe("creating an invitation", () => {
  it("mails a 7-day link from the zone's configured origin, stores only the token's SHA-256, and audits", async () => {
    const bankId = await makeBank();
    const email = freshEmail();
    const { url, token, expiresAt } = await invite(email.toUpperCase(), { bankId });
    expect(url.startsWith(`${ORIGIN}/invite?token=`)).toBe(true);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const rows = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(await hashInvitationToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt - rows[0]!.createdAt).toBe(7 * 86_400_000);
    expect(rows[0]!.expiresAt).toBe(expiresAt.getTime());
    expect(rows[0]).toMatchObject({ role: "bank", bankId, enterpriseId: null });
    const [mail] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, email), eq(outbox.kind, "invitation")));
    expect(mail!.body).toContain(url);
    expect(mail!.body).toContain("测试银行 高新区支行");
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invitation.created"), eq(auditLog.target, email)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(JSON.stringify(audits)).not.toContain(rows[0]!.tokenHash);
  });

  it("refuses (409) an email that already has an account in the zone, creating nothing", async () => {
    const existing = await makeUser("zibo", "enterprise");
    const bankId = await makeBank();
    await expect(invite(existing.email, { bankId })).rejects.toMatchObject({ status: 409 });
    expect(await db.select().from(invitations).where(eq(invitations.email, existing.email))).toEqual([]);
  });

  it("a newer invitation for the same email and organisation revokes the older one", async () => {
    const bankId = await makeBank();
    const email = freshEmail();
    const older = await invite(email, { bankId });
    const newer = await invite(email, { bankId });
    expect((await listOpenInvitations({ db, now: new Date() }, { bankId })).map((i) => i.email)).toEqual([email]);
    expect((await accept(older.token)).status).toBe(400);
    expect((await accept(newer.token)).status).toBe(201);
  });
});

describe("accepting an invitation", () => {
  it("through the API creates a bank user of that bank, signs them in, and works only once", async () => {
    const bankId = await makeBank();
    const email = freshEmail();
    const { token } = await invite(email, { bankId });
    const res = await accept(token);
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string; email: string; role: string } };
    expect(user).toMatchObject({ email, role: "bank", name: "新同事" });
    const row = (await db.select().from(users).where(eq(users.id, user.id)))[0]!;
    expect(row).toMatchObject({ role: "bank", bankId, enterpriseId: null, status: "active" });
    const me = await call(host, "GET", "/api/v1/me", { cookie: sessionCookie(res) });
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(user.id);
    const [inv] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(inv).toMatchObject({ acceptedUserId: user.id });
    expect((await accept(token, "Another-Person-43")).status).toBe(400);
    expect((await login("zibo", email, "Invited-Person-42")).status).toBe(200);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.target, email))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["invitation.created", "invitation.accepted"]));
  });

  it(
    "through the page shows the organisation and email (no-referrer, no-store), " +
      "then makes an enterprise member and signs in",
    async () => {
      const enterpriseId = await makeEnterprise("淄博示例新材料有限公司");
      const email = freshEmail();
      const { token } = await invite(email, { enterpriseId });
      const page = await call(host, "GET", `/invite?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("referrer-policy")).toBe("no-referrer");
      expect(page.headers.get("cache-control")).toBe("no-store");
      const html = await page.text();
      expect(html).toContain("淄博示例新材料有限公司");
      expect(html).toContain(email);

      const mismatch = await form("/invite", {
        token,
        name: "王工",
        password: "Invited-Person-42",
        confirm: "Invited-Person-43",
      });
      expect(mismatch.status).toBe(422);
      const again = await mismatch.text();
      expect(again).toContain("两次输入的密码不一致");
      expect(again).toContain('value="王工"');

      const res = await form("/invite", {
        token,
        name: "王工",
        password: "Invited-Person-42",
        confirm: "Invited-Person-42",
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/");
      const me = (await (await call(host, "GET", "/api/v1/me", { cookie: sessionCookie(res) })).json()) as {
        user: { email: string; role: string };
      };
      expect(me.user).toMatchObject({ email, role: "enterprise" });
      const [row] = await db.select().from(users).where(eq(users.email, email));
      expect(row).toMatchObject({ role: "enterprise", enterpriseId, bankId: null, name: "王工" });

      const used = await call(host, "GET", `/invite?token=${token}`);
      expect(used.status).toBe(400);
      expect(await used.text()).toContain("重新发送邀请");
    },
  );

  it("refuses an expired invitation (timestamp moved back in the database)", async () => {
    const bankId = await makeBank();
    const email = freshEmail();
    const { token } = await invite(email, { bankId });
    await db.run(sql`UPDATE invitations SET expires_at = ${Date.now() - 1} WHERE email = ${email}`);
    expect((await call(host, "GET", `/invite?token=${token}`)).status).toBe(400);
    expect((await accept(token)).status).toBe(400);
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("refuses a revoked invitation, and revoking is scoped to the organisation", async () => {
    const bankId = await makeBank();
    const otherBank = await makeBank("别家银行");
    const email = freshEmail();
    const { token } = await invite(email, { bankId });
    const actor = {
      id: "admin-id",
      email: "admin@zibo.test",
      role: "zone_admin" as const,
      enterpriseId: null,
      bankId: null,
    };
    const ctx = { db, now: new Date(), ip: freshIp(), actor };
    const tokenHash = await hashInvitationToken(token);
    await expect(revokeInvitation(ctx, tokenHash, { bankId: otherBank })).rejects.toMatchObject({ status: 404 });
    await revokeInvitation(ctx, tokenHash, { bankId });
    expect((await accept(token)).status).toBe(400);
    expect(await listOpenInvitations({ db, now: new Date() }, { bankId })).toEqual([]);
    expect(
      (
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "invitation.revoked"), eq(auditLog.target, email)))
      ).length,
    ).toBe(1);
  });

  it("judges the password first (422 keeps the link usable) and uses the zone's 等保 rules", async () => {
    const bankId = await makeBank();
    const { token } = await invite(freshEmail(), { bankId });
    const weak = await accept(token, "password");
    expect(weak.status).toBe(422);
    expect(((await weak.json()) as { error: { fields: Record<string, string> } }).error.fields.password).toMatch(
      /常见|8/,
    );
    expect((await accept(token)).status).toBe(201);

    // dongying has the 等保 switch on: three character classes.
    const dy = dbFor("dongying");
    const dyBank = newId();
    await dy.insert(banks).values({ id: dyBank, name: "东营测试银行", createdAt: Date.now() });
    const { url } = await createInvitation(
      {
        db: dy,
        zone: zones.get("dongying")!,
        origin: "http://dongying.localhost:8787",
        now: new Date(),
        ip: freshIp(),
        actor: { id: "x", email: "admin@dongying.test", role: "zone_admin", enterpriseId: null, bankId: null },
      },
      { email: freshEmail(), role: "bank", bankId: dyBank },
    );
    const dyToken = new URL(url).searchParams.get("token")!;
    const simple = await postJson(
      "dongying.localhost",
      "/api/v1/invitations/accept",
      { token: dyToken, name: "李", password: "longbutsimplepassphrase" },
      { ip: freshIp() },
    );
    expect(simple.status).toBe(422);
    expect(
      (
        await postJson(
          "dongying.localhost",
          "/api/v1/invitations/accept",
          { token: dyToken, name: "李", password: "Long-But-Good-77" },
          { ip: freshIp() },
        )
      ).status,
    ).toBe(201);
  });

  it(
    "answers 409 when the email got an account after the invitation was sent, " + "and leaves the invitation open",
    async () => {
      const bankId = await makeBank();
      const email = freshEmail();
      const { token } = await invite(email, { bankId });
      const now = Date.now();
      await db.insert(users).values({
        id: newId(),
        email,
        name: "先来的",
        role: "enterprise",
        passwordHash: "x",
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      expect((await accept(token)).status).toBe(409);
      const [inv] = await db.select().from(invitations).where(eq(invitations.email, email));
      expect(inv!.acceptedAt).toBeNull();
    },
  );

  it("a token from one zone is not valid in another", async () => {
    const bankId = await makeBank();
    const { token } = await invite(freshEmail(), { bankId });
    expect(
      (
        await postJson(
          "dongying.localhost",
          "/api/v1/invitations/accept",
          { token, name: "某人", password: "Invited-Person-42" },
          { ip: freshIp() },
        )
      ).status,
    ).toBe(400);
    expect((await accept(token)).status).toBe(201);
  });

  it("a malformed token gets the 400 page", async () => {
    const res = await call(host, "GET", "/invite?token=short");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("请联系邀请您的人重新发送邀请");
    expect((await call(host, "GET", "/invite")).status).toBe(400);
  });
});

describe("invitation order", () => {
  it("lists open invitations newest first with the inviter's email", async () => {
    const admin = await makeUser("zibo", "zone_admin");
    const bankId = await makeBank();
    const first = freshEmail();
    const second = freshEmail();
    await invite(first, { bankId }, { id: admin.id, email: admin.email });
    await invite(second, { bankId }, { id: admin.id, email: admin.email });
    // Both may land in the same millisecond: date the first one back instead of waiting.
    await db.run(sql`UPDATE invitations SET created_at = created_at - 1000 WHERE email = ${first}`);
    const open = await listOpenInvitations({ db, now: new Date() }, { bankId });
    expect(open.map((i) => [i.email, i.invitedBy])).toEqual([
      [second, admin.email],
      [first, admin.email],
    ]);
    const [latest] = await db.select().from(outbox).where(eq(outbox.recipient, second)).orderBy(desc(outbox.id));
    expect(latest!.kind).toBe("invitation");
  });
});
