import { describe, expect, it } from "vitest";
import { validityOn } from "../../lib/document-validity";
import { closedDocumentLines } from "./closed-documents";

type Status = Parameters<typeof closedDocumentLines>[0] extends ReadonlyMap<string, infer S> ? S : never;

const doc = (validity: { from?: string; until?: string; source: string }) => ({
  title: "三年行动计划",
  docNumber: "测发〔2020〕1号",
  validity,
});

describe("closedDocumentLines", () => {
  const expired = {
    ...validityOn(doc({ until: "2023-12-31", source: "(2021—2023年)" }), "2026-01-01"),
    document: doc({ until: "2023-12-31", source: "" }),
  };
  const later = {
    ...validityOn(doc({ from: "2027-01-01", source: "自2027年1月1日起施行" }), "2026-01-01"),
    document: { title: "新办法", docNumber: null },
  };
  const statuses = new Map<string, Status>([
    ["a", expired],
    ["b", later],
  ]);

  it("counts each document's closed programmes and prints its dates in Chinese", () => {
    expect(closedDocumentLines(statuses, ["a", "a", "b", "a"])).toEqual([
      "《三年行动计划》(测发〔2020〕1号)有效期至2023年12月31日,已到期,其中的3项政策不再受理新的申报。",
      "《新办法》自2027年1月1日起施行,尚未施行,其中的1项政策此前不受理申报。",
    ]);
  });

  it("says nothing when no programme is closed", () => {
    expect(closedDocumentLines(statuses, [])).toEqual([]);
  });
});
