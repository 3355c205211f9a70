/** The shared smoke suite, run against the Node entry (@hono/node-server, embedded libSQL files). */
import { afterAll, beforeAll, describe, it } from "vitest";
import { hostFetchTo } from "../support/node-fetch";
import { startTestNodeServer } from "../support/node-server";
import { smokeCases, type HostFetch } from "../support/smoke";

describe("Node entry", () => {
  let server: Awaited<ReturnType<typeof startTestNodeServer>>;
  let fetch: HostFetch;
  beforeAll(async () => {
    server = await startTestNodeServer();
    fetch = hostFetchTo(server.port);
  });
  afterAll(() => server.close());

  for (const c of smokeCases) it(c.name, () => c.run(fetch));
});
