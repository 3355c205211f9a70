/**
 * Who may use the subsidy API: members see and change only their own
 * enterprise's applications (another's, or another zone's, is 404), bank users
 * are refused (403), anonymous callers too (401) except on the public notice,
 * members never review, reviewers never record payments; uploads come only
 * from the zone's own pages and within the size limit; staff get the queue and
 * the dashboard. The database is shared with other suites: an enterprise of its own here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { login, makeUser, sessionCookie } from "./auth-support";
import {
  api,
  APPS,
  demo,
  enterpriseWithMember,
  PROGRAMME,
  review,
  slug,
  submitted,
  today,
  upload,
  voucher,
  WAN,
  yesterday,
  type Json,
} from "./subsidies-support";

let reviewer: string; // reviewer@zibo.demo

beforeAll(async () => {
  reviewer = await demo("reviewer");
});

describe("who may do what", () => {
  let id: string;
  let owner: Awaited<ReturnType<typeof enterpriseWithMember>>;
  beforeAll(async () => {
    owner = await enterpriseWithMember();
    id = await submitted(owner.member.cookie, 100);
  });

  it("another enterprise's member finds nothing (404), whatever the route", async () => {
    const other = await demo("applicant2");
    expect((await api("GET", `${APPS}/${id}`, { cookie: other })).status).toBe(404);
    expect((await api("PUT", `${APPS}/${id}/draft`, { cookie: other, data: { formValues: {} } })).status).toBe(404);
    expect((await api("POST", `${APPS}/${id}/submit`, { cookie: other })).status).toBe(404);
    expect((await upload(other, id, "contract-registration")).status).toBe(404);
    const list = await api("GET", APPS, { cookie: other });
    expect(list.status).toBe(200);
    expect((list.body.applications as Json[]).some((a) => a.id === id)).toBe(false);
    const own = await api("GET", APPS, { cookie: owner.member.cookie });
    expect((own.body.applications as Json[]).map((a) => a.id)).toEqual([id]);
    expect(own.body.counts).toEqual([{ status: "in_review", stage: "first-review", n: 1 }]);
  });

  it("another zone does not have it (404)", async () => {
    const dongyingAdmin = await demo("admin", "dongying");
    const res = await api("GET", `${APPS}/${id}`, { cookie: dongyingAdmin, on: "dongying.localhost" });
    expect(res.status).toBe(404);
    expect((await api("GET", `${APPS}/${id}`, { cookie: reviewer })).status).toBe(200); // in its own zone it is there
  });

  it("refuses bank users (403) and anonymous callers (401)", async () => {
    const bank = await demo("bank");
    for (const [method, path, data] of [
      ["GET", APPS, undefined],
      ["GET", `${APPS}/${id}`, undefined],
      ["POST", APPS, { programme: PROGRAMME }],
      ["POST", `${APPS}/${id}/review`, { action: "pass" }],
      ["GET", "/api/v1/admin/subsidies/dashboard", undefined],
    ] as const) {
      expect((await api(method, path, { cookie: bank, data })).status, `${method} ${path}`).toBe(403);
      expect((await api(method, path, { data })).status, `${method} ${path}`).toBe(401);
    }
    // Only the notice and objections are public.
    expect((await api("GET", "/api/v1/subsidies/publicity")).status).toBe(200);
  });

  it("refuses an applicant whose enterprise is not admitted yet (403)", async () => {
    const u = await makeUser(slug, "enterprise");
    const cookie = sessionCookie(await login(slug, u.email, u.password));
    const res = await api("POST", APPS, { cookie, data: { programme: PROGRAMME } });
    expect(res.status).toBe(403);
  });

  it("lets no member review, no reviewer record payments, and no member see the dashboard", async () => {
    expect((await review(owner.member.cookie, id, { action: "pass" })).status).toBe(403);
    expect(
      (
        await api("POST", `${APPS}/${id}/payments`, {
          cookie: reviewer,
          data: { amountFen: 1, paidOn: yesterday(), voucherNo: voucher() },
        })
      ).status,
    ).toBe(403);
    expect((await api("GET", "/api/v1/admin/subsidies/dashboard", { cookie: owner.member.cookie })).status).toBe(403);
  });

  it("refuses an upload over the size limit (413), naming it", async () => {
    const { member } = await enterpriseWithMember();
    const draft = await api("POST", APPS, { cookie: member.cookie, data: { programme: PROGRAMME } });
    const big = new Uint8Array(10 * 1024 * 1024 + 100 * 1024);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const res = await upload(
      member.cookie,
      draft.body.application.id,
      "contract-registration",
      new File([big], "扫描件.pdf", { type: "application/pdf" }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain("10 MB");
    expect(res.body.error.message).not.toContain("扫描件"); // refused by the body limit, before the form is parsed
    expect(
      (await api("GET", `${APPS}/${draft.body.application.id}`, { cookie: member.cookie })).body.materials,
    ).toEqual([]);
  });

  it("refuses an upload from another site's page (403)", async () => {
    const res = await upload(
      owner.member.cookie,
      id,
      "contract-registration",
      undefined,
      "http://dongying.localhost:8787",
    );
    expect(res.status).toBe(403);
  });

  it("gives staff the queue with filters and counts, and the dashboard", async () => {
    const queue = await api(
      "GET",
      `${APPS}?stage=first-review&programme=${PROGRAMME}&q=${encodeURIComponent(owner.name)}`,
      { cookie: reviewer },
    );
    expect(queue.status).toBe(200);
    expect(queue.body.applications).toEqual([
      expect.objectContaining({
        id,
        enterprise: owner.name,
        programme: "技术合同交易扶持",
        status: "in_review",
        statusZh: "审核中",
        amountFen: 3 * WAN,
        submittedAt: expect.stringMatching(/Z$/),
      }),
    ]);
    expect(
      queue.body.counts.find((c: Json) => c.status === "in_review" && c.stage === "first-review").n,
    ).toBeGreaterThanOrEqual(1);
    expect((await api("GET", `${APPS}?status=nonsense`, { cookie: reviewer })).status).toBe(422);

    const dash = await api("GET", "/api/v1/admin/subsidies/dashboard", { cookie: reviewer });
    expect(dash.status).toBe(200);
    expect(dash.body.year).toBe(Number(today().slice(0, 4)));
    expect(dash.body.programmes.find((p: Json) => p.id === PROGRAMME)).toMatchObject({ title: "技术合同交易扶持" });
    expect(dash.body.stages.map((s: Json) => s.key)).toEqual(["first-review", "second-review", "publicity", "payment"]);
    expect((await api("GET", "/api/v1/admin/subsidies/dashboard?year=1999", { cookie: reviewer })).status).toBe(422);
  });

  it("lists every route in the OpenAPI document", async () => {
    const doc = await api("GET", "/api/openapi.json");
    const paths = Object.keys(doc.body.paths as Json).filter((p) => p.includes("subsidies"));
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/admin/subsidies/dashboard",
        "/api/v1/admin/subsidies/objections/{id}/resolve",
        "/api/v1/subsidies/applications",
        "/api/v1/subsidies/applications/{id}",
        "/api/v1/subsidies/applications/{id}/draft",
        "/api/v1/subsidies/applications/{id}/materials",
        "/api/v1/subsidies/applications/{id}/payments",
        "/api/v1/subsidies/applications/{id}/review",
        "/api/v1/subsidies/applications/{id}/submit",
        "/api/v1/subsidies/publicity",
        "/api/v1/subsidies/publicity/{id}/objections",
      ]),
    );
  });
});
