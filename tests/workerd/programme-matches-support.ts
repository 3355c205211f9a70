/**
 * 政策找企业 reads a stored list that a background job computes: tests that assert on it first
 * queue the job and run the scheduled handler until the list is fresh (computed after the call).
 */
import { expect } from "vitest";
import { api, demo, host, type Json, runScheduled } from "./subsidies-support";

const matchesOf = (programme: string) => `/api/v1/admin/policy/programmes/${programme}/matches`;

/**
 * Recomputes `programme`'s list on `on` (a Zibo reviewer by default) and waits for it. A job that
 * was already open may have started before the caller's data, so then it is run out and one more
 * is queued after it.
 */
export async function recomputeMatches(programme: string, o: { on?: string; cookie?: string } = {}): Promise<void> {
  const cookie = o.cookie ?? (await demo("reviewer"));
  const on = o.on ?? host;
  for (let round = 0; round < 2; round++) {
    const queued = await api("POST", `${matchesOf(programme)}/refresh`, { cookie, on });
    expect([200, 202]).toContain(queued.status);
    await runUntilIdle(programme, cookie, on, queued.body.job.id as number);
    if (queued.body.queued) return;
  }
}

async function runUntilIdle(programme: string, cookie: string, on: string, jobId: number): Promise<Json> {
  for (let i = 0; i < 30; i++) {
    await runScheduled();
    const res = await api("GET", `${matchesOf(programme)}?limit=1`, { cookie, on });
    expect(res.status).toBe(200);
    if (res.body.job?.id !== jobId) return res.body;
    // Another test's scheduled run may hold the job's lease: give it a moment, then look again.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} for ${programme} did not finish`);
}

/** `enterpriseId`'s row in the stored list, paging through it 200 at a time. */
export async function storedMatch(programme: string, enterpriseId: string, o: { on?: string; cookie?: string } = {}) {
  const cookie = o.cookie ?? (await demo("reviewer"));
  let after: string | null = null;
  do {
    const q: string = after ? `&after=${after}` : "";
    const res = await api("GET", `${matchesOf(programme)}?limit=200${q}`, { cookie, on: o.on ?? host });
    expect(res.status).toBe(200);
    const row = (res.body.enterprises as Json[]).find((m) => m.id === enterpriseId);
    if (row) return row;
    after = res.body.nextCursor as string | null;
  } while (after);
  return undefined;
}
