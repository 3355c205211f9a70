/**
 * A stored hostname (punycode A-labels) as an operator reads it: 园区.例子.中国 rather than
 * xn--dkrx9f.xn--fsqu00a.xn--fiqs8s. The decoder is RFC 3492's, small enough to keep here so the
 * console needs neither node:punycode nor the URL API (which only maps the other way).
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 22; // 0-9 → 26-35
  if (code >= 97 && code <= 122) return code - 97; // a-z → 0-25
  return BASE;
}

/** One label's Unicode form, or null when it is not valid punycode. */
function decodeLabel(input: string): string | null {
  if (input === "") return null;
  const cut = input.lastIndexOf("-");
  const out = cut > 0 ? Array.from(input.slice(0, cut)) : [];
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let pos = cut > 0 ? cut + 1 : 0; pos < input.length; ) {
    const old = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const d = digit(input.charCodeAt(pos++));
      if (d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * 64) return null;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return null;
    out.splice(i, 0, String.fromCodePoint(n));
    i++;
  }
  return out.join("");
}

/** The hostname with each xn-- label decoded; the stored form when any label does not decode. */
export function hostnameForDisplay(hostname: string): string {
  const labels = hostname.split(".").map((l) => (l.startsWith("xn--") ? decodeLabel(l.slice(4)) : l));
  return labels.every((l): l is string => l !== null) ? labels.join(".") : hostname;
}
