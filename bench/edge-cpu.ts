/**
 * The Worker's CPU time in workerd, through the V8 inspector that `wrangler dev` exposes.
 * workerd freezes its clocks during a request (Spectre mitigation), so the Worker cannot
 * time itself; the sampling profiler can. A profile over N requests of one route gives the
 * time V8 was running on the Worker's thread (JS, GC, compiling — every sample but idle);
 * divided by N it is the CPU per request, the figure Workers' 10 ms limit (free plan) is
 * about. Sampling every 100 µs. But a sample counts whenever the thread is inside JS, also while
 * the OS has it waiting for a core: on a busy machine it overstates (`npm run bench:edge -- --v8`).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** What a profile says: µs busy (not idle) over the whole profile. */
export function busyMicros(profile: Profile): { busy: number; total: number } {
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let busy = 0;
  // Each sample stands for the time until the next one.
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (name.get(profile.samples[i]!) !== "(idle)") busy += dt;
  }
  return { busy, total: profile.endTime - profile.startTime };
}

export interface WorkerProfiler {
  /** Runs `work` under the profiler; the busy µs it took on the Worker's thread. */
  measure(work: () => Promise<void>): Promise<{ busy: number; total: number }>;
  close(): void;
}

export async function openProfiler(inspectorPort: number): Promise<WorkerProfiler> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets[0];
  if (!target) throw new Error(`no inspector target on port ${inspectorPort}`);
  // The inspector proxy accepts local origins only; undici's WebSocket sends none unless told.
  const ws = new WebSocket(target.webSocketDebuggerUrl, {
    headers: { origin: "http://127.0.0.1" },
  } as unknown as string[]);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error("inspector connection failed")), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.addEventListener("message", (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) p?.reject(new Error(msg.error.message));
    else p?.resolve(msg.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 100 });
  return {
    async measure(work) {
      await send("Profiler.start");
      let failure: unknown = null;
      await work().catch((err: unknown) => {
        failure = err ?? new Error("failed");
      });
      const { profile } = await send<{ profile: Profile }>("Profiler.stop");
      if (failure) throw failure;
      return busyMicros(profile);
    },
    close: () => ws.close(),
  };
}
