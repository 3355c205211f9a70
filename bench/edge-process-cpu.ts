/**
 * The CPU time of the workerd process, read from Linux's scheduler statistics (ns on CPU,
 * summed over its threads). Unlike the profiler's samples, which count wall time whenever
 * the Worker's thread is inside JS (even while the OS runs something else on a busy
 * machine), this is time actually spent on a core; it includes workerd's own HTTP and I/O
 * work, so it is an upper bound for the Worker's share. Null where /proc is unavailable.
 * Chosen over the profiler's figure (bench/edge-cpu.ts) as the one reported by default: on a
 * shared two-core machine the samples counted 2–10× the CPU the scheduler saw.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Every descendant of `root` whose command name is `name`. */
export function findDescendants(root: number, name: string): number[] {
  let procs: string[];
  try {
    procs = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  const comm = new Map<number, string>();
  for (const p of procs) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
      const close = stat.lastIndexOf(")");
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      comm.set(Number(p), stat.slice(stat.indexOf("(") + 1, close));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const child of children.get(pid) ?? []) {
      if (comm.get(child) === name) found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/**
 * CPU ms the Worker's workerd spent on `work`. `wrangler dev` runs two workerd processes: its
 * own proxy in front (a few ms per request of local plumbing that production does not have)
 * and the one running the Worker; the Worker's is the one that did the most during `work`.
 */
export async function workerdCpuMs(pids: () => number[], work: () => Promise<void>): Promise<number | null> {
  const before = new Map(pids().map((pid) => [pid, safeCpuNs(pid)]));
  await work();
  let most: number | null = null;
  for (const [pid, ns] of before) {
    const delta = safeCpuNs(pid) - ns;
    if (Number.isFinite(delta)) most = Math.max(most ?? 0, delta / 1e6);
  }
  return most;
}

function safeCpuNs(pid: number): number {
  try {
    return processCpuNs(pid);
  } catch {
    return Number.NaN;
  }
}

/** ns the process has run on a CPU so far, over all its threads. */
export function processCpuNs(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return total;
}
