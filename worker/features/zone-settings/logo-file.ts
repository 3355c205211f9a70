/**
 * What a zone's logo may be, decided from its bytes alone (no I/O): PNG, JPEG or WebP by
 * their magic bytes, at most 256 KB. Never SVG: an SVG is a document that can carry script,
 * and a logo is served from the zone's own origin. The name and declared type are ignored.
 */
import { AppError } from "../../lib/errors";

export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_LIMIT_LABEL = "256 KB";
export const LOGO_TYPES_LABEL = "PNG、JPG 或 WebP";

export type LogoContentType = "image/png" | "image/jpeg" | "image/webp";

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  sig.length + at <= bytes.length && sig.every((b, i) => bytes[at + i] === b);

/** The type the bytes really are, or null when they are none of PNG, JPEG, WebP. */
export function sniffLogoType(bytes: Uint8Array): LogoContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  return null;
}

/** Text that opens with "<" (after a BOM or spaces): SVG, HTML or XML, said so by name. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).replace(/^\ufeff?\s*/u, "");
  return head.startsWith("<");
}

function refuse(code: "validation_failed" | "payload_too_large" | "bad_request", message: string): AppError {
  return new AppError(code, message, { logo: message });
}

/** The refusal of an upload too large to read (the body limit's, before any byte is kept). */
export const logoTooLarge = () =>
  refuse("payload_too_large", `徽标图片超过了 ${LOGO_LIMIT_LABEL} 的上限。请缩小尺寸或压缩后重新上传。`);

/** Checks a logo's bytes; returns their real type, or throws the refusal in a clerk's words. */
export function checkLogoBytes(bytes: Uint8Array): LogoContentType {
  if (bytes.length === 0) throw refuse("validation_failed", "没有收到徽标图片(0 字节),请重新选择文件。");
  if (bytes.length > MAX_LOGO_BYTES) throw logoTooLarge();
  const type = sniffLogoType(bytes);
  if (type) return type;
  if (looksLikeMarkup(bytes))
    throw refuse(
      "validation_failed",
      `徽标不能用 SVG 等矢量或网页文件(其中可以藏有脚本)。请导出为 ${LOGO_TYPES_LABEL} 图片后上传。`,
    );
  throw refuse(
    "validation_failed",
    `这个文件不是 ${LOGO_TYPES_LABEL} 图片(按文件内容判断,不看扩展名)。请上传不超过 ${LOGO_LIMIT_LABEL} 的 ${LOGO_TYPES_LABEL} 图片。`,
  );
}
