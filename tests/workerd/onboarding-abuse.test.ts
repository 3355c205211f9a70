/**
 * 申请入驻 against abuse, through the real Worker: the whole request is limited
 * before it is parsed (25 MB, with or without Content-Length), each file by its
 * decoded size (10 MB), applications per login e-mail (3) and per client address
 * (10) within an hour (429 with Retry-After), a registered e-mail answered
 * exactly as a new one (nothing created, its owner mailed), control characters
 * refused with a 400, and 成立日期 held to 1949-10-01 … today.
 */
import { exports } from "cloudflare:workers";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authAttempts, onboardingApplications, outbox, users } from "../../worker/db/schema";
import { shanghaiDate } from "../../worker/lib/calendar";
import { call, dbFor, freshIp, login, makeUser, postJson, sessionCookie } from "./auth-support";
import { facts, freshEmail, freshUscc, licence, PASSWORD, PDF } from "./onboarding-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";
const API = "/api/v1/onboarding/applications";
const MB = 1024 * 1024;
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const apply = (body: Record<string, unknown>, ip = freshIp()) =>
  postJson(
    host,
    API,
    { ...facts(), loginEmail: freshEmail(), password: PASSWORD, materials: [licence], ...body },
    { ip },
  );
const usersWith = async (email: string) => dbFor("zibo").select().from(users).where(eq(users.email, email));
const appsWith = async (uscc: string) =>
  dbFor("zibo").select().from(onboardingApplications).where(eq(onboardingApplications.uscc, uscc));
const attemptsFor = async (email: string) =>
  (
    await dbFor("zibo")
      .select({ n: count() })
      .from(authAttempts)
      .where(and(eq(authAttempts.kind, "onboarding"), eq(authAttempts.email, email)))
  )[0]!.n;

/** A PDF of exactly `size` bytes. */
const pdfOf = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set(PDF);
  return bytes;
};
/** base64 of a large buffer without one giant argument list. */
const bigB64 = (bytes: Uint8Array) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

function applyForm(fields: Record<string, string | string[]>, files: Record<string, File>, ip = freshIp()) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const [k, f] of Object.entries(files)) form.append(k, f);
  return exports.default.fetch(`http://${host}/apply`, {
    method: "POST",
    headers: { origin: ORIGIN, "cf-connecting-ip": ip },
    body: form,
    redirect: "manual",
  });
}
const formFields = (uscc: string, loginEmail: string) => ({
  companyName: "淄博限流测试有限公司",
  uscc,
  legalRep: "王五",
  registeredOn: "2020-06-01",
  registeredCapital: "1000000",
  address: "淄博高新区鲁泰大道 9 号",
  industry: "intelligent-equipment",
  industryClass: "C3491",
  employees: "40",
  contactName: "赵六",
  contactMobile: "13900001111",
  contactEmail: "zhao@example.cn",
  loginEmail,
  password: PASSWORD,
  confirmPassword: PASSWORD,
});

