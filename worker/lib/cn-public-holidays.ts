/**
 * The national working-day calendar: 放假 days and 调休上班 days as the State
 * Council's General Office (国务院办公厅) announces them each year in
 * 关于XXXX年部分节假日安排的通知. Data, not rules: each year cites its notice,
 * and each period keeps the notice's own "共N天" so a test can check the dates
 * against the text.
 *
 * A year appears here only once its notice has been read and checked. Adding a
 * year when the next notice comes out (usually in November): copy the notice's
 * 放假 ranges and 上班 days below, cite it, and add its case to
 * cn-public-holidays.test.ts. Until then deadlines counted through that year
 * are marked provisional to staff (see `unannouncedYears` in working-days.ts).
 *
 * Checked on 2026-12-04: the 2027 notice had not been found in any public
 * source we could read, so 2027 is not shipped.
 */

export interface HolidayNotice {
  title: string;
  /** 文号, when it could be verified from the published text. */
  docNo: string | null;
  /** The date the notice is signed (落款日期). */
  issuedOn: string;
  /** Where the text was read; `original` is the gov.cn page when known. */
  source: string;
  original?: string;
}

export interface HolidayPeriod {
  name: string;
  from: string;
  to: string;
  /** The notice's "共N天" (or the days it names when it gives no count). */
  days: number;
}

export interface NationalHolidayYear {
  year: number;
  notices: readonly HolidayNotice[];
  periods: readonly HolidayPeriod[];
  /** Weekend days announced as working days (调休上班). */
  workdays: readonly string[];
}

