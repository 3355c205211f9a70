/**
 * The 申报书's parts that are the same on every application: the materials as a table (one card
 * per file on a phone) and the block the enterprise signs and seals.
 */
import { formatTimeZh } from "../auth/labels";
import type { ApplicationView } from "./application-view";

/** A file's size as people read it: KB below a megabyte, else MB to one decimal. */
function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every file uploaded, oldest first: what it is (the programme's name for it), its name, size and when. */
export function MaterialsTable({
  materials,
  names,
}: {
  materials: ApplicationView["materials"];
  /** "subsidy:<material id>" → the programme's name for it. */
  names: ReadonlyMap<string, string>;
}) {
  return (
    <table class="rows">
      <thead>
        <tr>
          <th scope="col" class="num">
            序号
          </th>
          <th scope="col">材料</th>
          <th scope="col">文件名</th>
          <th scope="col" class="num">
            大小
          </th>
          <th scope="col">上传时间</th>
        </tr>
      </thead>
      <tbody>
        {materials.map((m, i) => (
          <tr>
            <td class="num" data-label="序号">
              {i + 1}
            </td>
            <td data-label="材料">{names.get(m.kind) ?? "其他材料"}</td>
            <td data-label="文件名">{m.filename}</td>
            <td class="num" data-label="大小">
              {sizeText(m.size)}
            </td>
            <td data-label="上传时间">{formatTimeZh(new Date(m.createdAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the enterprise signs and seals: 申报单位(盖章), 法定代表人(签字), 日期. */
export function SealBlock() {
  return (
    <div class="seal">
      <div>
        <span>申报单位(盖章)</span>
      </div>
      <div>
        <span>法定代表人(签字)</span>
      </div>
      <div>
        <span>日期</span>
        <span class="date">年 月 日</span>
      </div>
    </div>
  );
}
