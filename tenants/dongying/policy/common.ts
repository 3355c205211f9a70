/**
 * Shared by Dongying's programme files: the one document they implement and
 * the sentence every note ends with. The work plan names supports but prints
 * no amounts, so most programmes are case by case or in kind.
 */
export const DOC = "dongying-innovative-city-2018";

/** The plan prints no expiry, only its target year; the set therefore sets no end date. */
export const PERIOD = "工作方案以2020年为目标年,文件未印有效期,故不设截止日期。";

/** The day the notice was issued (2018年12月28日) and the day before, for the effective-date cases. */
export const ISSUED = "2018-12-28";
export const DAY_BEFORE = "2018-12-27";