export const NATIONAL_HOLIDAY_YEARS: readonly NationalHolidayYear[] = [
  {
    // 国务院办公厅关于2020年部分节假日安排的通知(国办发明电〔2019〕16号,2019年11月21日), amended by
    // 国务院办公厅关于延长2020年春节假期的通知(国办发明电〔2020〕1号,2020年1月26日):
    // "延长2020年春节假期至2月2日(农历正月初九,星期日),2月3日(星期一)起正常上班" —
    // so 1月31日 to 2月2日 are off and the 2月1日(星期六) 上班 of the first notice is cancelled.
    year: 2020,
    notices: [
      {
        title: "国务院办公厅关于2020年部分节假日安排的通知",
        docNo: "国办发明电〔2019〕16号",
        issuedOn: "2019-11-21",
        source: "http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm",
      },
      {
        title: "国务院办公厅关于延长2020年春节假期的通知",
        docNo: "国办发明电〔2020〕1号",
        issuedOn: "2020-01-26",
        source: "https://www.farmer.com.cn/2020/01/27/99847578.html",
        original: "http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm",
      },
    ],
    periods: [
      { name: "元旦", from: "2020-01-01", to: "2020-01-01", days: 1 },
      { name: "春节", from: "2020-01-24", to: "2020-01-30", days: 7 },
      { name: "春节(延长)", from: "2020-01-31", to: "2020-02-02", days: 3 },
      { name: "清明节", from: "2020-04-04", to: "2020-04-06", days: 3 },
      { name: "劳动节", from: "2020-05-01", to: "2020-05-05", days: 5 },
      { name: "端午节", from: "2020-06-25", to: "2020-06-27", days: 3 },
      { name: "国庆节、中秋节", from: "2020-10-01", to: "2020-10-08", days: 8 },
    ],
    workdays: ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
  },
  {
    // 国务院办公厅关于2021年部分节假日安排的通知(国办发明电〔2020〕27号,2020年11月25日)
    year: 2021,
    notices: [
      {
        title: "国务院办公厅关于2021年部分节假日安排的通知",
        docNo: "国办发明电〔2020〕27号",
        issuedOn: "2020-11-25",
        source: "http://www.cncaprc.cn/?c=i&a=lList_mod&myid=3&id=3366",
      },
    ],
    periods: [
      { name: "元旦", from: "2021-01-01", to: "2021-01-03", days: 3 },
      { name: "春节", from: "2021-02-11", to: "2021-02-17", days: 7 },
      { name: "清明节", from: "2021-04-03", to: "2021-04-05", days: 3 },
      { name: "劳动节", from: "2021-05-01", to: "2021-05-05", days: 5 },
      { name: "端午节", from: "2021-06-12", to: "2021-06-14", days: 3 },
      { name: "中秋节", from: "2021-09-19", to: "2021-09-21", days: 3 },
      { name: "国庆节", from: "2021-10-01", to: "2021-10-07", days: 7 },
    ],
    workdays: ["2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"],
  },
  {
    // 国务院办公厅关于2022年部分节假日安排的通知(国办发明电〔2021〕11号,2021年10月25日)
    year: 2022,
    notices: [
      {
        title: "国务院办公厅关于2022年部分节假日安排的通知",
        docNo: "国办发明电〔2021〕11号",
        issuedOn: "2021-10-25",
        source: "http://www.beijing.gov.cn/zhengce/zhengcefagui/202110/t20211026_2520500.html",
      },
    ],
    periods: [
      { name: "元旦", from: "2022-01-01", to: "2022-01-03", days: 3 },
      { name: "春节", from: "2022-01-31", to: "2022-02-06", days: 7 },
      { name: "清明节", from: "2022-04-03", to: "2022-04-05", days: 3 },
      { name: "劳动节", from: "2022-04-30", to: "2022-05-04", days: 5 },
      { name: "端午节", from: "2022-06-03", to: "2022-06-05", days: 3 },
      { name: "中秋节", from: "2022-09-10", to: "2022-09-12", days: 3 },
      { name: "国庆节", from: "2022-10-01", to: "2022-10-07", days: 7 },
    ],
    workdays: ["2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"],
  },
  {
    // 国务院办公厅关于2023年部分节假日安排的通知(国办发明电〔2022〕16号,2022年12月8日);
    // its 元旦 starts on 2022年12月31日.
    year: 2023,
    notices: [
      {
        title: "国务院办公厅关于2023年部分节假日安排的通知",
        docNo: "国办发明电〔2022〕16号",
        issuedOn: "2022-12-08",
        source: "https://zh.wikisource.org/wiki/国务院办公厅关于2023年部分节假日安排的通知",
        original: "http://www.mee.gov.cn/zcwj/gwywj/202212/t20221209_1007555.shtml",
      },
    ],
    periods: [
      { name: "元旦", from: "2022-12-31", to: "2023-01-02", days: 3 },
      { name: "春节", from: "2023-01-21", to: "2023-01-27", days: 7 },
      { name: "清明节", from: "2023-04-05", to: "2023-04-05", days: 1 },
      { name: "劳动节", from: "2023-04-29", to: "2023-05-03", days: 5 },
      { name: "端午节", from: "2023-06-22", to: "2023-06-24", days: 3 },
      { name: "中秋节、国庆节", from: "2023-09-29", to: "2023-10-06", days: 8 },
    ],
    workdays: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
  },
  {
    // 国务院办公厅关于2024年部分节假日安排的通知(国办发明电〔2023〕7号,2023年10月25日);
    // 元旦 and 端午节 are one day each, "与周末连休" (the weekend was off anyway).
    year: 2024,
    notices: [
      {
        title: "国务院办公厅关于2024年部分节假日安排的通知",
        docNo: "国办发明电〔2023〕7号",
        issuedOn: "2023-10-25",
        source: "http://paper.people.com.cn/rmrb/html/2023-10/26/nw.D110000renmrb_20231026_3-06.htm",
      },
    ],
    periods: [
      { name: "元旦", from: "2024-01-01", to: "2024-01-01", days: 1 },
      { name: "春节", from: "2024-02-10", to: "2024-02-17", days: 8 },
      { name: "清明节", from: "2024-04-04", to: "2024-04-06", days: 3 },
      { name: "劳动节", from: "2024-05-01", to: "2024-05-05", days: 5 },
      { name: "端午节", from: "2024-06-10", to: "2024-06-10", days: 1 },
      { name: "中秋节", from: "2024-09-15", to: "2024-09-17", days: 3 },
      { name: "国庆节", from: "2024-10-01", to: "2024-10-07", days: 7 },
    ],
    workdays: [
      "2024-02-04",
      "2024-02-18",
      "2024-04-07",
      "2024-04-28",
      "2024-05-11",
      "2024-09-14",
      "2024-09-29",
      "2024-10-12",
    ],
  },
  {
    // 国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号,2024年11月12日),
    // the first under the 2024 revision of 《全国年节及纪念日放假办法》 (春节 and 劳动节 one day longer).
    year: 2025,
    notices: [
      {
        title: "国务院办公厅关于2025年部分节假日安排的通知",
        docNo: "国办发明电〔2024〕12号",
        issuedOn: "2024-11-12",
        source: "https://m.gmw.cn/2024-11/12/content_1303894933.htm",
        original: "https://www.gov.cn/zhengce/content/202411/content_6986382.htm",
      },
    ],
    periods: [
      { name: "元旦", from: "2025-01-01", to: "2025-01-01", days: 1 },
      { name: "春节", from: "2025-01-28", to: "2025-02-04", days: 8 },
      { name: "清明节", from: "2025-04-04", to: "2025-04-06", days: 3 },
      { name: "劳动节", from: "2025-05-01", to: "2025-05-05", days: 5 },
      { name: "端午节", from: "2025-05-31", to: "2025-06-02", days: 3 },
      { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08", days: 8 },
    ],
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  {
    // 国务院办公厅关于2026年部分节假日安排的通知(2025年11月4日, published by 新华社 the same day).
    // Its 文号 is not printed in the copies we could read, so it is left blank rather than guessed.
    year: 2026,
    notices: [
      {
        title: "国务院办公厅关于2026年部分节假日安排的通知",
        docNo: null,
        issuedOn: "2025-11-04",
        source: "https://politics.gmw.cn/2025-11/04/content_38391083.htm",
        original: "https://www.gov.cn/zhengce/content/202511/content_7047090.htm",
      },
    ],
    periods: [
      { name: "元旦", from: "2026-01-01", to: "2026-01-03", days: 3 },
      { name: "春节", from: "2026-02-15", to: "2026-02-23", days: 9 },
      { name: "清明节", from: "2026-04-04", to: "2026-04-06", days: 3 },
      { name: "劳动节", from: "2026-05-01", to: "2026-05-05", days: 5 },
      { name: "端午节", from: "2026-06-19", to: "2026-06-21", days: 3 },
      { name: "中秋节", from: "2026-09-25", to: "2026-09-27", days: 3 },
      { name: "国庆节", from: "2026-10-01", to: "2026-10-07", days: 7 },
    ],
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
];

const DAY = 86_400_000;

/** Every date from `from` to `to`, both included. */
export function datesOf(period: Pick<HolidayPeriod, "from" | "to">): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${period.from}T00:00:00Z`); t <= Date.parse(`${period.to}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The national calendar flattened: the years announced, their 放假 days and their 调休上班 days. */
export const NATIONAL_CALENDAR = {
  years: NATIONAL_HOLIDAY_YEARS.map((y) => y.year),
  holidays: NATIONAL_HOLIDAY_YEARS.flatMap((y) => y.periods.flatMap(datesOf)),
  workdays: NATIONAL_HOLIDAY_YEARS.flatMap((y) => y.workdays),
} as const;
