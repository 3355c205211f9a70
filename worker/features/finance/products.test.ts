/**
 * Loan products against a real (in-memory) libSQL database: validation with
 * messages a bank's staff can act on, who may create and edit (own bank only;
 * another bank's product is 404), the revision guard, and the public catalogue's
 * filters — only published products of active banks.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { banks, loanProducts } from "../../db/schema";
import type { Actor } from "../../middleware/request-ctx";
import { financeWorld, product, type FinanceWorld as World } from "./test-support";
import { createProduct, getProduct, ownProduct, ProductInput, setProductStatus, updateProduct } from "./products";
import { listCatalogue, type CatalogueQuery } from "./catalogue";

const WAN = 1_000_000;

/** The zod messages of an input, by field. */
function problems(input: unknown): Record<string, string[]> {
  const r = ProductInput.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) {
    const key = i.path.join(".");
    out[key] = [...(out[key] ?? []), i.message];
  }
  return out;
}

describe("ProductInput", () => {
  it("accepts a sane product and fills the optional fields", () => {
    const { minYears, minRevenueFen, region, ...rest } = product();
    const r = ProductInput.safeParse({ ...rest, industries: undefined, qualifications: undefined });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ industries: [], qualifications: [], minYears: 0, minRevenueFen: 0, region: null });
    expect([minYears, minRevenueFen, region]).toEqual([2, 2000 * WAN, null]);
  });

  it("refuses ranges out of order, each on its own field", () => {
    expect(problems(product({ minAmountFen: 1000 * WAN + 1 }))).toEqual({ minAmountFen: ["最低额度不能高于最高额度"] });
    expect(problems(product({ minRateBp: 481 }))).toEqual({ minRateBp: ["最低利率不能高于最高利率"] });
    expect(problems(product({ minTermMonths: 37 }))).toEqual({ minTermMonths: ["最短期限不能长于最长期限"] });
    // Equal ends are a fixed amount, rate or term, which is fine.
    expect(problems(product({ minAmountFen: 1000 * WAN, minRateBp: 480, minTermMonths: 36 }))).toEqual({});
  });

  it("refuses a rate above 36% or of zero (a misplaced decimal), and accepts exactly 36%", () => {
    expect(problems(product({ maxRateBp: 3601 }))).toEqual({ maxRateBp: ["年利率不超过36%"] });
    expect(problems(product({ minRateBp: 3601, maxRateBp: 3601 }))).toEqual({
      minRateBp: ["年利率不超过36%"],
      maxRateBp: ["年利率不超过36%"],
    });
    expect(problems(product({ minRateBp: 0 }))).toEqual({ minRateBp: ["年利率须大于0"] });
    expect(problems(product({ maxRateBp: 3600 }))).toEqual({});
  });

  it("asks for at least one guarantee form, a name and a positive maximum", () => {
    expect(problems(product({ guarantees: [] }))).toEqual({ guarantees: ["至少选择一种担保方式"] });
    expect(problems(product({ name: " 贷 " }))).toEqual({ name: ["请填写产品名称"] });
    expect(problems(product({ minAmountFen: 0, maxAmountFen: 0 }))).toEqual({ maxAmountFen: ["最高额度须大于0"] });
    expect(problems(product({ minTermMonths: 0 }))).toEqual({ minTermMonths: ["期限至少1个月"] });
    expect(problems({ ...product(), bonus: 1 })).toHaveProperty([""]);
  });
});

