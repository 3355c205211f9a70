/** 政策纵览 (GET /policies): programmes of the version in force, searchable by words and category. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../env";
import { shanghaiDate } from "../../../lib/calendar";
import { refuseBadCharacters } from "../../../lib/form-text";
import { zoneOf } from "../../../middleware/zone";
import { CATEGORIES } from "../../../engines/policy/format/programme";
import { PolicyOverviewPage } from "../../../../web/pages/policy/overview";
import { loadCurrentPolicy } from "../current-policy";
import { documentStatuses } from "../document-status";
import { searchProgrammes } from "../search-programmes";
import { isStaff, versionLine } from "./page-helpers";

export function overviewPage(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get("/", async (c) => {
    const { zone, db } = zoneOf(c);
    refuseBadCharacters(c.req.query(), { q: "搜索词" });
    const q = (c.req.query("q") ?? "").trim().slice(0, 50);
    const asked = c.req.query("category") ?? "";
    const category = asked in CATEGORIES ? asked : "";
    const today = shanghaiDate(deps.now());
    const policy = await loadCurrentPolicy({ db, zone }, today);
    const common = {
      zone,
      nonce: c.get("secureHeadersNonce"),
      user: c.get("auth")?.user,
      query: { q, category },
      staff: isStaff(c),
    };
    if (!policy)
      return c.html(
        <PolicyOverviewPage
          {...common}
          version={null}
          programmes={[]}
          total={0}
          categories={[]}
          documents={[]}
          validity={{}}
        />,
      );
    const { list, set } = policy.compiled;
    const statuses = documentStatuses(zone, policy, today);
    const categories = Object.entries(CATEGORIES)
      .map(([code, name]) => ({ code, name, count: list.filter((p) => p.category === code).length }))
      .filter((x) => x.count > 0);
    return c.html(
      <PolicyOverviewPage
        {...common}
        version={versionLine(policy)}
        programmes={searchProgrammes(policy.compiled, { q, category })}
        total={list.length}
        categories={categories}
        documents={set.documents.map((d) => ({
          id: d.id,
          title: d.title,
          docNumber: d.docNumber,
          validity: statuses.get(d.id)!.label,
        }))}
        validity={Object.fromEntries([...statuses].map(([id, v]) => [id, { status: v.status, label: v.label }]))}
      />,
    );
  });
  return r;
}
