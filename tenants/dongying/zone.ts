/**
 * 东营高新区 (Dongying Hi-tech Industrial Development Zone), Shandong.
 * Source: seed 002, a page of the zone's portal (enterprise login box with the
 * password-help line and phone) carrying Dongying city's 国家创新型城市建设工作方案.
 * The portal page does not print the zone's own name; the name used here is the
 * one the document gives the zone (东营高新技术产业开发区, clause 2.4.2).
 */
import { defineZone } from "../schema";
import dongyingInnovativeCity2018 from "./documents/dongying-innovative-city-2018";

export default defineZone({
  slug: "dongying",
  name: { zh: "东营高新技术产业开发区", en: "Dongying Hi-tech Industrial Development Zone" },
  shortName: { zh: "东营高新区", en: "Dongying Hi-tech Zone" },
  // Application numbers start with these letters (DY-2026-000123).
  code: "DY",
  region: { province: "山东省", city: "东营市" },
  branding: { primary: "#0b6e5f", accent: "#d4722c" },
  contact: {
    passwordHelp: "忘记密码怎么办?请联系园区管理员重置密码",
    // Printed in seed 002: "忘记密码怎么办?请联系园区管理员重置密码,联系方式:0546-8317796".
    phone: "0546-8317796",
    office: "园区管理员",
    phoneFromSource: true,
  },
  // Seed 002 clause 2.4.2: the zone is to focus on 石油装备、高端智能制造及新能源新材料、生物医药
  // and to cultivate 石油工程技术服务 as a high-end service industry.
  // Dongying's demo zone follows 等保 2.0: password complexity and 90-day rotation.
  security: { dengbao: true },
  priorityIndustries: [
    { code: "petroleum-equipment", zh: "石油装备", en: "Petroleum equipment" },
    { code: "intelligent-manufacturing", zh: "高端智能制造", en: "High-end intelligent manufacturing" },
    { code: "new-energy-materials", zh: "新能源新材料", en: "New energy and new materials" },
    { code: "biomedicine", zh: "生物医药", en: "Biomedicine" },
    { code: "petroleum-engineering-services", zh: "石油工程技术服务", en: "Petroleum engineering technical services" },
  ],
  documents: [dongyingInnovativeCity2018],
});
