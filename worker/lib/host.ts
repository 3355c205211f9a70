/**
 * Host → site resolution. Pure and synchronous: it runs on every request, so it
 * does a couple of string operations and one Map lookup, nothing more.
 *
 * A zone is served only on exactly `<slug>.<root>`. Everything else — unknown or
 * reserved labels, nested labels, bare IPs, foreign hosts — resolves to "none"
 * and is answered 404: there is deliberately no default tenant to fall through to.
 * The bare root domain is the platform's own site (the operator's zone list).
 */
import { RESERVED_SUBDOMAINS } from "../../tenants/schema";

export type SiteRef =
  | { kind: "zone"; slug: string }
  | { kind: "platform" }
  | { kind: "none"; reason: "no-host" | "ip" | "foreign" | "nested" | "reserved" | "unknown-zone" };

/** Lower-cases and strips the port and a trailing dot; IPv6 literals keep their brackets. */
export function normaliseHost(raw: string): string {
  let host = raw.trim().toLowerCase();
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end === -1 ? host : host.slice(0, end + 1);
  }
  const colon = host.indexOf(":");
  if (colon !== -1) host = host.slice(0, colon);
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * @param host the Host header, or the request URL's host where no header is sent
 *   (workerd's SELF.fetch sends none)
 * @param rootDomains e.g. ["localhost"] locally, ["yuanqu.cn"] in production
 * @param hasZone whether a slug names a configured zone
 */
export function resolveSite(host: string, rootDomains: readonly string[], hasZone: (slug: string) => boolean): SiteRef {
  const h = normaliseHost(host);
  if (h === "") return { kind: "none", reason: "no-host" };
  if (h.startsWith("[") || IPV4.test(h)) return { kind: "none", reason: "ip" };
  for (const root of rootDomains) {
    if (h === root) return { kind: "platform" };
    if (!h.endsWith(`.${root}`)) continue;
    const label = h.slice(0, h.length - root.length - 1);
    if (label.includes(".")) return { kind: "none", reason: "nested" };
    if (RESERVED_SUBDOMAINS.has(label)) return { kind: "none", reason: "reserved" };
    return hasZone(label) ? { kind: "zone", slug: label } : { kind: "none", reason: "unknown-zone" };
  }
  return { kind: "none", reason: "foreign" };
}
