/**
 * The three demo zones (zibo, dongying, changzhi): they parse, their slugs match
 * their folders, and every clause is copied faithfully from its seed page.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zoneSchema, type PolicyDocument, type ZoneConfig } from "./schema";
import changzhi from "./changzhi/zone";
import dongying from "./dongying/zone";
import zibo from "./zibo/zone";

const tenantsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(tenantsDir, "..");
// The seeds live in the shared brief beside the repository (CI lays a copy there);
// YUANQU_SEEDS_DIR points elsewhere. Without them the checks against the source
// text are skipped, loudly, and everything else still runs.
const seedsDir = process.env.YUANQU_SEEDS_DIR ?? path.resolve(repoRoot, "../shared/seeds");
const hasSeeds = existsSync(seedsDir);
if (!hasSeeds)
  console.warn(`tenants/zones.test.ts: no seeds at ${seedsDir}; skipping the checks against the source pages`);

/** Folder name → the zone its zone.ts exports. */
const zones: Record<string, ZoneConfig> = { zibo, dongying, changzhi };

/**
 * Clauses whose text was repaired for encoding damage in the seed. For each, the
 * test puts the printed form back and checks that this appears in the seed, so a
 * repair can change only the listed characters.
 */
const REPAIRED_CLAUSES: ReadonlyArray<{
  document: string;
  clause: string;
  printed: string;
  repaired: string;
  why: string;
}> = [
  {
    document: "zibo-zichuang-2017",
    clause: "18",
    printed: "1020个百分点",
    repaired: "10—20个百分点",
    // The range separator was lost in the seed; the next tier reads "20个百分点以上",
    // so the first tier is 10 to 20 points. The dash follows clause 10's "30—100万元".
    why: "lost range separator",
  },
  {
    document: "zibo-zichuang-2017",
    clause: "29",
    printed: "淄高新发〔20155号",
    repaired: "淄高新发〔2015〕5号",
    // The seed drops every closing 〔…〕 bracket (compare the preamble's "国函〔201664号").
    why: "lost 〕 in a 文号",
  },
  {
    document: "zibo-zichuang-2017",
    clause: "29",
    printed: "淄高新发〔20171号",
    repaired: "淄高新发〔2017〕1号",
    why: "lost 〕 in a 文号",
  },
];

/** Section headings repaired for encoding damage: repaired form → printed form. */
const REPAIRED_SECTIONS: Readonly<Record<string, string>> = {
  // Seed 000 prints "、健全人才激励机制…": the numeral 九 is lost between 八 and 十.
  "九、健全人才激励机制,扶持高层次人才创新创业": "、健全人才激励机制,扶持高层次人才创新创业",
};

/** Whitespace is layout in these pages (line breaks, indents, page breaks): compare without it. */
const squash = (s: string): string => s.replace(/\s+/gu, "");

const seedCache = new Map<string, string>();
function seedText(seed: string): string {
  let text = seedCache.get(seed);
  if (text === undefined) {
    text = squash(readFileSync(path.join(seedsDir, seed), "utf8"));
    seedCache.set(seed, text);
  }
  return text;
}

