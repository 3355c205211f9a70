/**
 * Creating a zone inside the Worker's own runtime (workerd, the Worker entry's deps over the
 * local libSQL server): provisionZone registers, creates, migrates and loads it, and the same
 * app answers on the new subdomain at once — no restart, no redeploy. Slugs are this file's own.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { zones } from "../../tenants/index";
import { createApp } from "../../worker/app";
import { provisionZone } from "../../worker/control-plane/provision/provision-zone";
import { workerDeps, type WorkerEnv } from "../../worker/entry.worker";
import { clientFor, freshIp } from "./auth-support";

const deps = workerDeps(env as WorkerEnv);
const app = createApp(deps);
const get = (host: string, path: string) =>
  app.request(`http://${host}${path}`, { headers: { "cf-connecting-ip": freshIp() } });
const actor = { id: null, label: "workerd test", ip: null };
const input = (slug: string, template: string) => ({
  slug,
  name: { zh: `${slug}高新技术产业开发区`, en: `${slug} Hi-tech Industrial Development Zone` },
  province: "山东省",
  city: "烟台市",
  phone: "0535-6666666",
  template,
});

describe("a zone created in the Worker's runtime", () => {
  it("answers on its subdomain at once, from the blank template with no documents yet", async () => {
    // The app's directory has read the platform database already: the zone is unknown.
    expect((await get("wdprov-a.localhost", "/")).status).toBe(404);
    const { tenant, steps } = await provisionZone({ deps, input: input("wdprov-a", "blank"), actor });
    expect(steps.map((s) => [s.name, s.ok])).toEqual([
      ["register", true],
      ["create-database", true],
      ["migrate", true],
      ["load-template", true],
      ["activate", true],
    ]);
    expect(tenant.status).toBe("active");
    const res = await get("wdprov-a.localhost", "/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("wdprov-a高新技术产业开发区");
    expect(html).toContain("本园区还没有发布政策文件。");
  });

  it("loads a demo zone's policy set as version 1 and serves its documents", async () => {
    const { tenant } = await provisionZone({ deps, input: input("wdprov-b", "zibo"), actor });
    expect(tenant).toMatchObject({ status: "active", template: "zibo" });
    const versions = await clientFor("wdprov-b").execute("SELECT id FROM policy_versions");
    expect(versions.rows.map((r) => r[0])).toEqual([1]);
    const res = await get("wdprov-b.localhost", "/api/v1/policies");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documents: { id: string }[] };
    expect(body.documents.map((d) => d.id).sort()).toEqual(
      zones
        .get("zibo")!
        .documents.map((d) => d.id)
        .sort(),
    );
  });
});
