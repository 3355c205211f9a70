/**
 * Two zones never see each other's rows: a row written straight into one
 * zone's database (through the libSQL server, as another process would) shows
 * up on that zone's subdomain only.
 */
import { createClient } from "@libsql/client/web";
import { exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const probe = { id: "isolation-probe", title: "隔离探针文件" };
const zibo = () => createClient({ url: `${inject("libsqlUrl")}/t/zibo/` });
const get = (host: string, path: string) => exports.default.fetch(`http://${host}${path}`);

describe("tenant isolation", () => {
  beforeAll(async () => {
    const db = zibo();
    await db.batch(
      [
        {
          sql:
            "INSERT INTO policy_documents (id, title, doc_number, issuer, issued_on, level, summary, " +
            "source_seed, source_url, clause_count, content_hash, position) VALUES (?, ?, NULL, '测试', " +
            "'2026-01-01', 'zone', '测试', '000_0000000000000000.txt', NULL, 1, 'x', 99)",
          args: [probe.id, probe.title],
        },
        {
          sql:
            "INSERT INTO policy_clauses (document_id, clause_id, position, label, section, text) " +
            "VALUES (?, '1', 0, '1.', NULL, '探针条款')",
          args: [probe.id],
        },
      ],
      "write",
    );
    db.close();
  });

  afterAll(async () => {
    const db = zibo();
    await db.batch(
      [
        { sql: "DELETE FROM policy_clauses WHERE document_id = ?", args: [probe.id] },
        { sql: "DELETE FROM policy_documents WHERE id = ?", args: [probe.id] },
      ],
      "write",
    );
    db.close();
  });

  it("shows a zone's row on its own subdomain", async () => {
    // A query of its own: the row was written behind the app's back, so a page-cache copy of the plain
    // list stored by an earlier file (keyed by a data version this isolate learns within 5 s) may lack it.
    const res = await get("zibo.localhost", "/api/v1/policies?isolation-probe=1");
    const body = (await res.json()) as { documents: { id: string }[] };
    expect(body.documents.map((d) => d.id)).toContain(probe.id);
    expect(await (await get("zibo.localhost", `/policies/documents/${probe.id}`)).text()).toContain("探针条款");
  });

  it("never shows it on another zone's subdomain, by list, by id or by page", async () => {
    for (const host of ["dongying.localhost", "changzhi.localhost"]) {
      const list = (await (await get(host, "/api/v1/policies")).json()) as { documents: { id: string }[] };
      expect(list.documents.map((d) => d.id)).not.toContain(probe.id);
      expect((await get(host, `/api/v1/policies/documents/${probe.id}`)).status).toBe(404);
      const page = await get(host, `/policies/documents/${probe.id}`);
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain("探针条款");
    }
  });
});
