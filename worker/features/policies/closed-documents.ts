/**
 * One line per policy document whose period has ended (or not begun), for the
 * top of 政策匹配: a plan that expired as a whole (长治's 2021—2023 plan) should
 * say so once, not only as the same reason under each of its programmes. Pure.
 */
import { periodText, type ValidityStatus } from "../../lib/document-validity";

type Status = ValidityStatus & { document: { title: string; docNumber?: string | null | undefined } };

/**
 * `closedDocumentIds`: the document of every programme the engine found outside its period, repeats included
 * (they are counted).
 */
export function closedDocumentLines(
  statuses: ReadonlyMap<string, Status>,
  closedDocumentIds: readonly string[],
): string[] {
  const counts = new Map<string, number>();
  for (const id of closedDocumentIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => {
    const v = statuses.get(id);
    if (!v) return `有${n}项政策所依据的文件不在有效期内,暂不受理新的申报。`;
    const title = `《${v.document.title}》${v.document.docNumber ? `(${v.document.docNumber})` : ""}`;
    if (v.status === "not_yet") return `${title}${periodText(v)},尚未施行,其中的${n}项政策此前不受理申报。`;
    return `${title}${periodText(v)},已到期,其中的${n}项政策不再受理新的申报。`;
  });
}
