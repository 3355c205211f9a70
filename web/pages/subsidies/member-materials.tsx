/**
 * The draft form's 申报材料: each material the programme lists, the files uploaded for it, and a file input
 * that belongs to the application form (./member-draft.tsx), with 上传 beside it.
 */
import type { ProgrammeView } from "../../../worker/engines/policy/describe";
import { Field } from "../../components/form";
import { formatTimeZh } from "../auth/labels";

export interface UploadedMaterial {
  id: string;
  materialId: string;
  filename: string;
  size: number;
  createdAt: number;
}

export function Materials({
  p,
  materials,
  errors,
  limitLabel,
}: {
  p: ProgrammeView;
  materials: UploadedMaterial[];
  errors?: Record<string, string> | undefined;
  limitLabel: string;
}) {
  if (p.materials.length === 0) return <p>本项目没有列明申报材料。</p>;
  return (
    <ul class="mats">
      {p.materials.map((m) => {
        const files = materials.filter((f) => f.materialId === m.id);
        const id = `file-${m.id}`;
        const error = errors?.[`material:${m.id}`];
        return (
          <li>
            <p class="mat-name">
              <strong>{m.name}</strong>{" "}
              <span id={`tag-${m.id}`} class={`tag ${files.length ? "done" : m.required ? "todo" : ""}`}>
                {files.length ? "已上传" : m.required ? "必传" : "如有请上传"}
              </span>
            </p>
            <ul class="files" id={`files-${m.id}`} hidden={files.length === 0}>
              {files.map((f) => (
                <li>
                  <a href={`/materials/${f.id}`}>{f.filename}</a>{" "}
                  <small>
                    {Math.max(1, Math.round(f.size / 1024))} KB · {formatTimeZh(new Date(f.createdAt))}
                  </small>
                </li>
              ))}
            </ul>
            {/* The file belongs to the application form (form=…), so 提交申报 or 保存草稿 sends a chosen file
                with the form; 上传 sends it alone. With the script it is uploaded as soon as it is chosen. */}
            <div class="upload">
              <Field
                id={id}
                label={`${files.length ? "再选一份" : "选择"}“${m.name}”的文件`}
                hint={`PDF、JPG 或 PNG,不超过 ${limitLabel}。选好的文件会随“上传”“保存草稿”或“提交申报”一起保存。`}
                error={error}
              >
                <input
                  id={id}
                  name={`file-${m.id}`}
                  form="apply-form"
                  data-material={m.id}
                  data-name={m.name}
                  type="file"
                  accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                  aria-invalid={error ? "true" : undefined}
                  aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                />
              </Field>
              <button
                class="btn secondary"
                type="submit"
                form="apply-form"
                name="_action"
                value="upload"
                aria-label={`上传“${m.name}”`}
              >
                上传
              </button>
              <p class="upload-status" id={`${id}-status`} role="status" aria-live="polite"></p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** A material's error is keyed `material:<id>`; its file input is `file-<id>` (for the error summary's links). */
export const materialIds = (errors: Record<string, string> | undefined) =>
  Object.fromEntries(
    Object.keys(errors ?? {})
      .filter((k) => k.startsWith("material:"))
      .map((k) => [k, `file-${k.slice("material:".length)}`]),
  );
