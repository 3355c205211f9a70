/**
 * `npm run tenant:create -- <slug> --name 某某高新区 --name-en "... Hi-tech Zone"
 *    --province 山东省 --city 某某市 --phone 0533-1234567 --office "某某高新区管委会"`
 * scaffolds tenants/<slug>/zone.ts, regenerates tenants/index.ts, and creates
 * and migrates the zone's database. `-- --reindex` only regenerates the index.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { slugSchema, zoneSchema } from "../tenants/schema";
import { buildZoneScaffold, type ScaffoldInput } from "./lib/zone-scaffold";
import { writeTenantIndex } from "./lib/tenant-index";
import { cliClientFactory } from "./lib/tenant-clients";
import { prepareTenant } from "./lib/prepare-tenant";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reindex: { type: "boolean" },
    // Tests scaffold into a scratch copy of tenants/ instead of the real one.
    "tenants-dir": { type: "string" },
    name: { type: "string" },
    "name-en": { type: "string" },
    province: { type: "string" },
    city: { type: "string" },
    phone: { type: "string" },
    office: { type: "string" },
  },
});

const tenantsDir = values["tenants-dir"]
  ? resolve(values["tenants-dir"])
  : fileURLToPath(new URL("../tenants/", import.meta.url));

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (values.reindex) {
  console.log(`tenants/index.ts lists: ${writeTenantIndex(tenantsDir).join(", ")}`);
  process.exit(0);
}

const slug =
  positionals[0] ??
  fail(
    'usage: npm run tenant:create -- <slug> --name 某某高新区 --name-en "Moumou Hi-tech Zone" ' +
      "--province 某省 --city 某市 --phone 0000-1234567 --office 管委会",
  );
const slugCheck = slugSchema.safeParse(slug);
if (!slugCheck.success)
  fail(`"${slug}" cannot be a zone slug: ${slugCheck.error.issues.map((i) => i.message).join("; ")}`);
if (existsSync(join(tenantsDir, slug))) fail(`tenants/${slug}/ already exists; edit its zone.ts instead.`);

const input: ScaffoldInput = {
  slug,
  nameZh: values.name ?? fail("--name is required (the zone's Chinese name, e.g. 某某高新区)"),
  nameEn: values["name-en"] ?? fail('--name-en is required (e.g. "Moumou Hi-tech Zone")'),
  province: values.province ?? fail("--province is required (e.g. 山东省)"),
  city: values.city ?? fail("--city is required (e.g. 淄博市)"),
  phone: values.phone ?? fail("--phone is required (the password-help line, e.g. 0533-1234567)"),
  office: values.office ?? `${values.name}管委会`,
};
const { zone: draft, text } = buildZoneScaffold(input);
// Validate before writing anything, so a bad phone number leaves no half-made zone behind.
const check = zoneSchema.safeParse(draft);
if (!check.success)
  fail(`the zone would be invalid: ${check.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);

mkdirSync(join(tenantsDir, slug, "documents"), { recursive: true });
writeFileSync(join(tenantsDir, slug, "zone.ts"), text);
console.log(`✓ wrote tenants/${slug}/zone.ts`);
console.log(`✓ tenants/index.ts lists: ${writeTenantIndex(tenantsDir).join(", ")}`);

// Import after the index exists, so the new zone is parsed exactly as the app will parse it.
const { zones } = (await import(pathToFileURL(join(tenantsDir, "index.ts")).href)) as typeof import("../tenants/index");
const zone = zones.get(slug) ?? fail(`tenants/index.ts does not list ${slug}`);
const { template, open } = cliClientFactory();
const client = open(slug);
try {
  const { migrated } = await prepareTenant(client, zone);
  console.log(`✓ database ${template.replace("{tenant}", slug)} at schema ${migrated.version}`);
} catch (err) {
  fail(
    `✗ creating the database failed: ${err instanceof Error ? err.message : err}\n` +
      `  The zone's files are written; fix the cause and run \`npm run db:migrate -- --only ${slug}\`.`,
  );
} finally {
  client.close();
}
console.log(
  `\nNext: add its policy documents under tenants/${slug}/documents/, then \`npm run db:sync -- --only ${slug}\`.`,
);
