/**
 * What an uploaded material may be, decided from its bytes and name alone (no
 * I/O): the size limit, the type by magic bytes (a browser's declared type and
 * the file's extension are whatever the sender says), and a filename safe to
 * store and to send back in a Content-Disposition header.
 */

/** 10 MiB per file. Forms state it (MATERIAL_LIMIT_LABEL); the service enforces it. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
export const MATERIAL_LIMIT_LABEL = "10 MB";
export const MATERIAL_TYPES_LABEL = "PDF、JPG 或 PNG";

export type MaterialContentType = "application/pdf" | "image/jpeg" | "image/png";

const SIGNATURES: ReadonlyArray<{ type: MaterialContentType; bytes: readonly number[]; ext: string }> = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], ext: "pdf" }, // "%PDF-"
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff], ext: "jpg" },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: "png" },
];

/** The content type the bytes really are, or null when they are none of PDF, JPEG, PNG. */
export function sniffMaterialType(bytes: Uint8Array): MaterialContentType | null {
  const match = SIGNATURES.find((s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b));
  return match?.type ?? null;
}

function extensionOf(type: MaterialContentType): string {
  return SIGNATURES.find((s) => s.type === type)!.ext;
}

const MAX_FILENAME_CHARS = 120;

/**
 * The name as stored and shown: the last path segment only (browsers on Windows
 * have sent `C:\…\营业执照.pdf`), without control or bidi-formatting characters
 * (a right-to-left override can make `gpj.exe` read as `exe.jpg`), whitespace
 * collapsed, no leading dots, at most 120 characters with the extension kept.
 * Chinese and other letters stay as they are. Empty → `材料.<ext>`.
 */
export function sanitiseFilename(raw: string, type: MaterialContentType): string {
  let name = raw.split(/[/\\]/).at(-1) ?? "";
  name = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  if (!name) return `材料.${extensionOf(type)}`;
  const chars = [...name];
  if (chars.length <= MAX_FILENAME_CHARS) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  if (ext.length === 0 || ext.length > 10) return chars.slice(0, MAX_FILENAME_CHARS).join("");
  const stem = [...name.slice(0, dot)]
    .slice(0, MAX_FILENAME_CHARS - ext.length)
    .join("")
    .trimEnd();
  return stem + ext.join("");
}

/** "12.3 MB" / "850 KB", for messages a person reads. */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${Math.max(1, Math.round(size / 1024))} KB`;
}

/**
 * `Content-Disposition` with an ASCII fallback and the real (often Chinese) name
 * as RFC 5987/6266 `filename*`. attr-char excludes ' ( ) *, which
 * encodeURIComponent leaves alone, so they are encoded by hand.
 */
export function contentDisposition(disposition: "inline" | "attachment", filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