/** WCAG 2.x contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (1 + 0.05) / (luminance + 0.05);
}

const allDocuments: Array<[string, PolicyDocument]> = Object.entries(zones).flatMap(([folder, zone]) =>
  zone.documents.map((doc): [string, PolicyDocument] => [folder, doc]),
);

function doc(zone: ZoneConfig, id: string): PolicyDocument {
  const found = zone.documents.find((d) => d.id === id);
  if (!found) throw new Error(`${zone.slug} has no document ${id}`);
  return found;
}

describe("zone configurations", () => {
  it.each(Object.entries(zones))("%s parses and its slug is its folder name", (folder, zone) => {
    expect(() => zoneSchema.parse(zone)).not.toThrow();
    expect(zone.slug).toBe(folder);
    expect(existsSync(path.join(tenantsDir, folder, "zone.ts"))).toBe(true);
  });

  it("slugs, document ids and primary colours differ between zones", () => {
    const list = Object.values(zones);
    expect(new Set(list.map((z) => z.slug)).size).toBe(list.length);
    expect(new Set(list.map((z) => z.branding.primary.toLowerCase())).size).toBe(list.length);
    const docIds = list.flatMap((z) => z.documents.map((d) => d.id));
    expect(new Set(docIds).size).toBe(docIds.length);
  });

  it.each(Object.entries(zones))("%s: white text on the primary colour passes WCAG AA (4.5:1)", (_folder, zone) => {
    expect(contrastWithWhite(zone.branding.primary)).toBeGreaterThanOrEqual(4.5);
  });

  it.skipIf(!hasSeeds)("only Dongying's phone number comes from a seed", () => {
    expect(dongying.contact.phone).toBe("0546-8317796");
    expect(dongying.contact.phoneFromSource).toBe(true);
    expect(seedText(doc(dongying, "dongying-innovative-city-2018").source.seed)).toContain(
      squash(`${dongying.contact.passwordHelp},联系方式:${dongying.contact.phone}`),
    );
    expect(zibo.contact.phone.startsWith("0533-")).toBe(true);
    expect(zibo.contact.phoneFromSource).toBe(false);
    expect(changzhi.contact.phone.startsWith("0355-")).toBe(true);
    expect(changzhi.contact.phoneFromSource).toBe(false);
  });
});

describe("policy documents", () => {
  it.each(allDocuments.map(([folder, d]) => [`${folder}/${d.id}`, d] as const))(
    "%s: clause ids are unique and numbered in printed order",
    (_name, d) => {
      const ids = d.clauses.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Siblings (same parent id) appear in increasing order of their last number.
      const lastByParent = new Map<string, number>();
      for (const id of ids) {
        const parts = id.split(".");
        const parent = parts.slice(0, -1).join(".");
        const n = Number(parts.at(-1));
        expect(n, `clause ${id} out of order`).toBeGreaterThan(lastByParent.get(parent) ?? 0);
        lastByParent.set(parent, n);
      }
    },
  );

  it.skipIf(!hasSeeds).each(allDocuments.map(([folder, d]) => [`${folder}/${d.id}`, d] as const))(
    "%s: title, 文号, section headings and every clause's text appear in the seed",
    (_name, d) => {
      // A demo document (演示) has no seed: its own clauses name the public texts it follows (below).
      if (d.source.seed === "demo") return;
      const seed = seedText(d.source.seed);
      expect(seed).toContain(squash(d.title));
      if (d.docNumber !== null) expect(seed).toContain(squash(d.docNumber));
      for (const c of d.clauses) {
        let printed = c.text;
        for (const r of REPAIRED_CLAUSES.filter((r) => r.document === d.id && r.clause === c.id)) {
          expect(printed, `repair listed for clause ${c.id} is not in its text`).toContain(r.repaired);
          printed = printed.replace(r.repaired, r.printed);
        }
        expect(
          seed.includes(squash(printed)),
          `clause ${c.id} (${c.label}) not found verbatim in ${d.source.seed}`,
        ).toBe(true);
        if (c.section !== null) {
          const section = REPAIRED_SECTIONS[c.section] ?? c.section;
          expect(seed.includes(squash(section)), `section of clause ${c.id} not in seed: ${c.section}`).toBe(true);
        }
      }
    },
  );

  it("a demo document says 演示 in its title and first clause and names its public sources by address", () => {
    const demos = allDocuments.filter(([, d]) => d.source.seed === "demo");
    expect(demos.map(([folder, d]) => `${folder}/${d.id}`)).toEqual(["changzhi/changzhi-loan-support-demo"]);
    for (const [, d] of demos) {
      expect(d.title).toContain("演示");
      expect(d.docNumber).toBeNull();
      expect(d.clauses[0]!.text).toContain("演示数据");
      expect(d.clauses[0]!.text).toMatch(/https?:\/\//);
    }
  });

  it("every repair in the exception list is used", () => {
    for (const r of REPAIRED_CLAUSES) {
      const d = allDocuments.find(([, x]) => x.id === r.document)?.[1];
      const clause = d?.clauses.find((c) => c.id === r.clause);
      expect(clause?.text, `${r.document} clause ${r.clause}`).toContain(r.repaired);
    }
  });
});

describe("zibo seed 000 (淄博高新区自创区实施意见)", () => {
  const zichuang = doc(zibo, "zibo-zichuang-2017");
  const clause = (id: string) => {
    const c = zichuang.clauses.find((x) => x.id === id);
    if (!c) throw new Error(`no clause ${id}`);
    return c;
  };

  it("comes from seed 000 and is a zone-level document", () => {
    expect(zichuang.source.seed).toMatch(/^000_/);
    expect(zichuang.level).toBe("zone");
    expect(zichuang.issuedOn).toBe("2017-07-24");
  });

  it("has the printed clauses 1–41, including the programmes 6–30", () => {
    const numbered = zichuang.clauses.filter((c) => !c.id.includes("."));
    expect(numbered.map((c) => c.id)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    for (const c of numbered) expect(c.label).toBe(`${c.id}.`);
    const ids = new Set(zichuang.clauses.map((c) => c.id));
    for (let n = 6; n <= 30; n++) expect(ids.has(String(n)), `clause ${n}`).toBe(true);
  });

  it("clause 14 is the R&D inclusive subsidy", () => {
    expect(clause("14").text).toContain("研发费用加计扣除");
    expect(clause("14").text).toContain("100万元");
    expect(clause("14").section).toBe("六、完善企业创新激励机制,支持企业提高自主创新能力");
  });

  it("clause 27 keeps its patent sub-items", () => {
    const text = clause("27").text;
    expect(text).toContain("1000元");
    expect(text).toContain("(PCT)");
    expect(text).toContain("非生产型企业");
    expect(text.split("\n")).toHaveLength(3);
  });

  it("clauses carry the amounts the rules engine cites", () => {
    expect(clause("12").text).toContain("100万元、50万元和10万元");
    expect(clause("15").text).toContain("20万元");
    expect(clause("16").text).toContain("1:0.5");
    expect(clause("24").text).toContain("3%");
    expect(clause("10").text).toContain("30—100万元");
  });
});

describe("seed 001, 002, 004", () => {
  it("zibo seed 001 is Zibo city's 淄政办字〔2020〕43号", () => {
    const d = doc(zibo, "zibo-innovation-platforms-2020");
    expect(d.docNumber).toBe("淄政办字〔2020〕43号");
    expect(d.level).toBe("municipal");
    expect(d.clauses.find((c) => c.id === "4.3.3")?.text).toContain("就高不就低");
  });

  it("dongying seed 002 keeps the indicator table inside 发展目标", () => {
    const d = doc(dongying, "dongying-innovative-city-2018");
    expect(d.level).toBe("municipal");
    expect(d.clauses.find((c) => c.id === "1.2")?.text).toContain("东营市建设国家创新型城市主要指标");
  });

  it("changzhi seed 004 is 长高发〔2020〕65号 with the 政金企 platform and 金融超市", () => {
    const d = doc(changzhi, "changzhi-shuangchuang-2021-2023");
    expect(d.docNumber).toBe("长高发〔2020〕65号");
    expect(d.issuedOn).toBe("2020-11-20");
    expect(d.level).toBe("zone");
    const finance = d.clauses.find((c) => c.id === "4.12.3")?.text ?? "";
    expect(finance).toContain("科技助保贷");
    expect(finance).toContain("企业融资需求信息库");
    expect(d.clauses.find((c) => c.id === "4.12.4")?.text).toContain("金融超市");
  });
});
