/**
 * Reads a response's database round trips (db/round-trips.ts): local development (DEV_TOOLS=1,
 * as in this project's wrangler.toml) reports them as headers on every zone response.
 */
import { REQUESTS_HEADER, WAVES_HEADER } from "../../worker/db/round-trips";

export interface RoundTrips {
  waves: number;
  requests: number;
}

export function roundTrips(res: Response): RoundTrips {
  const waves = res.headers.get(WAVES_HEADER);
  const requests = res.headers.get(REQUESTS_HEADER);
  if (waves === null || requests === null) throw new Error(`no round-trip headers (HTTP ${res.status})`);
  return { waves: Number(waves), requests: Number(requests) };
}
