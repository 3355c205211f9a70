/**
 * Shared by Changzhi's programme files: the one document they implement, the
 * sentence every note ends with, and the dates the cases are evaluated on.
 * The action plan names supports but prints no amounts (its only rate is the
 * national 75% R&D super-deduction), so most programmes are case by case or in kind.
 */
import { cases } from "../../policy";

export const DOC = "changzhi-shuangchuang-2021-2023";

/** The plan's period is 2021—2023; the document's validity (decision 0013) ends it, and the engine refuses it after. */
export const PERIOD = "方案期为2021—2023年,文件有效期至2023-12-31;园区未发布延期的,此后不再受理新的申报。";

/** The page's 发文时间 (2020-11-20, the document's issuedOn) and the day before, for the effective-date cases. */
export const ISSUED = "2020-11-20";
export const DAY_BEFORE = "2020-11-19";

/**
 * The plan expired on 2023-12-31 (validity.until), so a case at the default case date
 * (2026-06-30) would only test the expiry: cases about eligibility and amounts are
 * evaluated mid-period, and the expiry has cases of its own (expiryCases).
 */
export const IN_FORCE = "2023-06-30";
export const LAST_DAY = "2023-12-31";
export const DAY_AFTER = "2024-01-01";

/** What every expired evaluation says: the document, its 文号 and its end date. */
export const EXPIRED_REASON = "(长高发〔2020〕65号)有效期至2023-12-31,已到期";

/** For each programme: expired the day after the plan's end and at the default case date (2026-06-30). */
export function expiryCases(programmes: readonly { id: string }[]): ReturnType<typeof cases> {
  return cases(
    programmes.flatMap((p) => [
      {
        name: `${p.id}, the day after the plan's end: expired`,
        programme: p.id,
        date: DAY_AFTER,
        expect: { eligible: false, amountFen: 0, conditions: { effective: "fail" }, explains: [EXPIRED_REASON] },
      },
      {
        name: `${p.id}, at the default case date: expired`,
        programme: p.id,
        expect: { eligible: false, conditions: { effective: "fail" }, explains: [EXPIRED_REASON] },
      },
    ]),
  );
}
