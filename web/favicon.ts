/**
 * The site icon as SVG, in the zone's own colour (the platform's on the bare domain): a
 * rounded square with a white "park" mark, drawn with shapes only so that it needs no font.
 */
export function faviconSvg(primary: string, accent: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    `<rect width="32" height="32" rx="7" fill="${primary}"/>`,
    '<path d="M7 24V13l5-4 5 4v11zM19 24V8h6v16z" fill="#fff"/>',
    `<rect x="6" y="24" width="20" height="2" fill="${accent}"/>`,
    "</svg>",
  ].join("");
}
