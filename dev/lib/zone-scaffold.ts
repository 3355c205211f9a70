/** The zone.ts a new zone starts from: valid as written, with the details to edit afterwards. */
export interface ScaffoldInput {
  slug: string;
  nameZh: string;
  nameEn: string;
  province: string;
  city: string;
  phone: string;
  office: string;
}

/** The zone object (validate it before writing) and the zone.ts text that declares it. */
export function buildZoneScaffold(i: ScaffoldInput): { zone: unknown; text: string } {
  const zone = {
    slug: i.slug,
    name: { zh: i.nameZh, en: i.nameEn },
    shortName: { zh: i.nameZh, en: i.nameEn },
    region: { province: i.province, city: i.city },
    branding: { primary: "#1f4e79", accent: "#f0a202" },
    contact: {
      passwordHelp: "忘记密码怎么办?请联系园区管理员重置密码",
      phone: i.phone,
      office: i.office,
      phoneFromSource: false,
    },
    priorityIndustries: [{ code: "general", zh: "综合", en: "General" }],
    documents: [],
  };
  const text = [
    `// Zone ${i.slug}, scaffolded by \`npm run tenant:create\`. Set its branding, priority`,
    "// industries and policy documents (tenants/<slug>/documents/), then `npm run db:sync`.",
    'import { defineZone } from "../schema";',
    "",
    `export default defineZone(${JSON.stringify(zone, null, 2)});`,
    "",
  ].join("\n");
  return { zone, text };
}
