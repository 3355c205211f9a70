/**
 * 淄博高新区 (Zibo Hi-tech Industrial Development Zone), Shandong.
 * Sources: seed 000 (the zone's 自创区 implementing opinions, 2017) and seed 001
 * (Zibo city's opinions on science and technology innovation platforms, 2020).
 */
import { defineZone } from "../schema";
import ziboZichuang2017 from "./documents/zibo-zichuang-2017";
import ziboInnovationPlatforms2020 from "./documents/zibo-innovation-platforms-2020";

export default defineZone({
  slug: "zibo",
  name: { zh: "淄博高新技术产业开发区", en: "Zibo Hi-tech Industrial Development Zone" },
  shortName: { zh: "淄博高新区", en: "Zibo Hi-tech Zone" },
  // Application numbers start with these letters (ZB-2026-000123).
  code: "ZB",
  region: { province: "山东省", city: "淄博市" },
  branding: { primary: "#1d4f91", accent: "#e8a33d" },
  contact: {
    passwordHelp: "忘记密码怎么办?请联系园区管理员重置密码",
    // Placeholder in the Zibo area code: no phone number is printed in the seeds. Confirm with the zone.
    phone: "0533-3580000",
    // Seed 000 names the 高新区管委会 as the body that runs the programmes (clauses 7, 10).
    office: "淄博高新区管委会",
    phoneFromSource: false,
  },
  // Seed 001 names the city's "四强" industries (新材料、智能装备、新医药、电子信息); seed 000
  // clauses 34–39 add the rest of the zone's "5+1" system built on new materials.
  priorityIndustries: [
    { code: "new-materials", zh: "新材料", en: "New materials" },
    { code: "intelligent-equipment", zh: "智能装备", en: "Intelligent equipment" },
    { code: "new-medicine", zh: "新医药", en: "New medicine and health" },
    { code: "electronic-information", zh: "电子信息", en: "Electronic information" },
    { code: "new-energy-environmental", zh: "新能源新环保", en: "New energy and environmental protection" },
    { code: "modern-services", zh: "现代服务业", en: "Modern services" },
  ],
  documents: [ziboZichuang2017, ziboInnovationPlatforms2020],
});
