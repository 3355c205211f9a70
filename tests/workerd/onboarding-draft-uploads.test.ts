/**
 * 申请入驻 keeps the files already chosen when the form comes back with errors:
 * on the server, bound to the form's draft token. Without the script, a form
 * with errors keeps the files it carried; with it, each file goes up as it is
 * chosen (POST /apply/uploads). Either way the corrected form is submitted with
 * them without sending them again. Only the token's holder can reference the
 * files; nobody can read them back; anonymous uploads are bounded per file, per
 * kind and per address, and a draft not submitted expires and is pruned.
 */
import { env, exports } from "cloudflare:workers";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, materials, onboardingApplications, users } from "../../worker/db/schema";
import { pruneDraftUploads } from "../../worker/features/onboarding/draft-uploads";
import { r2BlobStore } from "../../worker/lib/blob-store/r2";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, freshIp, makeUser, login, sessionCookie } from "./auth-support";
import { freshEmail, freshUscc, PASSWORD, PDF } from "./onboarding-support";

const host = "zibo.localhost";
const ORIGIN = "http://zibo.localhost:8787";
const bucket = (env as unknown as { MATERIALS: R2Bucket }).MATERIALS;
const pdf = (name = "营业执照.pdf") => new File([PDF], name, { type: "application/pdf" });

