// The Worker's default export, as `exports` from "cloudflare:workers" sees it in tests.
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}
