/**
 * 长治高新区 (Changzhi Hi-tech Industrial Development Zone), Shanxi.
 * Source: seed 004, the zone committee's 长高发〔2020〕65号 three-year action plan; and a demo
 * document (演示, no seed) for the 贴息 and 风险补偿资金池 demonstration.
 */
import { defineZone } from "../schema";
import changzhiLoanSupportDemo from "./documents/changzhi-loan-support-demo";
import changzhiShuangchuang20212023 from "./documents/changzhi-shuangchuang-2021-2023";

export default defineZone({
  slug: "changzhi",
  name: { zh: "长治高新技术产业开发区", en: "Changzhi Hi-tech Industrial Development Zone" },
  shortName: { zh: "长治高新区", en: "Changzhi Hi-tech Zone" },
  // Application numbers start with these letters (CZ-2026-000123).
  code: "CZ",
  region: { province: "山西省", city: "长治市" },
  branding: { primary: "#9b2335", accent: "#c9a227" },
  contact: {
    passwordHelp: "忘记密码怎么办?请联系园区管理员重置密码",
    // Placeholder in the Changzhi area code: no phone number is printed in the seeds. Confirm with the zone.
    phone: "0355-5550000",
    // Seed 004 clause 5.1: the leading group's office sits in 长治高新区科技创新部.
    office: "长治高新区管委会科技创新部",
    phoneFromSource: false,
  },
  // Seed 004 clause 1 (主攻方向: 电子信息、炭基新材料、装备制造) and clause 3.1
  // (三大优势产业: 电子信息、装备制造、光伏光电).
  priorityIndustries: [
    { code: "electronic-information", zh: "电子信息", en: "Electronic information" },
    { code: "carbon-based-materials", zh: "炭基新材料", en: "Carbon-based new materials" },
    { code: "equipment-manufacturing", zh: "装备制造", en: "Equipment manufacturing" },
    { code: "photovoltaics", zh: "光伏光电", en: "Photovoltaics and optoelectronics" },
  ],
  // The second is a demonstration text (演示, issue 19): the 贴息 programme and 风险补偿资金池 rest on it.
  documents: [changzhiShuangchuang20212023, changzhiLoanSupportDemo],
});
