/**
 * Publishing a policy version through the API says in Chinese what it reports, as the preview does:
 * a publication its changes (`zh.diff`, beside the unchanged `diff`), a refusal each failing case
 * and each format problem (`error.fields`: `cases.N`, `errors.N`) — the very sentences the previews
 * API gave for the same set — storing nothing. On a zone of this file's own, whose versions no other
 * suite counts.
 */
import { desc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { policyVersions } from "../../worker/db/schema";
import { call, dbFor, login, makeUser, postJson, sessionCookie } from "./auth-support";
import { provisionTestZone } from "./platform-support";
import { roundTrips } from "./round-trip-support";

const SLUG = "wdpublishzh";
const HOST = `${SLUG}.localhost`;
const ORIGIN = `http://${HOST}:8787`;
const VERSIONS = "/api/v1/admin/policy/versions";
const PREVIEWS = "/api/v1/admin/policy/previews";

// biome-ignore lint/suspicious/noExplicitAny: tests read the answers loosely, by the field they check
type Json = Record<string, any>;

let cookie = "";
let base = 0;
let stored: Json = {};
const newest = async () =>
  (await dbFor(SLUG).select({ id: policyVersions.id }).from(policyVersions).orderBy(desc(policyVersions.id)))[0]!.id;
const publish = (policySet: unknown, baseVersion = base) =>
  postJson(HOST, VERSIONS, { policySet, baseVersion }, { cookie, origin: ORIGIN });
const previewOf = async (policySet: unknown) =>
  (await (await postJson(HOST, PREVIEWS, { policySet }, { cookie, origin: ORIGIN })).json()) as Json;

beforeAll(async () => {
  await provisionTestZone(SLUG, { zh: "发布测试高新区", en: "Publish Test Zone" }, "0535-5555555");
  const admin = await makeUser(SLUG, "zone_admin");
  cookie = sessionCookie(await login(SLUG, admin.email, admin.password));
  const list = (await (await call(HOST, "GET", VERSIONS, { cookie })).json()) as Json;
  base = list.versions[0].id;
  stored = ((await (await call(HOST, "GET", `${VERSIONS}/${base}`, { cookie })).json()) as Json).policySet;
});

describe("publishing a policy version says it in Chinese", () => {
  it("a set whose cases fail: 422, each failure as the preview said it, nothing stored, ≤ 3 waves", async () => {
    const raised = structuredClone(stored);
    raised.programmes.find((p: Json) => p.id === "zibo-rd-inclusive").limits[0].fen = 120_000_000;
    const preview = await previewOf(raised);
    expect(preview.cases.failures.length).toBeGreaterThan(0);

    const res = await publish(raised);
    expect(res.status).toBe(422);
    expect(roundTrips(res).waves).toBeLessThanOrEqual(3);
    const { error } = (await res.json()) as Json;
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/^\d+ 个测试用例未通过,不能发布。/);
    const cases = Object.entries(error.fields as Record<string, string>).filter(([k]) => k.startsWith("cases."));
    expect(cases.map(([, zh]) => zh)).toEqual(preview.cases.failures.map((f: Json) => f.zh));
    // Keyed by the case's place in the set, so a client can point at it.
    for (const [key, zh] of cases) {
      const index = Number(key.slice("cases.".length));
      expect(zh).toContain(raised.cases[index].name);
    }
    expect(cases.some(([, zh]) => zh.includes("应补助100万元,按当前规则为120万元"))).toBe(true);
    expect(await newest()).toBe(base);
  });

  it("a set the format refuses: 422 with each problem as the preview says it", async () => {
    const broken = { ...stored, programmes: [{ id: "x" }] };
    const preview = await previewOf(broken);
    const res = await publish(broken);
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as Json;
    const errors = Object.entries(error.fields as Record<string, string>).filter(([k]) => k.startsWith("errors."));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map(([, zh]) => zh)).toEqual(preview.zh.errors.slice(0, errors.length));
    expect(errors.map(([k]) => k)).toEqual(errors.map((_, i) => `errors.${i}`));
    expect(await newest()).toBe(base);
  });

  it("a published version answers its changes as sentences beside the diff, the preview's very words", async () => {
    const relabelled = { ...stored, label: "2026年修订版(发布测试)" };
    const preview = await previewOf(relabelled);
    expect(preview.publishable).toBe(true);
    const res = await publish(relabelled);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Json;
    expect(body.version.id).toBe(base + 1);
    expect(body.diff).toEqual(preview.diff);
    expect(body.zh.diff).toEqual(preview.zh.diff);
    expect(body.zh.diff.join("")).toContain("2026年修订版(发布测试)");
    expect(await newest()).toBe(base + 1);
  });
});