describe("creating and editing products", () => {
  let w: World;
  let bank: Actor;
  beforeAll(async () => {
    w = await financeWorld();
    bank = await w.actor("bank@zibo.demo");
  });
  const products = async () => (await w.db.select({ n: count() }).from(loanProducts))[0]!.n;

  it("refuses users who are not a bank's staff, and changes nothing", async () => {
    const before = await products();
    const member = await w.actor("applicant1@zibo.demo");
    await expect(createProduct(w.ctx(member), product())).rejects.toMatchObject({
      code: "forbidden",
      status: 403,
      message: "只有金融机构用户可以管理贷款产品。",
    });
    await expect(createProduct(w.ctx(await w.actor("admin@zibo.demo")), product())).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createProduct(w.ctx({ ...bank, bankId: null }), product())).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await products()).toBe(before);
  });

  it("refuses industries and qualifications that are not the zone's, naming them", async () => {
    const before = await products();
    await expect(createProduct(w.ctx(bank), product({ industries: ["petroleum-equipment"] }))).rejects.toMatchObject({
      code: "validation_failed",
      status: 422,
      message: "本园区没有产业“petroleum-equipment”。",
      fields: { industries: "不是本园区的产业" },
    });
    await expect(createProduct(w.ctx(bank), product({ qualifications: ["hnte", "gazelle"] }))).rejects.toMatchObject({
      code: "validation_failed",
      message: "本园区没有资质“gazelle”。",
      fields: { qualifications: "不是本园区的资质" },
    });
    expect(await products()).toBe(before);
  });

  it("refuses a suspended bank", async () => {
    const suspended = await w.otherBank("bank-paused", "suspended");
    await expect(createProduct(w.ctx(suspended), product())).rejects.toMatchObject({
      code: "forbidden",
      message: "本机构已暂停,不能发布产品。",
    });
  });

  it("creates a draft of the bank's own, with the zone's codes", async () => {
    const p = await createProduct(w.ctx(bank), product({ industries: ["new-materials"], qualifications: ["hnte"] }));
    expect(p).toMatchObject({
      bankId: bank.bankId,
      status: "draft",
      revision: 0,
      createdBy: bank.id,
      industries: '["new-materials"]',
      qualifications: '["hnte"]',
    });
  });

  it("edits with the revision it read; a stale revision is a 409 and changes nothing", async () => {
    const p = await createProduct(w.ctx(bank), product());
    const first = await updateProduct(w.ctx(bank), p.id, product({ name: "科技信用贷(二期)" }), 0);
    expect(first).toMatchObject({ name: "科技信用贷(二期)", revision: 1 });
    await expect(updateProduct(w.ctx(bank), p.id, product({ name: "同事的旧稿" }), 0)).rejects.toMatchObject({
      code: "conflict",
      status: 409,
    });
    expect(await ownProduct(w.ctx(bank), p.id)).toMatchObject({ name: "科技信用贷(二期)", revision: 1 });
    // Without a revision the service uses the one it just read.
    expect(await updateProduct(w.ctx(bank), p.id, product({ name: "科技信用贷(三期)" }))).toMatchObject({
      revision: 2,
    });
  });

  it("hides another bank's product as if it did not exist (404), for reading, editing and publishing", async () => {
    const p = await createProduct(w.ctx(bank), product());
    const rival = await w.otherBank("bank-rival");
    const notFound = { code: "not_found", status: 404, message: "没有这个贷款产品。" };
    await expect(ownProduct(w.ctx(rival), p.id)).rejects.toMatchObject(notFound);
    await expect(updateProduct(w.ctx(rival), p.id, product({ name: "改名" }))).rejects.toMatchObject(notFound);
    await expect(setProductStatus(w.ctx(rival), p.id, "published")).rejects.toMatchObject(notFound);
    expect(await ownProduct(w.ctx(bank), p.id)).toMatchObject({ name: "科技信用贷", status: "draft", revision: 0 });
  });
});

