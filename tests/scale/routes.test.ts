/**
 * Issue 16 at the size of a real zone: the Worker in workerd (wrangler dev, as npm start runs it)
 * over a Zibo seeded by dev/lib/scale (factor SCALE_FACTOR, default 0.5: 2,500 enterprises,
 * 10,000 subsidy applications, 1,000 needs, 150 products, 2,500 loans). Every route of the
 * issue's table answers 200 within its round-trip budget (anonymous 1, and 0 or 1 again from
 * the edge cache; signed-in 2; sign-in 3) and shows no more rows than a page holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDGE_ROUTES, type EdgeRole, requestRoute, signInAll } from "../../bench/edge-routes";
import { type EdgeStack, startEdgeStack } from "../../bench/edge-stack";
import { roundTrips } from "../workerd/round-trip-support";
import { rowsShown } from "./rows-shown";

const FACTOR = Number(process.env.SCALE_FACTOR ?? 0.5);
/** The most rows a page or API may show at once: lists page (issue 16). */
const PAGE_MAX = 100;

describe(`a scaled Zibo (factor ${FACTOR})`, () => {
  let stack: EdgeStack;
  let cookies: Record<EdgeRole, string | undefined>;
  beforeAll(async () => {
    stack = await startEdgeStack({ delayMs: 0, scaled: { seed: 1, factor: FACTOR }, log: (l) => console.log(l) });
    cookies = await signInAll(stack.fetch);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it.each(EDGE_ROUTES.map((r) => ({ ...r, name: `${r.method} ${r.path} as ${r.role}` })))(
    "$name answers 200 within $budget round trip(s), showing at most a page of rows",
    async (route) => {
      for (const attempt of ["first", "again"]) {
        const res = await requestRoute(stack.fetch, route, cookies[route.role]);
        const body = await res.text();
        expect(res.status, `${attempt}: ${body.slice(0, 300)}`).toBe(200);
        expect(roundTrips(res).waves, `${attempt} request's waves`).toBeLessThanOrEqual(route.budget);
        expect(rowsShown(body, res.headers.get("content-type")), `${attempt}: rows shown`).toBeLessThanOrEqual(
          PAGE_MAX,
        );
      }
    },
  );
});
