/**
 * Every write of the 政策兑现 and policy JSON APIs within its round trips (issue 16): ACTION = 3
 * waves — the session's one batch, one wave of the action's checks, one guarded write batch (the
 * answer's rows read at its end). Each row performs its write once on real data, proves it took
 * (status, and a row in the database or a field of the answer) and measures `X-Db-Waves`. An
 * upload stores its file in the blob store between the two: not a database round trip.
 * The form posts are subsidy-form-round-trips.test.ts's.
 *
 * Publishing changes the policy in force, so it runs on a zone of this file's own, provisioned
 * here; everything else runs on zibo with enterprises made for this file.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, materials, policyVersions, subsidyObjections, subsidyPayments } from "../../worker/db/schema";
import { dbFor, makeUser, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { demo, enterpriseWithMember, type Json, voucher, WAN } from "./subsidies-support";
import { makeApplication, makeEnterprise, row, today } from "./subsidy-pages-support";
import { ACTION, ANONYMOUS_ACTION, APPS, base, event, material, send, writes } from "./subsidy-write-support";

const { write, report } = writes("subsidy and policy API write round trips");
let member = { id: "", cookie: "" };
let reviewer = "";
let admin = "";
let draft = "";

beforeAll(async () => {
  const e = await enterpriseWithMember();
  member = { id: e.id, cookie: e.member.cookie };
  [reviewer, admin] = await Promise.all([demo("reviewer"), demo("admin")]);
});
afterAll(report);

describe("the JSON API's writes (/api/v1/subsidies, /api/v1/admin/subsidies) take at most 3 waves", () => {
  it("POST /applications starts a draft", () =>
    write(
      "POST /applications",
      ACTION,
      () =>
        send("POST", APPS, member.cookie, {
          json: { programme: "zibo-tech-contract", facts: { contractAmountFen: 500 * WAN } },
        }),
      async (s) => {
        expect(s.status).toBe(201);
        draft = s.body.application.id;
        expect((await row(draft)).status).toBe("draft");
      },
    ));

  it("PUT /applications/{id}/draft autosaves", () =>
    write(
      "PUT /applications/{id}/draft",
      ACTION,
      () => send("PUT", `${APPS}/${draft}/draft`, member.cookie, { json: { facts: { contractAmountFen: 600 * WAN } } }),
      async (s) => {
        expect(s.status).toBe(200);
        expect(s.body.application.facts).toMatchObject({ contractAmountFen: 600 * WAN });
        expect(JSON.parse((await row(draft)).facts)).toEqual({ contractAmountFen: 600 * WAN });
      },
    ));

  it("POST /applications/{id}/materials stores the file and its row", () =>
    write(
      "POST /applications/{id}/materials",
      ACTION,
      () => send("POST", `${APPS}/${draft}/materials`, member.cookie, material("contract-registration")),
      async (s) => {
        expect(s.status).toBe(201);
        const rows = await dbFor("zibo").select().from(materials).where(eq(materials.ownerId, draft));
        expect(rows.map((r) => r.kind)).toEqual(["subsidy:contract-registration"]);
      },
    ));

  it("POST /applications/{id}/submit submits it", async () => {
    expect(
      (await send("POST", `${APPS}/${draft}/materials`, member.cookie, material("technology-contract"))).status,
    ).toBe(201);
    await write(
      "POST /applications/{id}/submit",
      ACTION,
      () => send("POST", `${APPS}/${draft}/submit`, member.cookie),
      async (s) => {
        expect(s.status).toBe(200);
        expect(s.body.application.status).toBe("in_review");
        expect(await row(draft)).toMatchObject({ status: "in_review", stage: "first-review" });
      },
    );
  });

  it("POST /applications/{id}/comments adds staff's 意见 and a member's 留言", async () => {
    for (const [who, cookie] of [
      ["staff", reviewer],
      ["member", member.cookie],
    ] as const)
      await write(
        `POST /applications/{id}/comments (${who})`,
        ACTION,
        () => send("POST", `${APPS}/${draft}/comments`, cookie, { json: { text: `${who}:请核对合同登记编号。` } }),
        async (s) => {
          expect(s.status).toBe(201);
          const notes = (await event(draft, who === "staff" ? "comment" : "member_comment")).map((e) => e.note);
          expect(notes).toContain(`${who}:请核对合同登记编号。`);
        },
      );
  });

  it("POST /applications/{id}/review passes a stage", () =>
    write(
      "POST /applications/{id}/review (pass)",
      ACTION,
      () => send("POST", `${APPS}/${draft}/review`, reviewer, { json: { action: "pass" } }),
      async (s) => {
        expect(s.status).toBe(200);
        expect(s.body.application.stage).toBe("second-review");
        expect((await row(draft)).stage).toBe("second-review");
      },
    ));

  it("POST /applications/{id}/review at 拨付 approves the award", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "payment");
    await write(
      "POST /applications/{id}/review (approve at 拨付)",
      ACTION,
      () => send("POST", `${APPS}/${id}/review`, admin, { json: { action: "pass" } }),
      async (s) => {
        expect(s.status).toBe(200);
        expect(s.body.application.status).toBe("awarded");
        expect((await row(id)).status).toBe("awarded");
      },
    );
  });

  it("POST /applications/{id}/payments records a payment", async () => {
    const { id, amountFen } = await makeApplication((await makeEnterprise()).id, "awarded");
    const voucherNo = voucher();
    await write(
      "POST /applications/{id}/payments",
      ACTION,
      () => send("POST", `${APPS}/${id}/payments`, admin, { json: { amountFen, paidOn: today(), voucherNo } }),
      async (s) => {
        expect(s.status).toBe(201);
        expect(s.body.paidFen).toBe(amountFen);
        const paid = await dbFor("zibo").select().from(subsidyPayments).where(eq(subsidyPayments.applicationId, id));
        expect(paid.map((p) => p.voucherNo)).toEqual([voucherNo]);
      },
    );
  });

  let objection = "";
  it("POST /publicity/{id}/objections lodges an objection, anonymously", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "publicity");
    await write(
      "POST /publicity/{id}/objections (anonymous)",
      ANONYMOUS_ACTION + (await base()),
      () =>
        send("POST", `/api/v1/subsidies/publicity/${id}/objections`, undefined, {
          json: { name: "王先生", contact: "13700000001", content: "该企业的合同金额与登记金额不一致,请核实。" },
        }),
      async (s) => {
        expect(s.status).toBe(201);
        objection = s.body.id;
        const [o] = await dbFor("zibo").select().from(subsidyObjections).where(eq(subsidyObjections.id, objection));
        expect(o).toMatchObject({ applicationId: id, status: "open" });
      },
    );
  });

  it("POST /api/v1/admin/subsidies/objections/{id}/resolve decides it", () =>
    write(
      "POST /objections/{id}/resolve",
      ACTION,
      () =>
        send("POST", `/api/v1/admin/subsidies/objections/${objection}/resolve`, admin, {
          json: { decision: "dismiss", resolution: "经核实,合同金额与登记一致,异议不成立。" },
        }),
      async (s) => {
        expect(s.status).toBe(200);
        expect(s.body.application.stage).toBe("publicity");
        const [o] = await dbFor("zibo").select().from(subsidyObjections).where(eq(subsidyObjections.id, objection));
        expect(o?.status).toBe("dismissed");
      },
    ));

  it("POST /api/v1/admin/subsidies/applications/{id}/move-stage moves it out of a removed stage", async () => {
    const { id } = await makeApplication((await makeEnterprise()).id, "first-review", { stage: "legacy-review" });
    await write(
      "POST /applications/{id}/move-stage",
      ACTION,
      () =>
        send("POST", `/api/v1/admin/subsidies/applications/${id}/move-stage`, admin, {
          json: { stage: "second-review" },
        }),
      async (s) => {
        expect(s.status).toBe(200);
        expect(s.body.application.stage).toBe("second-review");
        expect((await row(id)).stage).toBe("second-review");
      },
    );
  });

  it("POST /api/v1/policy/estimate computes (no write), anonymously", async () =>
    write(
      "POST /api/v1/policy/estimate (anonymous)",
      ANONYMOUS_ACTION - 1 + (await base()),
      () =>
        send("POST", "/api/v1/policy/estimate", undefined, {
          json: { programme: "zibo-tech-contract", facts: { contractAmountFen: 500 * WAN } },
        }),
      (s) => {
        expect(s.status).toBe(200);
        expect(s.body.amountFen).toBe(15 * WAN);
      },
    ));
});

// Publishing moves the policy in force: on a zone of this file's own.
const SLUG = "wdsubwr";
const ON = `${SLUG}.localhost`;

describe("policy administration's writes take at most 3 waves", () => {
  let zoneAdmin = "";
  let set: Json = {};
  beforeAll(async () => {
    await provisionTestZone(SLUG, { zh: "兑现往返测试高新区", en: "Write Round Trips Zone" }, "0535-6666666");
    const u = await makeUser(SLUG, "zone_admin");
    zoneAdmin = sessionCookie(
      await send("POST", "/api/v1/auth/login", undefined, { json: { email: u.email, password: u.password } }, ON).then(
        (s) => s.res,
      ),
    );
    set = (await send("GET", "/api/v1/admin/policy/versions/1", zoneAdmin, undefined, ON)).body.policySet;
  });
  const newest = async () =>
    (await dbFor(SLUG).select({ id: policyVersions.id }).from(policyVersions))
      .map((v) => v.id)
      .sort((a, b) => b - a)[0];

  it("POST /api/v1/admin/policy/previews computes (no write)", () =>
    write(
      "POST /api/v1/admin/policy/previews",
      ACTION - 1,
      () =>
        send(
          "POST",
          "/api/v1/admin/policy/previews",
          zoneAdmin,
          { json: { policySet: { ...set, label: "预览" } } },
          ON,
        ),
      (s) => {
        expect(s.status).toBe(200);
        expect(s.body.publishable).toBe(true);
      },
    ));

  it("POST /api/v1/admin/policy/versions publishes, with its documents and the 免申即享 job", async () => {
    const base = await newest();
    await write(
      "POST /api/v1/admin/policy/versions",
      ACTION,
      () =>
        send(
          "POST",
          "/api/v1/admin/policy/versions",
          zoneAdmin,
          { json: { policySet: { ...set, label: "接口发布" }, baseVersion: base } },
          ON,
        ),
      async (s) => {
        expect(s.status).toBe(201);
        expect(s.body.version.id).toBe(base! + 1);
        expect(await newest()).toBe(base! + 1);
      },
    );
  });

  it("the preview form (/admin/policies/preview)", () =>
    write(
      "form /admin/policies/preview",
      ACTION - 1,
      () =>
        send(
          "POST",
          "/admin/policies/preview",
          zoneAdmin,
          { form: { json: JSON.stringify({ ...set, label: "表单" }) } },
          ON,
        ),
      (s) => {
        expect(s.status).toBe(200);
        expect(s.text).toContain('action="/admin/policies/publish"');
      },
    ));

  it("the publish form (/admin/policies/publish)", async () => {
    const base = await newest();
    await write(
      "form /admin/policies/publish",
      ACTION,
      () =>
        send(
          "POST",
          "/admin/policies/publish",
          zoneAdmin,
          { form: { policySet: JSON.stringify({ ...set, label: "表单发布" }), baseVersion: String(base) } },
          ON,
        ),
      async (s) => {
        expect(s.status).toBe(303);
        expect(await newest()).toBe(base! + 1);
        const audit = await dbFor(SLUG).select().from(auditLog).where(eq(auditLog.action, "policy.publish"));
        expect(audit.length).toBeGreaterThanOrEqual(2);
      },
    );
  });
});