describe("the catalogue (金融超市)", () => {
  let w: World;
  let bank: Actor;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await financeWorld();
    bank = await w.actor("bank@zibo.demo");
    const publish = async (key: string, input: ProductInput, by = bank) => {
      const p = await createProduct(w.ctx(by), input);
      await setProductStatus(w.ctx(by), p.id, "published");
      ids[key] = p.id;
    };
    await publish(
      "credit",
      product({
        name: "科技信用贷",
        type: "credit",
        minAmountFen: 50 * WAN,
        maxAmountFen: 1000 * WAN,
        minRateBp: 345,
        maxRateBp: 480,
        minTermMonths: 6,
        maxTermMonths: 36,
        guarantees: ["credit"],
        industries: [],
        features: "纯信用,随借随还",
      }),
    );
    await publish(
      "mortgage",
      product({
        name: "厂房抵押贷",
        type: "mortgage",
        minAmountFen: 100 * WAN,
        maxAmountFen: 5000 * WAN,
        minRateBp: 420,
        maxRateBp: 600,
        minTermMonths: 12,
        maxTermMonths: 60,
        guarantees: ["mortgage", "guarantee"],
        industries: ["new-materials"],
        features: "以厂房、土地抵押",
      }),
    );
    await publish(
      "ip",
      product({
        name: "知识产权质押贷",
        type: "ip_pledge",
        minAmountFen: 10 * WAN,
        maxAmountFen: 500 * WAN,
        minRateBp: 380,
        maxRateBp: 450,
        minTermMonths: 3,
        maxTermMonths: 12,
        guarantees: ["pledge"],
        industries: ["new-medicine"],
        features: "专利、商标均可",
      }),
    );
    // Not listed: a draft, a withdrawn product, and a suspended bank's published one.
    ids.draft = (await createProduct(w.ctx(bank), product({ name: "尚未发布的贷款" }))).id;
    await publish("withdrawn", product({ name: "已下架的信用贷" }));
    await setProductStatus(w.ctx(bank), ids.withdrawn!, "withdrawn");
    const paused = await w.otherBank("bank-later-paused");
    await publish("paused", product({ name: "暂停机构的信用贷", minRateBp: 100, maxRateBp: 200 }), paused);
    await w.db.update(banks).set({ status: "suspended" }).where(eq(banks.id, "bank-later-paused"));
  });
  const listed = async (q: CatalogueQuery) =>
    (await listCatalogue(w.db, q)).rows.map((c) => Object.keys(ids).find((k) => ids[k] === c.product.id));

  it("lists only published products of active banks, lowest rate first, with the bank's name", async () => {
    expect(await listed({})).toEqual(["credit", "ip", "mortgage"]);
    expect((await listCatalogue(w.db, {})).rows[0]).toMatchObject({
      bankName: "示范银行淄博市分行",
      bankBranch: "淄博市分行营业部",
    });
  });

  it("filters by type", async () => {
    expect(await listed({ type: "ip_pledge" })).toEqual(["ip"]);
    expect(await listed({ type: "insurance" })).toEqual([]);
  });

  it("filters by amount: products whose range holds it, both ends included", async () => {
    expect(await listed({ amountFen: 10 * WAN })).toEqual(["ip"]);
    expect(await listed({ amountFen: 10 * WAN - 1 })).toEqual([]);
    expect(await listed({ amountFen: 50 * WAN })).toEqual(["credit", "ip"]);
    expect(await listed({ amountFen: 100 * WAN })).toEqual(["credit", "ip", "mortgage"]);
    expect(await listed({ amountFen: 5000 * WAN })).toEqual(["mortgage"]);
    expect(await listed({ amountFen: 5000 * WAN + 1 })).toEqual([]);
  });

  it("filters by term, both ends included", async () => {
    expect(await listed({ termMonths: 3 })).toEqual(["ip"]);
    expect(await listed({ termMonths: 36 })).toEqual(["credit", "mortgage"]);
    expect(await listed({ termMonths: 60 })).toEqual(["mortgage"]);
    expect(await listed({ termMonths: 61 })).toEqual([]);
  });

  it("filters by the highest acceptable rate against each product's lowest rate", async () => {
    expect(await listed({ maxRateBp: 380 })).toEqual(["credit", "ip"]);
    expect(await listed({ maxRateBp: 379 })).toEqual(["credit"]);
    expect(await listed({ maxRateBp: 344 })).toEqual([]);
  });

  it("filters by guarantee form", async () => {
    expect(await listed({ guarantee: "guarantee" })).toEqual(["mortgage"]);
    expect(await listed({ guarantee: "pledge" })).toEqual(["ip"]);
    expect(await listed({ guarantee: "credit" })).toEqual(["credit"]);
  });

  it("filters by industry, keeping the 不限行业 products", async () => {
    expect(await listed({ industry: "new-materials" })).toEqual(["credit", "mortgage"]);
    expect(await listed({ industry: "new-medicine" })).toEqual(["credit", "ip"]);
    expect(await listed({ industry: "electronic-information" })).toEqual(["credit"]);
  });

  it("finds a keyword in the name or the features", async () => {
    expect(await listed({ q: "质押" })).toEqual(["ip"]);
    expect(await listed({ q: "土地" })).toEqual(["mortgage"]);
    expect(await listed({ q: "随借随还" })).toEqual(["credit"]);
    expect(await listed({ q: "已下架" })).toEqual([]);
  });

  it("combines filters", async () => {
    expect(await listed({ amountFen: 300 * WAN, termMonths: 12, industry: "new-materials" })).toEqual([
      "credit",
      "mortgage",
    ]);
    expect(await listed({ amountFen: 300 * WAN, termMonths: 12, industry: "new-materials", maxRateBp: 400 })).toEqual([
      "credit",
    ]);
  });

  it(
    "shows a published product to anyone; a draft, withdrawn " + "or suspended bank's product only to its own bank",
    async () => {
      const member = await w.actor("applicant1@zibo.demo");
      expect((await getProduct(w.db, ids.credit!, null)).product.name).toBe("科技信用贷");
      const notFound = { code: "not_found", status: 404, message: "金融超市没有这个产品。" };
      for (const key of ["draft", "withdrawn", "paused"]) {
        await expect(getProduct(w.db, ids[key]!, null)).rejects.toMatchObject(notFound);
        await expect(getProduct(w.db, ids[key]!, member)).rejects.toMatchObject(notFound);
      }
      await expect(getProduct(w.db, ids.draft!, await w.otherBank("bank-onlooker"))).rejects.toMatchObject(notFound);
      expect((await getProduct(w.db, ids.draft!, bank)).product).toMatchObject({ id: ids.draft, status: "draft" });
      expect((await getProduct(w.db, ids.withdrawn!, bank)).product.status).toBe("withdrawn");
      const pausedStaff: Actor = {
        id: "x",
        email: "x@bank.test",
        role: "bank",
        enterpriseId: null,
        bankId: "bank-later-paused",
      };
      expect((await getProduct(w.db, ids.paused!, pausedStaff)).bankStatus).toBe("suspended");
      await expect(getProduct(w.db, "no-such-product", bank)).rejects.toMatchObject(notFound);
    },
  );
});
