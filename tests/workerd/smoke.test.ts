/** The shared smoke suite, run against the real Worker inside workerd. */
import { exports } from "cloudflare:workers";
import { describe, it } from "vitest";
import { smokeCases, type HostFetch } from "../support/smoke";

// No Host header here, as with SELF.fetch: the app must fall back to the URL's host.
const viaWorker: HostFetch = (host, path, init) => exports.default.fetch(`http://${host}${path}`, init);

describe("Worker in workerd", () => {
  for (const c of smokeCases) it(c.name, () => c.run(viaWorker));
});
