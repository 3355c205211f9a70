/**
 * Plausible Chinese names for scaled rows: companies (字号 + trade + 有限公司), people,
 * and what a company borrows for. Drawn from the seeded PRNG, so they repeat with the seed.
 */
import type { Rng } from "./prng";

const BRAND = [
  "华信",
  "鲁泰",
  "齐力",
  "博源",
  "恒通",
  "新瑞",
  "金石",
  "宏达",
  "泰和",
  "中科",
  "远航",
  "瑞康",
  "天成",
  "景明",
  "汇川",
  "东岳",
  "万鑫",
  "正元",
  "科润",
  "海川",
  "德隆",
  "卓越",
  "信达",
  "凯盛",
  "嘉合",
  "腾飞",
  "众诚",
  "联创",
  "宝丰",
  "华瓷",
  "普济",
  "安泰",
  "金桥",
  "君和",
  "明德",
  "益康",
  "佳禾",
  "昊天",
  "永盛",
  "广源",
] as const;

/** Trade words by the zone's priority industry codes (any other code falls back to the last list). */
const TRADE: Record<string, readonly string[]> = {
  "new-materials": ["新材料科技", "先进陶瓷", "高分子材料", "特种玻璃", "稀土功能材料"],
  "intelligent-equipment": ["智能装备", "数控机械", "自动化设备", "机器人技术", "精密机械"],
  "new-medicine": ["生物医药", "医疗器械", "制药", "健康科技", "生物技术"],
  "electronic-information": ["电子科技", "信息技术", "软件", "集成电路", "智能传感"],
  "new-energy-environmental": ["新能源科技", "环保科技", "节能技术", "储能科技", "环境工程"],
  "modern-services": ["科技服务", "检验检测", "供应链管理", "信息咨询", "设计研究院"],
  other: ["科技", "技术开发", "实业", "工程技术", "新技术"],
};

/** 国民经济行业分类 codes that fit each industry (prefill reads the letter: C is 制造业). */
const CLASSES: Record<string, readonly string[]> = {
  "new-materials": ["C3073", "C2659", "C3091", "C2641"],
  "intelligent-equipment": ["C3421", "C3491", "C3499", "C3411"],
  "new-medicine": ["C2720", "C2761", "C3581", "C2710"],
  "electronic-information": ["C3983", "I6520", "C3971", "I6510"],
  "new-energy-environmental": ["C3825", "N7722", "C3841", "D4415"],
  "modern-services": ["M7452", "M7320", "L7212", "M7484"],
  other: ["C3499", "M7320", "I6510", "C2659"],
};

const SURNAME = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文斌海鹏晓东玉兰新宇";

export function companyName(rng: Rng, city: string, industry: string, i: number): string {
  const trade = rng.pick(TRADE[industry] ?? TRADE.other!);
  // The running number keeps names distinct, as 字号 are within one registration authority.
  return `${city.replace(/市$/, "")}${rng.pick(BRAND)}${trade}有限公司(${i + 1}号)`;
}

export function industryClassOf(rng: Rng, industry: string): string {
  return rng.pick(CLASSES[industry] ?? CLASSES.other!);
}

export function personName(rng: Rng): string {
  const given = GIVEN[rng.int(0, GIVEN.length - 1)]! + (rng.chance(0.7) ? GIVEN[rng.int(0, GIVEN.length - 1)]! : "");
  return SURNAME[rng.int(0, SURNAME.length - 1)]! + given;
}

export function mobile(rng: Rng): string {
  const prefix = rng.pick(["33", "35", "37", "38", "39", "58", "86", "89"]);
  return `1${prefix}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
}

export const LOAN_PURPOSES = [
  "采购原材料,备货旺季订单",
  "购置生产设备,扩建生产线",
  "研发新产品,支付试制费用",
  "补充流动资金,支付供应商货款",
  "建设中试基地",
  "引进研发人才,支付研发人员薪酬",
  "开拓海外市场,参加国际展会",
  "厂房装修及设备安装",
] as const;

export const BANK_NAMES = [
  "中国工商银行",
  "中国农业银行",
  "中国银行",
  "中国建设银行",
  "交通银行",
  "中国邮政储蓄银行",
  "招商银行",
  "兴业银行",
  "中信银行",
  "浦发银行",
  "光大银行",
  "民生银行",
  "华夏银行",
  "恒丰银行",
  "齐鲁银行",
  "青岛银行",
  "齐商银行",
  "莱商银行",
  "日照银行",
  "威海市商业银行",
  "淄博农商银行",
  "山东省农村信用社",
  "北京银行",
  "平安银行",
] as const;

export const PRODUCT_WORDS = [
  "科创贷",
  "信用贷",
  "税易贷",
  "知识产权质押贷",
  "人才贷",
  "设备贷",
  "订单贷",
  "研发贷",
  "成长贷",
] as const;
