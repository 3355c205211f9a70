/**
 * Shared by the staff-page suites: a zone user signed in on the spot, an
 * enterprise and an application placed straight in the database at the stage a
 * test needs (as the services would leave it), and form posts from the zone.
 */
import { eq } from "drizzle-orm";
import { zones } from "../../tenants/index";
import { numberValues, takeNumber } from "../../worker/db/application-numbers";
import { enterprises, subsidyApplications, subsidyEvents } from "../../worker/db/schema";
import { applicationNumber } from "../../worker/lib/application-number";
import { shanghaiDate } from "../../worker/lib/calendar";
import { loadCurrentPolicy } from "../../worker/features/policies/current-policy";
import { newId } from "../../worker/lib/ids";
import { evaluate } from "../../worker/engines/policy/evaluate";
import { call, dbFor, login, makeUser, sessionCookie } from "./auth-support";

export const slug = "zibo";
export const zone = zones.get(slug)!;
export const host = `${slug}.localhost`;
export const ORIGIN = `http://${host}:8787`;
export const PROGRAMME = "zibo-tech-contract";
export const WAN = 1_000_000; // 1万元 in fen
export const db = () => dbFor(slug);
export const today = () => shanghaiDate(new Date());
export const dayOffset = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));

export const get = (path: string, cookie?: string) => call(host, "GET", path, { cookie });
export const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  call(host, "POST", path, {
    cookie,
    origin: ORIGIN,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });

export async function signIn(role: "reviewer" | "zone_admin" | "enterprise" | "bank") {
  const u = await makeUser(slug, role);
  return { ...u, cookie: sessionCookie(await login(slug, u.email, u.password)) };
}

export async function makeEnterprise() {
  const id = newId();
  const row = {
    id,
    name: `兑现测试${id.slice(0, 6)}有限公司`,
    createdAt: Date.now(),
    contactName: "联系人王五",
    contactMobile: `139${String(Date.now()).slice(-8)}`,
    contactEmail: `contact-${id.slice(0, 8)}@${slug}.test`,
  };
  await db().insert(enterprises).values(row);
  return row;
}

export type At = "first-review" | "second-review" | "publicity" | "payment" | "awarded";

/**
 * An application for 技术合同交易扶持 (500万 of contracts → 15万), submitted and
 * moved to `at`, as the services would leave it.
 */
export async function makeApplication(
  enterpriseId: string,
  at: At,
  over: Partial<typeof subsidyApplications.$inferInsert> = {},
) {
  const policy = (await loadCurrentPolicy({ db: db(), zone }, today()))!;
  const facts = { contractAmountFen: 500 * WAN };
  const result = evaluate(policy.compiled.programmes.get(PROGRAMME)!, { facts, history: [], date: today() });
  const id = newId();
  const t = Date.now() - 3 * 86_400_000;
  const stage = at === "awarded" ? "payment" : at;
  // Numbered as createApplication numbers it: the counter taken in the same batch as the row.
  const year = Number(today().slice(0, 4));
  await db().batch([
    takeNumber(db(), "subsidy", year),
    db()
      .insert(subsidyApplications)
      .values({
        id,
        ...numberValues("subsidy", year),
        programmeId: PROGRAMME,
        enterpriseId,
        createdBy: "test",
        status: at === "awarded" ? "awarded" : "in_review",
        stage,
        facts: JSON.stringify(facts),
        policyVersion: policy.version.id,
        evaluation: JSON.stringify({ ...result, policyVersion: policy.version.id }),
        requestedFen: result.amountFen,
        amountFen: result.amountFen,
        awardYear: Number(today().slice(0, 4)),
        createdAt: t,
        updatedAt: t,
        submittedAt: t,
        stageEnteredAt: t,
        dueOn: at === "publicity" ? dayOffset(7) : dayOffset(5),
        ...(at === "publicity" ? { publicityFrom: today(), publicityTo: dayOffset(7) } : {}),
        ...over,
      }),
  ]);
  await db()
    .insert(subsidyEvents)
    .values([
      { applicationId: id, at: t, actor: "applicant@test", action: "created" },
      {
        applicationId: id,
        at: t + 1000,
        actor: "applicant@test",
        action: "submitted",
        toStage: "first-review",
        amountFen: result.amountFen,
      },
    ]);
  return { id, amountFen: result.amountFen!, number: applicationNumber(zone, "subsidy", await row(id))! };
}

export const row = async (id: string) =>
  (await db().select().from(subsidyApplications).where(eq(subsidyApplications.id, id)))[0]!;