function post(path: string, body: FormData | URLSearchParams, o: { ip?: string; origin?: string } = {}) {
  return exports.default.fetch(`http://${host}${path}`, {
    method: "POST",
    headers: { origin: o.origin ?? ORIGIN, "cf-connecting-ip": o.ip ?? freshIp() },
    body,
    redirect: "manual",
  });
}
function form(fields: Record<string, string>, files: Record<string, File> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [k, v] of Object.entries(files)) f.append(k, v);
  return f;
}
const fields = (uscc = freshUscc(), loginEmail = freshEmail()) => ({
  companyName: "淄博草稿测试有限公司",
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
const tokenIn = (html: string) => /name="draftToken" value="([a-z2-7]{32})"/.exec(html)![1]!;
async function newToken() {
  const page = await call(host, "GET", "/apply");
  // Each visitor's form has its own token: never from a shared cache.
  expect(page.headers.get("cache-control")).toBe("no-store");
  return tokenIn(await page.text());
}
const uploadDraft = (draftToken: string, kind: string, file: File, o: { ip?: string; origin?: string } = {}) =>
  post("/apply/uploads", form({ draftToken, kind }, { file }), o);
const draftRowsOf = async () =>
  dbFor("zibo")
    .select()
    .from(materials)
    .where(and(eq(materials.ownerKind, "application"), like(materials.ownerId, "draft:%")));

describe("a 申请入驻 form with errors keeps its files", () => {
  it("without the script: the files it carried are kept, listed, and go with the corrected form", async () => {
    const wrong = await post(
      "/apply",
      form({ ...fields(), uscc: "91370303MA3C411100" }, { "file-licence": pdf("营业执照-扫描件.pdf") }),
    );
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain("第 18 位校验码不对");
    expect(html).toMatch(/已保留:<strong>营业执照-扫描件\.pdf<\/strong>/);
    expect(html).not.toContain("出错后需要重新选择文件");
    const draftToken = tokenIn(html);

    // Corrected, with no file sent again.
    const loginEmail = freshEmail();
    const ok = await post("/apply", form({ ...fields(freshUscc(), loginEmail), draftToken }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/apply/status?submitted=1");
    const [user] = await dbFor("zibo").select().from(users).where(eq(users.email, loginEmail));
    const [app] = await dbFor("zibo")
      .select()
      .from(onboardingApplications)
      .where(eq(onboardingApplications.applicantUserId, user!.id));
    const files = await dbFor("zibo")
      .select()
      .from(materials)
      .where(and(eq(materials.ownerKind, "application"), eq(materials.ownerId, app!.id)));
    expect(files.map((f) => [f.kind, f.filename, f.uploadedBy])).toEqual([
      ["business_licence", "营业执照-扫描件.pdf", user!.id],
    ]);
    expect(await bucket.head(files[0]!.blobKey)).not.toBeNull();
    // The applicant reads it on its status page.
    const status = await (await call(host, "GET", "/apply/status", { cookie: sessionCookie(ok) })).text();
    expect(status).toContain("营业执照-扫描件.pdf");
  });

  it(
    "with the script: uploaded on choosing, " +
      "replaced by a newer file of its kind, deleted, and submitted by the token",
    async () => {
      const draftToken = await newToken();
      const first = await uploadDraft(draftToken, "business_licence", pdf("第一份.pdf"));
      expect(first.status).toBe(201);
      const { upload } = (await first.json()) as {
        upload: { id: string; kind: string; filename: string; size: number };
      };
      expect(upload).toMatchObject({ kind: "business_licence", filename: "第一份.pdf", size: PDF.length });
      const firstRow = (await draftRowsOf()).find((r) => r.id === upload.id)!;

      const second = (await (await uploadDraft(draftToken, "business_licence", pdf("第二份.pdf"))).json()) as {
        upload: { id: string };
      };
      const mine = (await draftRowsOf()).filter((r) => r.ownerId === firstRow.ownerId);
      expect(mine.map((r) => r.filename)).toEqual(["第二份.pdf"]);
      expect(await bucket.head(firstRow.blobKey)).toBeNull();

      const gone = await post("/apply/uploads/delete", new URLSearchParams({ draftToken, id: second.upload.id }));
      expect(gone.status).toBe(200);
      expect((await draftRowsOf()).filter((r) => r.ownerId === firstRow.ownerId)).toEqual([]);

      const third = (await (await uploadDraft(draftToken, "business_licence", pdf("第三份.pdf"))).json()) as {
        upload: { id: string };
      };
      // A page re-rendered for this token lists it.
      const again = await post("/apply", form({ ...fields(), draftToken, uscc: "bad" }));
      expect(await again.text()).toMatch(/data-upload-id="[a-z2-7]{26}">已保留:<strong>第三份\.pdf<\/strong>/);
      const ok = await post("/apply", form({ ...fields(), draftToken }));
      expect(ok.status).toBe(303);
      const [row] = await dbFor("zibo").select().from(materials).where(eq(materials.id, third.upload.id));
      expect(row!.ownerId).not.toMatch(/^draft:/);
    },
  );

  it("a file chosen again with the form replaces the kept one", async () => {
    const draftToken = await newToken();
    await uploadDraft(draftToken, "business_licence", pdf("旧的.pdf"));
    const loginEmail = freshEmail();
    expect(
      (
        await post(
          "/apply",
          form({ ...fields(freshUscc(), loginEmail), draftToken }, { "file-licence": pdf("新的.pdf") }),
        )
      ).status,
    ).toBe(303);
    const [user] = await dbFor("zibo").select().from(users).where(eq(users.email, loginEmail));
    const [app] = await dbFor("zibo")
      .select()
      .from(onboardingApplications)
      .where(eq(onboardingApplications.applicantUserId, user!.id));
    const files = await dbFor("zibo").select().from(materials).where(eq(materials.ownerId, app!.id));
    expect(files.map((f) => f.filename)).toEqual(["新的.pdf"]);
  });
});

describe("kept files are no open file store", () => {
  it("only the token's holder can reference them, and nobody can read them back", async () => {
    const draftToken = await newToken();
    const { upload } = (await (await uploadDraft(draftToken, "business_licence", pdf("别人的执照.pdf"))).json()) as {
      upload: { id: string };
    };
    const other = await newToken();
    expect(
      (await post("/apply/uploads/delete", new URLSearchParams({ draftToken: other, id: upload.id }))).status,
    ).toBe(404);
    // Another form cannot submit it: its licence is missing.
    const stranger = await post("/apply", form({ ...fields(), draftToken: other }));
    expect(stranger.status).toBe(422);
    expect(await stranger.text()).toContain("请上传营业执照");
    expect(await (await post("/apply", form({ ...fields(), draftToken: other, uscc: "bad" }))).text()).not.toContain(
      "别人的执照.pdf",
    );
    // Not even zone staff can fetch the bytes of a file no application holds.
    const admin = await makeUser("zibo", "zone_admin");
    const res = await call(host, "GET", `/materials/${upload.id}`, {
      cookie: sessionCookie(await login("zibo", admin.email, admin.password)),
    });
    expect(res.status).toBe(404);
    // A made-up token is refused; so is a post from another site.
    expect((await uploadDraft("not-a-token", "business_licence", pdf())).status).toBe(422);
    expect((await uploadDraft(draftToken, "business_licence", pdf(), { origin: "https://evil.example" })).status).toBe(
      403,
    );
  });

  it("takes only the form's kinds, PDF/JPG/PNG by their bytes, at most 10 MB each", async () => {
    const draftToken = await newToken();
    const bad = await uploadDraft(
      draftToken,
      "business_licence",
      new File(["hello"], "执照.pdf", { type: "application/pdf" }),
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/不是 PDF、JPG 或 PNG 文件/);
    // 生产型企业 has no certificate
    expect((await uploadDraft(draftToken, "certificate:production", pdf())).status).toBe(422);
    expect((await uploadDraft(draftToken, "anything", pdf())).status).toBe(422);
    expect((await uploadDraft(draftToken, "certificate:hnte", pdf("高企证书.pdf"))).status).toBe(201);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await uploadDraft(
      draftToken,
      "business_licence",
      new File([big], "大文件.pdf", { type: "application/pdf" }),
    );
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toContain("10 MB");
  });

  it("limits anonymous uploads from one address per hour", async () => {
    // An address of its own: the audit log is shared by every suite, and rows cannot be deleted.
    const ip = `192.0.2.${200 + Math.floor(Math.random() * 50)}`;
    const at = new Date().toISOString();
    await dbFor("zibo")
      .insert(auditLog)
      .values(
        Array.from({ length: 40 }, () => ({
          at,
          actor: "anonymous",
          action: "material.uploaded",
          target: `application:draft:${newId()}`,
          result: "ok" as const,
          ip,
        })),
      );
    const res = await uploadDraft(await newToken(), "business_licence", pdf(), { ip });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("一小时内");
    expect((await uploadDraft(await newToken(), "business_licence", pdf())).status).toBe(201);
  });

  it(
    "expires a draft not submitted within a day: ignored by the form, " +
      "then pruned with its bytes by the scheduled job",
    async () => {
      const draftToken = await newToken();
      const { upload } = (await (await uploadDraft(draftToken, "business_licence", pdf("过期的.pdf"))).json()) as {
        upload: { id: string };
      };
      await dbFor("zibo")
        .update(materials)
        .set({ createdAt: Date.now() - 25 * 3_600_000 })
        .where(eq(materials.id, upload.id));
      const page = await post("/apply", form({ ...fields(), draftToken }));
      expect(page.status).toBe(422);
      expect(await page.text()).toContain("请上传营业执照");
      await (exports.default as unknown as { scheduled(o: { cron: string }): Promise<unknown> }).scheduled({
        cron: "* * * * *",
      });
      expect(await dbFor("zibo").select().from(materials).where(eq(materials.id, upload.id))).toEqual([]);
    },
  );

  it("prunes a stale draft's bytes from the store with its row", async () => {
    // Test files in other workers share this database but not this worker's blob store, and their
    // scheduled runs prune every draft stale by the real clock. This draft is 23 hours old — not
    // yet stale to them — and is pruned here with a clock two hours ahead, so only this run sees it.
    const { upload } = (await (await uploadDraft(await newToken(), "business_licence", pdf("旧的.pdf"))).json()) as {
      upload: { id: string };
    };
    await dbFor("zibo")
      .update(materials)
      .set({ createdAt: Date.now() - 23 * 3_600_000 })
      .where(eq(materials.id, upload.id));
    const [row] = await dbFor("zibo").select().from(materials).where(eq(materials.id, upload.id));
    expect(await bucket.head(row!.blobKey)).not.toBeNull();
    const pruned = await pruneDraftUploads({
      db: dbFor("zibo"),
      blobs: r2BlobStore(bucket),
      now: new Date(Date.now() + 2 * 3_600_000),
    });
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await dbFor("zibo").select().from(materials).where(eq(materials.id, upload.id))).toEqual([]);
    expect(await bucket.head(row!.blobKey)).toBeNull();
  });
});
