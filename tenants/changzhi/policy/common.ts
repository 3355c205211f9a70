/**
 * Shared by Changzhi's programme files: the one document they implement and
 * the sentence every note ends with. The action plan names supports but
 * prints no amounts (its only rate is the national 75% R&D super-deduction),
 * so most programmes are case by case or in kind.
 */
export const DOC = "changzhi-shuangchuang-2021-2023";

/** The plan covers 2021—2023 but prints no expiry; the set therefore sets no end date. */
export const PERIOD = "方案期为2021—2023年,文件未印有效期,故不设截止日期。";

/** The page's 发文时间 (2020-11-20, the document's issuedOn) and the day before, for the effective-date cases. */
export const ISSUED = "2020-11-20";
export const DAY_BEFORE = "2020-11-19";
