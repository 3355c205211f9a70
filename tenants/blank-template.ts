/**
 * The "blank" template: what a zone created at run time starts from when it copies no
 * demo zone. Names, region and phone come from its creation; it has no policy documents
 * (the home page says so) until its staff publish a policy version. The industries are the
 * national strategic emerging industries (战略性新兴产业) most zones list; the zone's
 * administrator edits them in 园区设置.
 */
import { defineZone } from "./schema";

export const BLANK_TEMPLATE = defineZone({
  slug: "new-zone",
  name: { zh: "新建园区", en: "New zone" },
  shortName: { zh: "新建园区", en: "New zone" },
  region: { province: "待填写", city: "待填写" },
  branding: { primary: "#1f5f8b", accent: "#d9822b" },
  contact: {
    passwordHelp: "忘记密码怎么办?请联系园区管理员重置密码",
    phone: "010-00000000",
    office: "园区管委会",
    phoneFromSource: false,
  },
  priorityIndustries: [
    { code: "electronic-information", zh: "新一代信息技术", en: "New-generation information technology" },
    { code: "high-end-equipment", zh: "高端装备制造", en: "High-end equipment" },
    { code: "new-materials", zh: "新材料", en: "New materials" },
    { code: "biomedicine", zh: "生物医药", en: "Biomedicine" },
    { code: "new-energy", zh: "新能源", en: "New energy" },
  ],
  documents: [],
});
