/** A logo is PNG, JPEG or WebP by its bytes, at most 256 KB, and never SVG or other markup. */
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { checkLogoBytes, MAX_LOGO_BYTES, sniffLogoType } from "./logo-file";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytes = (head: number[], size = 64) => {
  const b = new Uint8Array(size);
  b.set(head);
  return b;
};
const ascii = (s: string) => [...new TextEncoder().encode(s)];

function refusal(b: Uint8Array): AppError {
  try {
    checkLogoBytes(b);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("logo bytes", () => {
  it("knows PNG, JPEG and WebP by their first bytes, whatever the name", () => {
    expect(sniffLogoType(bytes(PNG))).toBe("image/png");
    expect(sniffLogoType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffLogoType(bytes([...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WEBP")]))).toBe("image/webp");
    expect(sniffLogoType(bytes([...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WAVE")]))).toBeNull();
    expect(sniffLogoType(bytes(ascii("%PDF-1.7")))).toBeNull();
  });

  it("refuses SVG by name of the risk, other files as not an image, and empty files", () => {
    const svg = refusal(new Uint8Array(ascii('\ufeff  <svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')));
    expect(svg.status).toBe(422);
    expect(svg.fields?.logo).toContain("SVG");
    const pdf = refusal(bytes(ascii("%PDF-1.7")));
    expect(pdf.status).toBe(422);
    expect(pdf.fields?.logo).toContain("PNG、JPG 或 WebP");
    expect(refusal(new Uint8Array(0)).status).toBe(422);
  });

  it("accepts 256 KB exactly and refuses one byte more with 413", () => {
    expect(checkLogoBytes(bytes(PNG, MAX_LOGO_BYTES))).toBe("image/png");
    const big = refusal(bytes(PNG, MAX_LOGO_BYTES + 1));
    expect(big.status).toBe(413);
    expect(big.fields?.logo).toContain("256 KB");
  });
});
