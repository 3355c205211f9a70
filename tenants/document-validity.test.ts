/**
 * Every document of every zone states its validity (decision 0013): a period
 * quoted verbatim from its seed, or plainly none. And the rules that read it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { refusalForExpiredDocument, validityOn } from "../worker/lib/document-validity";
import { zones } from "./index";
import { policyDocumentSchema, type PolicyDocument } from "./schema";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seedsDir = process.env.YUANQU_SEEDS_DIR ?? path.resolve(repoRoot, "../shared/seeds");
const hasSeeds = existsSync(seedsDir);
const squash = (s: string): string => s.replace(/\s+/gu, "");
const documents = zones.all().flatMap((z) => z.documents.map((d) => [`${z.slug}/${d.id}`, d] as const));

describe("every zone document's validity", () => {
  it.each(documents)("%s states a validity, dated or plainly unspecified", (_, doc) => {
    expect(doc.validity, "add validity: { until/from, source } or { unspecified: true }").toBeDefined();
  });

  it.skipIf(!hasSeeds).each(documents)(
    "%s: a dated validity quotes its seed verbatim and names the years it sets",
    (_, doc) => {
      const v = doc.validity;
      if (!v || "unspecified" in v) return;
      // A demo document (演示) has no seed: its validity sentence is one of its own clauses.
      const seed = squash(
        doc.source.seed === "demo"
          ? doc.clauses.map((c) => c.text).join("")
          : readFileSync(path.join(seedsDir, doc.source.seed), "utf8"),
      );
      expect(seed).toContain(squash(v.source));
      for (const day of [v.from, v.until]) if (day) expect(v.source).toContain(`${day.slice(0, 4)}年`);
    },
  );

  it("records Changzhi's 2021—2023 plan as ending on 2023-12-31 and the others as printing no period", () => {
    const byId = new Map(documents.map(([, d]) => [d.id, d.validity]));
    expect(byId.get("changzhi-shuangchuang-2021-2023")).toMatchObject({ until: "2023-12-31" });
    for (const id of ["zibo-zichuang-2017", "zibo-innovation-platforms-2020", "dongying-innovative-city-2018"])
      expect(byId.get(id)).toEqual({ unspecified: true });
  });
});

const base = zones.get("changzhi")!.documents[0]!;
const withValidity = (over: Partial<PolicyDocument>): PolicyDocument => ({ ...base, ...over });

describe("validityOn", () => {
  const plan = withValidity({ validity: { until: "2023-12-31", source: "(2021—2023年)" } });

  it("is in force on its last day and expired the day after, saying 已到期", () => {
    expect(validityOn(plan, "2023-12-31")).toMatchObject({ status: "in_force", label: "有效期至2023年12月31日" });
    expect(validityOn(plan, "2024-01-01")).toMatchObject({
      status: "expired",
      label: "有效期至2023年12月31日(已到期)",
    });
  });

  it("says 文件未规定有效期 when the text prints none, and for a document published before validity existed", () => {
    expect(validityOn(withValidity({ validity: { unspecified: true } }), "2099-01-01")).toMatchObject({
      status: "unspecified",
      label: "文件未规定有效期",
    });
    expect(validityOn(withValidity({ validity: undefined }), "2099-01-01").status).toBe("unspecified");
  });

  it("keeps an extended document open to the extension's end, naming both ends", () => {
    const extended = withValidity({
      validity: plan.validity,
      extension: { until: "2026-12-31", by: "关于延长有效期的通知" },
    });
    expect(validityOn(extended, "2026-06-30")).toMatchObject({
      status: "in_force",
      label: "有效期至2023年12月31日,园区已延期至2026年12月31日",
    });
    expect(validityOn(extended, "2027-01-01").status).toBe("expired");
  });

  it("is not yet in force before its from day", () => {
    const later = withValidity({ validity: { from: "2027-01-01", source: "2027年起施行" } });
    expect(validityOn(later, "2026-12-31")).toMatchObject({
      status: "not_yet",
      label: "自2027年1月1日起施行(尚未施行)",
    });
  });
});

describe("refusalForExpiredDocument", () => {
  const plan = withValidity({ validity: { until: "2023-12-31", source: "(2021—2023年)" } });

  it("refuses with 422 naming the document, its number and its end date", () => {
    const e = refusalForExpiredDocument(plan, "企业研发后补助", "2026-06-30");
    expect(e?.status).toBe(422);
    expect(e?.message).toContain(base.title);
    expect(e?.message).toContain("长高发〔2020〕65号");
    expect(e?.message).toContain("有效期至2023年12月31日,已到期");
  });

  it("lets an application go on while in force, when unspecified, or when extended", () => {
    expect(refusalForExpiredDocument(plan, "x", "2023-12-31")).toBeNull();
    expect(refusalForExpiredDocument(withValidity({ validity: { unspecified: true } }), "x", "2026-06-30")).toBeNull();
    expect(
      refusalForExpiredDocument(
        withValidity({ validity: plan.validity, extension: { until: "2026-12-31", by: "延期通知" } }),
        "x",
        "2026-06-30",
      ),
    ).toBeNull();
  });
});

describe("the document format", () => {
  const raw = (over: Record<string, unknown>) => ({ ...base, ...over });

  it("refuses a validity with neither end, an end before its start, or an unknown key", () => {
    expect(policyDocumentSchema.safeParse(raw({ validity: { source: "有效期" } })).success).toBe(false);
    expect(
      policyDocumentSchema.safeParse(raw({ validity: { from: "2024-01-01", until: "2023-12-31", source: "有效期" } }))
        .success,
    ).toBe(false);
    expect(
      policyDocumentSchema.safeParse(raw({ validity: { until: "2023-12-31", source: "有效期", note: "x" } })).success,
    ).toBe(false);
    expect(policyDocumentSchema.safeParse(raw({ validity: { unspecified: false } })).success).toBe(false);
  });

  it("accepts an extension only after the printed end of a dated document", () => {
    const dated = { until: "2023-12-31", source: "(2021—2023年)" };
    expect(
      policyDocumentSchema.safeParse(raw({ validity: dated, extension: { until: "2026-12-31", by: "延期通知" } }))
        .success,
    ).toBe(true);
    expect(
      policyDocumentSchema.safeParse(raw({ validity: dated, extension: { until: "2023-06-30", by: "延期通知" } }))
        .success,
    ).toBe(false);
    expect(
      policyDocumentSchema.safeParse(
        raw({ validity: { unspecified: true }, extension: { until: "2026-12-31", by: "延期通知" } }),
      ).success,
    ).toBe(false);
  });
});
