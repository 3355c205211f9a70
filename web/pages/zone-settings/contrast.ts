/** WCAG 2 contrast of white text on a #rrggbb colour (1 to 21); null for anything that is not #rrggbb. */
export function whiteContrast(hex: string): number | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const channel = (h: string) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  return 1.05 / (l + 0.05);
}

/** The minimum for normal text (WCAG 1.4.3 AA). */
export const MIN_CONTRAST = 4.5;