describe("the size of a 申请入驻", () => {
  it("refuses a JSON body over 25 MB with 413 and the limit, before parsing, creating nothing", async () => {
    const loginEmail = freshEmail();
    const body = facts();
    const res = await postJson(
      host,
      API,
      { ...body, loginEmail, password: PASSWORD, materials: [{ ...licence, base64: "A".repeat(26 * MB) }] },
      { ip: freshIp() },
    );
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain("申请材料合计不能超过 25 MB");
    expect(await usersWith(loginEmail)).toHaveLength(0);
    expect(await appsWith(body.uscc)).toHaveLength(0);
    expect(await attemptsFor(loginEmail)).toBe(0);
  });

  it("cuts off a body sent without Content-Length (streamed) once it passes 25 MB", async () => {
    const loginEmail = freshEmail();
    const chunk = new TextEncoder().encode("A".repeat(MB));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode(`{"loginEmail":"${loginEmail}","materials":[{"base64":"`));
        if (sent++ < 30) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await exports.default.fetch(`http://${host}${API}`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": freshIp() },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.message).toContain("25 MB");
    expect(await usersWith(loginEmail)).toHaveLength(0);
  });

  it(
    "refuses a page form over 25 MB in total (three files under 10 " + "MB each) with a 413 page, creating nothing",
    async () => {
      const loginEmail = freshEmail();
      const uscc = freshUscc();
      const nine = (name: string) => new File([pdfOf(9 * MB)], name, { type: "application/pdf" });
      const res = await applyForm(
        {
          ...formFields(uscc, loginEmail),
          qual: ["hnte", "tech-sme"],
          "certNo-hnte": "GR2020",
          "certDate-hnte": "2020-12-08",
          "certNo-tech-sme": "TS2021",
          "certDate-tech-sme": "2021-05-01",
        },
        {
          "file-licence": nine("营业执照.pdf"),
          "file-cert-hnte": nine("高企.pdf"),
          "file-cert-tech-sme": nine("科小.pdf"),
        },
      );
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("申请材料合计不能超过 25 MB");
      expect(await usersWith(loginEmail)).toHaveLength(0);
      expect(await appsWith(uscc)).toHaveLength(0);
    },
  );

  it("limits the correction (resubmit) route the same way", async () => {
    const res = await apply({});
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const big = await postJson(
      host,
      `${API}/${id}/resubmit`,
      { ...facts(), materials: [{ ...licence, base64: "A".repeat(26 * MB) }] },
      { cookie: sessionCookie(res) },
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).error.message).toContain("25 MB");
  });

  it("refuses a file over 10 MB decoded with 413, naming the file, and creates nothing", async () => {
    const loginEmail = freshEmail();
    const body = facts();
    const base64 = bigB64(pdfOf(10 * MB + 1));
    const res = await postJson(
      host,
      API,
      { ...body, loginEmail, password: PASSWORD, materials: [{ ...licence, filename: "超大营业执照.pdf", base64 }] },
      { ip: freshIp() },
    );
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.fields?.["file-licence"]).toContain("超大营业执照.pdf");
    expect(error.message).toContain("10 MB");
    expect(await usersWith(loginEmail)).toHaveLength(0);
    expect(await appsWith(body.uscc)).toHaveLength(0);
  });

  it(
    "states the per-file and per-request bounds in the OpenAPI document: " +
      "base64 up to ceil(10 MB/3)*4 characters, at most 10 files",
    async () => {
      const doc = (await (await call(host, "GET", "/api/openapi.json")).json()) as {
        components: {
          schemas: Record<string, { properties: Record<string, { maxLength?: number; maxItems?: number }> }>;
        };
      };
      expect(doc.components.schemas.MaterialUpload!.properties.base64!.maxLength).toBe(Math.ceil((10 * MB) / 3) * 4);
      expect(doc.components.schemas.SubmitApplication!.properties.materials!.maxItems).toBe(10);
      expect(doc.components.schemas.ResubmitApplication!.properties.materials!.maxItems).toBe(10);
    },
  );
});

