/**
 * 园区设置's logo section: the logo in force with a button to remove it, and an upload
 * form (multipart). Both carry the settings version the page was loaded at.
 */
import { Field, FormAlert, type FormErrors } from "../../components/form";

export interface LogoSectionProps {
  /** The logo's address (with its version), or null while the zone shows none. */
  src: string | null;
  /** The zone's name: the logo's alternative text in the header says the same. */
  zoneName: string;
  version: number;
  errors?: FormErrors | undefined;
}

export const LOGO_CSS = `
.zs .logo-now{display:flex;flex-wrap:wrap;align-items:center;gap:12px;margin:0 0 12px}
.zs .logo-now img{max-height:64px;max-width:240px;width:auto;background:#fff;border:1px solid var(--line);
  border-radius:6px;padding:4px}
.zs input[type=file]{min-height:44px;max-width:100%}
`;

export function LogoSection({ src, zoneName, version, errors }: LogoSectionProps) {
  const error = errors?.fields?.logo;
  return (
    <section class="card settings" aria-labelledby="s-logo">
      <h2 id="s-logo">徽标</h2>
      <p>显示在每个页面顶部园区名称的左边。PNG、JPG 或 WebP 图片,不超过 256 KB;不接受 SVG(其中可以藏有脚本)。</p>
      <FormAlert errors={errors} />
      {src ? (
        <div class="logo-now">
          <img src={src} alt={`现用徽标:${zoneName}`} height="64" />
          <form method="post" action="/admin/settings/logo/remove">
            <input type="hidden" name="version" value={String(version)} />
            <button class="btn secondary" type="submit">
              删除徽标
            </button>
          </form>
        </div>
      ) : (
        <p class="logo-now">还没有徽标,页面顶部只显示园区名称。</p>
      )}
      <form class="stack" method="post" action="/admin/settings/logo" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="version" value={String(version)} />
        <Field
          id="f-logo"
          label={src ? "新的徽标图片" : "徽标图片"}
          hint="建议高度不小于 80 像素,背景透明或白色。"
          error={error}
        >
          <input
            id="f-logo"
            name="logo"
            type="file"
            required
            accept="image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp"
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "f-logo-hint f-logo-error" : "f-logo-hint"}
          />
        </Field>
        <button class="btn" type="submit">
          上传徽标
        </button>
      </form>
    </section>
  );
}
