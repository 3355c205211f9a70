/**
 * A zone's own domain (a Cloudflare for SaaS custom hostname), as the platform stores it:
 * lower-case A-labels (punycode), no port, no trailing dot. The WHATWG URL parser does the
 * IDNA mapping (UTS #46) in Node and workerd alike, so 园区.中国 and xn--... meet as one key.
 */
import { RESERVED_SUBDOMAINS } from "../../tenants/schema";

export type HostnameProblem = "invalid" | "ip" | "reserved" | "platform";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The stored form of `raw`, or why it cannot be a zone's hostname (roots: ROOT_DOMAINS). */
export function parseCustomHostname(
  raw: string,
  roots: readonly string[],
): { ok: true; hostname: string } | { ok: false; problem: HostnameProblem } {
  const text = raw.trim();
  if (text.length === 0 || text.length > 253 || /[\s/:@?#[\]\\]/.test(text)) return { ok: false, problem: "invalid" };
  let hostname: string;
  try {
    hostname = new URL(`http://${text}/`).hostname;
  } catch {
    return { ok: false, problem: "invalid" };
  }
  if (hostname.endsWith(".")) hostname = hostname.slice(0, -1);
  if (hostname.startsWith("[") || IPV4.test(hostname)) return { ok: false, problem: "ip" };
  const labels = hostname.split(".");
  if (labels.length < 2 || hostname.length > 253 || !labels.every((l) => LABEL.test(l)))
    return { ok: false, problem: "invalid" };
  // The last label must be a name, not a number (an IP in another spelling).
  if (/^\d+$/.test(labels.at(-1)!)) return { ok: false, problem: "ip" };
  // The platform's own names first: "zibo.localhost" is a zone's subdomain, which says more than "reserved".
  if (roots.some((root) => hostname === root || hostname.endsWith(`.${root}`)))
    return { ok: false, problem: "platform" };
  if (labels.at(-1) === "localhost" || RESERVED_SUBDOMAINS.has(labels[0]!) || hostname === "localhost")
    return { ok: false, problem: "reserved" };
  return { ok: true, hostname };
}

/** What each problem means for the person who typed the name. */
export const HOSTNAME_PROBLEM_TEXT: Record<HostnameProblem, string> = {
  invalid: "域名格式不正确:请填写完整的域名,例如 yuanqu.example.gov.cn(不带 http:// 和路径)",
  ip: "不能使用 IP 地址,请填写域名",
  reserved: "这是保留名称,不能作为园区域名",
  platform: "平台自己的域名(含各园区的子域名)不能再登记为自有域名",
};
