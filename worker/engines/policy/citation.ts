/**
 * Clause ids as a reader expects them cited: "14" → "第十四条"; a dotted id
 * such as "4.3.2" (part 四, item (三), point 2) → "第四部分(三)第2项".
 */
const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 14 → 十四, 20 → 二十, 123 → 一百二十三 (up to 999). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  const rest = n % 100;
  const tail =
    rest === 0 ? "" : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

export function citeClause(id: string): string {
  const parts = id.split(".").map(Number);
  if (parts.length === 1) return `第${chineseNumber(parts[0]!)}条`;
  const [part, item, point] = parts as [number, number, number | undefined];
  return `第${chineseNumber(part)}部分(${chineseNumber(item)})${point === undefined ? "" : `第${point}项`}`;
}