describe("how often one may apply", () => {
  it(
    "refuses the 4th application with one login email within the hour: 429, " +
      "Retry-After, the Beijing time, nothing created",
    async () => {
      const loginEmail = freshEmail();
      for (let i = 0; i < 3; i++) expect((await apply({ loginEmail })).status).toBe(201);
      const uscc = freshUscc();
      const fourth = await apply({ loginEmail, ...facts({ uscc }) });
      expect(fourth.status).toBe(429);
      const retryAfter = Number(fourth.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600 + 60);
      const { error } = (await fourth.json()) as ErrorBody;
      expect(error.code).toBe("rate_limited");
      expect(error.message).toMatch(/请于 (明天 )?\d{2}:\d{2}.北京时间.后再试/);
      expect(error.fields?.loginEmail).toBeDefined();
      expect(await appsWith(uscc)).toHaveLength(0);
      expect(await usersWith(loginEmail)).toHaveLength(1);
      // The refused attempt is not counted: it does not push the wait further.
      expect(await attemptsFor(loginEmail)).toBe(3);

      // The page form gets the same refusal, on the form.
      const page = await applyForm(formFields(freshUscc(), loginEmail), {
        "file-licence": new File([PDF], "l.pdf", { type: "application/pdf" }),
      });
      expect(page.status).toBe(429);
      expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await page.text()).toContain("这个登录邮箱一小时内已提交过 3 次入驻申请");
    },
  );

  it("refuses the 11th application from one client address within the hour, whatever the emails", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await apply({}, ip)).status).toBe(201);
    const loginEmail = freshEmail();
    const uscc = freshUscc();
    const eleventh = await apply({ ...facts({ uscc }), loginEmail }, ip);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await eleventh.json()) as ErrorBody).error.message).toMatch(
      /同一网络一小时内提交的入驻申请已达 10 次,请于 .*\d{2}:\d{2}/,
    );
    expect(await usersWith(loginEmail)).toHaveLength(0);
    expect(await appsWith(uscc)).toHaveLength(0);
    // Another address is not affected.
    expect((await apply({})).status).toBe(201);
  });

  it("counts parallel applications in order: of 6 at once with one email, 3 go through", async () => {
    const loginEmail = freshEmail();
    const results = await Promise.all(Array.from({ length: 6 }, () => apply({ loginEmail })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(await usersWith(loginEmail)).toHaveLength(1);
  });
});

describe("a registered e-mail", () => {
  it(
    "gets the same answer as a new one, creates nothing, " + "and its owner is mailed how to sign in or reset",
    async () => {
      const owner = await makeUser("zibo", "enterprise");
      const [before] = await usersWith(owner.email);
      const fresh = await apply({});
      const body = facts();
      const taken = await apply({ ...body, loginEmail: owner.email.toUpperCase() });

      expect(taken.status).toBe(fresh.status);
      expect(taken.status).toBe(201);
      const [a, b] = [(await fresh.json()) as Record<string, string>, (await taken.json()) as Record<string, string>];
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      expect(b.message).toBe(a.message);
      expect(b.id).toMatch(/^[a-z0-9]{10,40}$/);
      expect(b.id).toHaveLength(a.id!.length);
      // The same cookie, but for its value: same name, attributes and value shape.
      const shape = (r: Response) =>
        r.headers
          .getSetCookie()
          .map((c) => c.replace(/=[^;]*/, "=VALUE"))
          .sort();
      expect(shape(taken)).toEqual(shape(fresh));
      const value = (r: Response) => sessionCookie(r).split("=")[1]!;
      expect(value(taken)).toHaveLength(value(fresh).length);

      // Nothing created, the owner's account untouched, the cookie and id open nothing.
      expect(await usersWith(owner.email)).toEqual([before]);
      expect(await appsWith(body.uscc)).toHaveLength(0);
      expect(
        await dbFor("zibo").select().from(onboardingApplications).where(eq(onboardingApplications.id, b.id!)),
      ).toHaveLength(0);
      expect((await call(host, "GET", "/api/v1/me", { cookie: sessionCookie(taken) })).status).toBe(401);

      const mail = await dbFor("zibo").select().from(outbox).where(eq(outbox.recipient, owner.email));
      expect(mail).toHaveLength(1);
      expect(mail[0]!.kind).toBe("onboarding_email_registered");
      expect(mail[0]!.body).toContain(`${ORIGIN}/login`);
      expect(mail[0]!.body).toContain(`${ORIGIN}/forgot-password`);
    },
  );

  it("by the page form: the same redirect as a new applicant, nothing created", async () => {
    const owner = await makeUser("zibo", "enterprise");
    const uscc = freshUscc();
    const res = await applyForm(formFields(uscc, owner.email), {
      "file-licence": new File([PDF], "l.pdf", { type: "application/pdf" }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/apply/status?submitted=1");
    expect(await appsWith(uscc)).toHaveLength(0);
    expect(
      await dbFor("zibo")
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, owner.email), eq(outbox.kind, "onboarding_email_registered"))),
    ).toHaveLength(1);
  });
});

