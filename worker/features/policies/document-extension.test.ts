/**
 * A zone extends an expired document by publishing a policy version whose
 * document carries `extension` (decision 0013): from that version's effective
 * date the document reads as in force and applications are no longer refused;
 * before it, and after the extension ends, they are.
 */
import { describe, expect, it } from "vitest";
import zone from "../../../tenants/changzhi/zone";
import { openMemoryTenantDb } from "../../db/memory-db";
import { refusalForExpiredDocument } from "../../lib/document-validity";
import type { PolicySetInput } from "../../engines/policy/format/policy-set";
import { loadCurrentPolicy } from "./current-policy";
import { listPolicyDocumentsOn } from "./list-documents";
import { publishPolicyVersion } from "./publish-policy-version";
import { syncPolicyDocuments } from "./sync-documents";

const DOC = "changzhi-shuangchuang-2021-2023";
const NOW = new Date("2026-03-01T02:00:00Z");
const set = (over: Partial<PolicySetInput> = {}): PolicySetInput => ({
  zone: "changzhi",
  label: "测试版",
  effectiveFrom: "2026-01-01",
  documents: zone.documents,
  programmes: [],
  cases: [],
  ...over,
});
const extended = zone.documents.map((d) =>
  d.id === DOC ? { ...d, extension: { until: "2026-12-31", by: "关于延长双创三年行动计划实施期限的通知(测试)" } } : d,
);

async function published() {
  const { db } = await openMemoryTenantDb();
  const ctx = {
    db,
    zone,
    now: NOW,
    ip: "203.0.113.1",
    actor: { id: "u-admin", email: "admin@changzhi.test" },
    origin: "https://changzhi.example.cn",
  };
  await syncPolicyDocuments({ db, zone });
  await publishPolicyVersion(ctx, set(), { baseVersion: null });
  await publishPolicyVersion(ctx, set({ label: "延期版", effectiveFrom: "2026-06-01", documents: extended }), {
    baseVersion: 1,
  });
  return db;
}

const statusOn = async (db: Awaited<ReturnType<typeof published>>, date: string) =>
  (await listPolicyDocumentsOn({ db, zone }, date)).find((d) => d.id === DOC)!.validity;
const refusalOn = async (db: Awaited<ReturnType<typeof published>>, date: string) => {
  const policy = await loadCurrentPolicy({ db, zone }, date);
  return refusalForExpiredDocument(
    policy!.compiled.set.documents.find((d) => d.id === DOC),
    "企业研发后补助",
    date,
  );
};

describe("a published extension of an expired document", () => {
  it("is expired and refused before the extending version takes effect", async () => {
    const db = await published();
    expect(await statusOn(db, "2026-05-31")).toMatchObject({
      status: "expired",
      label: "有效期至2023年12月31日(已到期)",
      extension: null,
    });
    expect((await refusalOn(db, "2026-05-31"))?.status).toBe(422);
  });

  it("is in force, naming the extension, from that version's effective date to the extension's end", async () => {
    const db = await published();
    expect(await statusOn(db, "2026-06-01")).toMatchObject({
      status: "in_force",
      label: "有效期至2023年12月31日,园区已延期至2026年12月31日",
      extension: { until: "2026-12-31" },
    });
    expect(await refusalOn(db, "2026-12-31")).toBeNull();
    expect((await refusalOn(db, "2027-01-01"))?.message).toContain("有效期至2026年12月31日,已到期");
  });
});
