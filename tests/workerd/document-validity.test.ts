/**
 * Documents that expire (decision 0013), through the real Worker: Changzhi's
 * 2021—2023 plan shows 有效期至2023年12月31日(已到期) on the home page, its page,
 * 政策纵览, each programme and 政策匹配, and refuses new applications (create
 * and submit) with a 422 naming it — while Zibo, whose documents print no
 * period (文件未规定有效期), takes applications as before.
 *
 * Reads only, plus applications of this suite's own: no policy is published
 * here, so the shared zone databases stay as every other suite expects.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { subsidyApplications, users } from "../../worker/db/schema";
import { newId } from "../../worker/lib/ids";
import { call, dbFor, login, sessionCookie } from "./auth-support";
import { api, APPS, enterpriseWithMember, PROGRAMME } from "./subsidies-support";

const CZ = "changzhi.localhost";
const DOC = "changzhi-shuangchuang-2021-2023";
const CZ_PROGRAMME = "changzhi-rd-post-subsidy";
const EXPIRED = "有效期至2023年12月31日(已到期)";
const page = async (host: string, path: string, cookie?: string) => {
  const res = await call(host, "GET", path, { cookie });
  expect(res.status).toBe(200);
  return res.text();
};

async function changzhiMember() {
  const cookie = sessionCookie(await login("changzhi", "enterprise@changzhi.demo", "Demo-changzhi-2026"));
  const [u] = await dbFor("changzhi").select().from(users).where(eq(users.email, "enterprise@changzhi.demo"));
  return { cookie, userId: u!.id, enterpriseId: u!.enterpriseId! };
}

describe("Changzhi's expired plan on the pages", () => {
  it("the home page and the document page give its validity, quoting the sentence that sets it", async () => {
    expect(await page(CZ, "/")).toContain(EXPIRED);
    const doc = await page(CZ, `/policies/documents/${DOC}`);
    expect(doc).toContain(EXPIRED);
    expect(doc).toContain(
      "《长治高新区双创高质量发展三年行动计划实施方案(2021—2023年)》于2020年11月16日管委会会议研究同意实施",
    );
    expect(doc).toContain("本文件的扶持项目已不再受理新的申报");
  });

  it("政策纵览 marks its programmes 已到期, while Zibo's documents say 文件未规定有效期", async () => {
    const cz = await page(CZ, "/policies");
    expect(cz).toContain(EXPIRED);
    expect(cz).toContain('<span class="badge expired">已到期</span>');
    const zibo = await page("zibo.localhost", "/policies");
    expect(zibo).toContain("文件未规定有效期");
    expect(zibo).not.toContain("已到期");
  });

  it("a programme page says 已到期, offers no 在线申报, and its calculator result is not eligible", async () => {
    const { cookie } = await changzhiMember();
    const html = await page(CZ, `/policies/programmes/${CZ_PROGRAMME}`, cookie);
    expect(html).toContain("已到期");
    expect(html).toContain(`政策有效期:${EXPIRED}`);
    expect(html).not.toContain("在线申报</button>");
    // The programme asks no facts, so the result shows at once: the document's validity fails.
    expect(html).toContain("政策文件在有效期内");
    const zibo = await page("zibo.localhost", "/policies/programmes/zibo-rd-inclusive");
    expect(zibo).toContain("政策有效期:文件未规定有效期");
  });

  it("政策匹配 lists its programmes as 已到期 and none of them as 可以申报", async () => {
    const { cookie } = await changzhiMember();
    const html = await page(CZ, "/policies/match", cookie);
    expect(html).toContain('<span class="badge expired">已到期</span>');
    const eligible = /id="tier-eligible"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(eligible).not.toContain("changzhi-");
  });

  it("the documents API gives each document's validity", async () => {
    const cz = (await (await call(CZ, "GET", "/api/v1/policies")).json()) as {
      documents: { id: string; validity: Record<string, unknown> }[];
    };
    expect(cz.documents.find((d) => d.id === DOC)!.validity).toMatchObject({
      status: "expired",
      until: "2023-12-31",
      label: EXPIRED,
      extension: null,
    });
    const zibo = (await (await call("zibo.localhost", "GET", "/api/v1/policies")).json()) as {
      documents: { validity: Record<string, unknown> }[];
    };
    for (const d of zibo.documents)
      expect(d.validity).toMatchObject({ status: "unspecified", label: "文件未规定有效期", source: null });
  });
});

describe("new applications under an expired document", () => {
  it("refuses to start one with a 422 naming the document and its end date, and writes nothing", async () => {
    const { cookie, enterpriseId } = await changzhiMember();
    const res = await api("POST", APPS, { cookie, data: { programme: CZ_PROGRAMME }, on: CZ });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain("长高发〔2020〕65号");
    expect(res.body.error.message).toContain("有效期至2023年12月31日,已到期,不再受理新的申报");
    const rows = await dbFor("changzhi")
      .select()
      .from(subsidyApplications)
      .where(
        and(eq(subsidyApplications.enterpriseId, enterpriseId), eq(subsidyApplications.programmeId, CZ_PROGRAMME)),
      );
    expect(rows).toHaveLength(0);
  });

  it("refuses to submit a draft made before it expired", async () => {
    const { cookie, userId, enterpriseId } = await changzhiMember();
    const id = newId();
    const t = Date.now();
    await dbFor("changzhi").insert(subsidyApplications).values({
      id,
      programmeId: CZ_PROGRAMME,
      enterpriseId,
      createdBy: userId,
      status: "draft",
      createdAt: t,
      updatedAt: t,
    });
    const res = await api("POST", `${APPS}/${id}/submit`, { cookie, on: CZ });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain("有效期至2023年12月31日,已到期");
    const [row] = await dbFor("changzhi").select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
    expect(row).toMatchObject({ status: "draft", submittedAt: null });
  });

  it("still starts one for a Zibo programme, whose document prints no period", async () => {
    const { member } = await enterpriseWithMember();
    const res = await api("POST", APPS, { cookie: member.cookie, data: { programme: PROGRAMME } });
    expect(res.status).toBe(201);
  });
});
