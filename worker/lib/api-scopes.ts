/**
 * API token scopes: `<area>:read` or `<area>:write`, and the one that each API operation needs.
 * The bearer path (middleware/bearer.ts) checks a token's scopes with tokenScopeFor, and the
 * OpenAPI document declares each operation's security from it, so the two can never disagree.
 */

/** The areas a token may be scoped to: the zone's BI (statistics, directory) and the banks' systems (finance). */
export const TOKEN_AREAS = ["statistics", "enterprises", "subsidies", "finance"] as const;
export type TokenArea = (typeof TOKEN_AREAS)[number];
export type TokenScope = `${TokenArea}:${"read" | "write"}`;

/** Every scope, areas in order, read before write (a tuple, for zod's enum). */
export const TOKEN_SCOPES = [
  "statistics:read",
  "statistics:write",
  "enterprises:read",
  "enterprises:write",
  "subsidies:read",
  "subsidies:write",
  "finance:read",
  "finance:write",
] as const satisfies readonly TokenScope[];

/** Path prefixes (after /api/v1) and their area; a prefix matches itself and whatever lies below it. */
const AREA_PREFIXES: readonly (readonly [string, TokenArea])[] = [
  ["/admin/statistics", "statistics"],
  ["/admin/enterprises", "enterprises"],
  ["/subsidies", "subsidies"],
  ["/admin/subsidies", "subsidies"],
  ["/finance", "finance"],
  ["/bank", "finance"],
  ["/admin/finance", "finance"],
  ["/admin/risk-pools", "finance"],
  ["/admin/risk-claims", "finance"],
];

const API_ROOT = "/api/v1";
const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * The scope a token needs for this operation, or null when tokens may not call it (sign-in, tokens, settings…).
 * Works on a template (`/api/v1/bank/needs/{id}`) and on a concrete path (`/api/v1/bank/needs/abc`).
 */
export function tokenScopeFor(method: string, pathTemplate: string): TokenScope | null {
  if (!pathTemplate.startsWith(`${API_ROOT}/`)) return null;
  const rest = pathTemplate.slice(API_ROOT.length);
  const hit = AREA_PREFIXES.find(([prefix]) => rest === prefix || rest.startsWith(`${prefix}/`));
  if (!hit) return null;
  return `${hit[1]}:${READ_METHODS.has(method.toUpperCase()) ? "read" : "write"}`;
}

/** Whether a string is a scope (API input is checked with the zod enum; this is for stored rows). */
export function isTokenScope(s: string): s is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(s);
}