describe("what the fields accept", () => {
  it("refuses NUL in the company name with 400 and a field message, creating nothing", async () => {
    const loginEmail = freshEmail();
    const res = await apply({ loginEmail, companyName: "淄博\u0000有限公司" });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe("bad_request");
    expect(error.fields?.companyName).toContain("控制字符");
    expect(await usersWith(loginEmail)).toHaveLength(0);
  });

  it.each([["contactName"], ["address"], ["legalRep"]])("refuses a control character in %s with 400", async (field) => {
    const res = await apply({ [field]: "淄博\u0007测试" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fields?.[field]).toContain("控制字符");
  });

  it("refuses a control character in a file name with 400", async () => {
    const res = await apply({ materials: [{ ...licence, filename: "营业\u0000执照.pdf" }] });
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as ErrorBody).error.fields ?? {})).toContain("materials.0.filename");
  });

  it("refuses NUL in the page form with a 400 form, not a 500", async () => {
    const loginEmail = freshEmail();
    const res = await applyForm(
      { ...formFields(freshUscc(), loginEmail), companyName: "淄博\u0000有限公司" },
      { "file-licence": new File([PDF], "l.pdf", { type: "application/pdf" }) },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("控制字符");
    expect(html).toContain('name="companyName"');
    expect(await usersWith(loginEmail)).toHaveLength(0);
  });

  it("refuses a control character in a reviewer's comment with 400 (API and page form), changing nothing", async () => {
    const res = await apply({});
    const { id } = (await res.json()) as { id: string };
    const admin = await makeUser("zibo", "zone_admin");
    const cookie = sessionCookie(await login("zibo", admin.email, admin.password));
    const api = await postJson(host, `${API}/${id}/return`, { comment: "请补充\u0000材料" }, { cookie });
    expect(api.status).toBe(400);
    expect(((await api.json()) as ErrorBody).error.fields?.comment).toContain("控制字符");
    const page = await call(host, "POST", `/admin/onboarding/${id}/return`, {
      cookie,
      origin: ORIGIN,
      contentType: "application/x-www-form-urlencoded",
      body: `comment=${encodeURIComponent("请补充\u0000材料")}`,
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("控制字符");
    expect(
      (await dbFor("zibo").select().from(onboardingApplications).where(eq(onboardingApplications.id, id)))[0]!.status,
    ).toBe("submitted");
  });

  it.each([["1000-01-01"], ["1949-09-30"], ["2099-01-01"]])(
    "refuses 成立日期 %s with 422 stating the range (1949-10-01 to today)",
    async (registeredOn) => {
      const loginEmail = freshEmail();
      const res = await apply({ ...facts({ registeredOn }), loginEmail });
      expect(res.status).toBe(422);
      const message = ((await res.json()) as ErrorBody).error.fields?.registeredOn;
      expect(message).toContain("1949-10-01");
      expect(message).toContain(shanghaiDate(new Date()));
      expect(await usersWith(loginEmail)).toHaveLength(0);
    },
  );

  it("accepts 成立日期 on 1949-10-01 and today", async () => {
    expect((await apply(facts({ registeredOn: "1949-10-01" }))).status).toBe(201);
    expect((await apply(facts({ registeredOn: shanghaiDate(new Date()) }))).status).toBe(201);
  });

  it("refuses a 发证日期 in the future with 422 naming the certificate field", async () => {
    const res = await apply({
      ...facts({ qualifications: [{ code: "hnte", certificateNo: "GR1", issuedOn: "2099-01-01" }] }),
      materials: [licence, { ...licence, kind: "certificate:hnte" }],
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields?.["certDate-hnte"]).toContain("1949-10-01");
  });
});
