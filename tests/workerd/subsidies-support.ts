/**
 * Helpers for the subsidy API suite: JSON calls with a session, multipart
 * uploads as a browser sends them, an enterprise of its own per test (so the
 * per-enterprise caps never see another suite's awards in the shared database),
 * staff sign-ins, and the Worker's cron run.
 */
import { exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { enterpriseYearlyFigures, enterprises, subsidyApplications, users } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { hashPassword } from "../../worker/features/auth/password";
import { newId } from "../../worker/lib/ids";
import { checkCharacter } from "../../worker/lib/uscc";
import { dbFor, freshIp, login, makeUser, sessionCookie } from "./auth-support";

export const slug = "zibo";
export const host = `${slug}.localhost`;
export const ORIGIN = `http://${host}:8787`;
export const WAN = 1_000_000; // fen in 1 万元
// 3% of the registered contract value, at most 30万 per enterprise per year.
export const PROGRAMME = "zibo-tech-contract";
const PASSWORD = "Correct-Horse-42";
export const APPS = "/api/v1/subsidies/applications";
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai
export const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
export const voucher = () => `V-${crypto.randomUUID().slice(0, 12)}`;

// biome-ignore lint/suspicious/noExplicitAny: tests read the API's answers loosely, by the field they check
export type Json = Record<string, any>;

/** A request to the real Worker; `data` goes as JSON. */
export async function api(
  method: string,
  path: string,
  o: { cookie?: string; data?: unknown; headers?: Record<string, string>; on?: string } = {},
): Promise<{ status: number; body: Json }> {
  const headers = new Headers({ "cf-connecting-ip": freshIp(), ...o.headers });
  if (o.cookie) headers.set("cookie", o.cookie);
  if (o.data !== undefined) headers.set("content-type", "application/json");
  const res = await exports.default.fetch(`http://${o.on ?? host}${path}`, {
    method,
    headers,
    body: o.data === undefined ? undefined : JSON.stringify(o.data),
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

export const review = (cookie: string, id: string, data: Json) => api("POST", `${APPS}/${id}/review`, { cookie, data });

/** A small real PDF (the materials feature checks the type by these bytes). */
export const pdf = (name: string) =>
  new File(
    [`%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`],
    `${name}.pdf`,
    { type: "application/pdf" },
  );

/** One material, multipart as a browser on the zone's own pages sends it. */
export async function upload(
  cookie: string,
  id: string,
  kind: string,
  file: File = pdf(kind),
  origin = ORIGIN,
): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file);
  const res = await exports.default.fetch(`http://${host}/api/v1/subsidies/applications/${id}/materials`, {
    method: "POST",
    headers: { origin, cookie, "cf-connecting-ip": freshIp() },
    body: form,
    redirect: "manual",
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function freshUscc(): string {
  const body = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => USCC_CHARS[b % 31]).join("");
  const first17 = `91370303${body}`;
  return first17 + checkCharacter(first17);
}

/** An admitted enterprise of this test's own, with one member signed in. */
export async function enterpriseWithMember() {
  const db = dbFor(slug);
  const id = newId();
  const name = `申报测试${id.slice(0, 6)}科技有限公司`;
  const now = Date.now();
  await db.insert(enterprises).values({
    id,
    name,
    createdAt: now,
    updatedAt: now,
    uscc: freshUscc(),
    legalRep: "张三",
    registeredOn: "2015-03-01",
    registeredCapitalFen: 500 * WAN,
    address: "山东省淄博市高新区柳泉路 1 号",
    industry: "new-materials",
    industryClass: "C2651",
    employees: 80,
    contactName: "李四",
    contactMobile: "13800138000",
    contactEmail: `contact-${id.slice(0, 8)}@${slug}.test`,
  });
  const userId = newId();
  const email = `member-${userId.slice(0, 8)}@${slug}.test`;
  await db.insert(users).values({
    id: userId,
    email,
    name: "申报经办人",
    role: "enterprise",
    enterpriseId: id,
    passwordHash: await hashPassword(PASSWORD),
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const cookie = sessionCookie(await login(slug, email, PASSWORD));
  return { id, name, member: { id: userId, email, cookie } };
}

/** An enterprise of its own whose last two years of figures qualify zibo-rd-inclusive for 50万; its member's cookie. */
export async function qualifyingMember() {
  const e = await enterpriseWithMember();
  const year = Number(shanghaiDate(new Date()).slice(0, 4));
  const YI = 10_000 * WAN;
  await dbFor(slug)
    .insert(enterpriseYearlyFigures)
    .values([
      {
        enterpriseId: e.id,
        year: year - 2,
        revenueFen: 2 * YI + 5000 * WAN,
        rdExpenseFen: 800 * WAN,
        rdSuperDeductionFen: 2000 * WAN,
        updatedAt: Date.now(),
      },
      {
        enterpriseId: e.id,
        year: year - 1,
        revenueFen: 3 * YI,
        rdExpenseFen: 960 * WAN,
        rdSuperDeductionFen: 3000 * WAN,
        updatedAt: Date.now(),
      },
    ]);
  return e.member.cookie;
}

export const demo = async (who: string, zone = slug) =>
  sessionCookie(await login(zone, `${who}@${zone}.demo`, `Demo-${zone}-2026`));

/** A staff member made for this suite (a second reviewer, so two people can pass two stages). */
export async function staffUser(role: "reviewer" | "zone_admin") {
  const u = await makeUser(slug, role, PASSWORD);
  return { id: u.id, email: u.email, cookie: sessionCookie(await login(slug, u.email, PASSWORD)) };
}

/** The Worker's cron trigger, as the runtime fires it: every zone's housekeeping, 公示 included. */
export async function runScheduled() {
  await (exports.default as unknown as { scheduled(o: { cron: string }): Promise<unknown> }).scheduled({
    cron: "* * * * *",
  });
}

/** Ends an application's 公示 period in the past (the clock the cron reads is the real one). */
export async function endPublicity(id: string) {
  await dbFor(slug)
    .update(subsidyApplications)
    .set({ publicityFrom: "2020-01-02", publicityTo: "2020-01-08" })
    .where(eq(subsidyApplications.id, id));
}

export async function applicationRow(id: string) {
  const [row] = await dbFor(slug).select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
  return row!;
}

/** A draft with its facts and every required material, submitted: in 初审. */
export async function submitted(cookie: string, contractWan: number) {
  const created = await api("POST", "/api/v1/subsidies/applications", {
    cookie,
    data: { programme: PROGRAMME, facts: { contractAmountFen: contractWan * WAN } },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.application.id as string;
  for (const kind of ["contract-registration", "technology-contract"]) {
    const up = await upload(cookie, id, kind);
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  }
  const sub = await api("POST", `/api/v1/subsidies/applications/${id}/submit`, { cookie });
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  return id;
}

/** Passed 初审 and 复审 by two different people: on 公示. */
export async function atPublicity(cookie: string, contractWan: number, first: string, second: string) {
  const id = await submitted(cookie, contractWan);
  for (const staff of [first, second]) {
    const res = await api("POST", `/api/v1/subsidies/applications/${id}/review`, {
      cookie: staff,
      data: { action: "pass" },
    });
    if (res.status !== 200) throw new Error(`review: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}
