import { describe, expect, it } from "vitest";
import { normaliseHost, resolveSite } from "./host";

const zones = new Set(["zibo", "dongying", "changzhi"]);
const resolve = (host: string, roots = ["localhost", "yuanqu.example.cn"]) =>
  resolveSite(host, roots, (s) => zones.has(s));

describe("resolveSite", () => {
  it.each([
    ["zibo.localhost", "zibo"],
    ["zibo.localhost:8787", "zibo"],
    ["ZIBO.LocalHost:8787", "zibo"],
    ["zibo.localhost.", "zibo"],
    ["dongying.yuanqu.example.cn", "dongying"],
    ["changzhi.yuanqu.example.cn:443", "changzhi"],
  ])("resolves %s to zone %s", (host, slug) => {
    expect(resolve(host)).toEqual({ kind: "zone", slug });
  });

  it.each(["localhost", "localhost:8787", "yuanqu.example.cn"])("resolves the bare root %s to the platform", (host) => {
    expect(resolve(host)).toEqual({ kind: "platform" });
  });

  it.each([
    ["", "no-host"],
    ["127.0.0.1", "ip"],
    ["127.0.0.1:8787", "ip"],
    ["10.0.0.1", "ip"],
    ["[::1]", "ip"],
    ["[::1]:8787", "ip"],
    ["nosuch.localhost", "unknown-zone"],
    ["www.localhost", "reserved"],
    ["api.yuanqu.example.cn", "reserved"],
    ["admin.localhost:8787", "reserved"],
    ["a.zibo.localhost", "nested"],
    ["zibo.zibo.yuanqu.example.cn", "nested"],
    ["zibo.example.com", "foreign"],
    ["zibo.localhost.evil.com", "foreign"],
    ["evillocalhost", "foreign"],
    ["xzibo.localhost", "unknown-zone"],
  ])("refuses %s (%s) instead of falling back to a zone", (host, reason) => {
    expect(resolve(host)).toEqual({ kind: "none", reason });
  });

  it("matches only the configured roots", () => {
    expect(resolve("zibo.localhost", ["yuanqu.example.cn"])).toEqual({ kind: "none", reason: "foreign" });
  });
});

describe("normaliseHost", () => {
  it("drops the port and trailing dot and lower-cases, keeping IPv6 brackets", () => {
    expect(normaliseHost(" Zibo.Localhost.:80 ")).toBe("zibo.localhost");
    expect(normaliseHost("[::1]:8787")).toBe("[::1]");
  });
});
