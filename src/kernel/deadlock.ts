// The deadlock report: printed when no process can run and no timer or input can
// wake one (the run then ends with status 2). For each blocked or stopped process
// it says what it waits on and who could wake it (deadlock-explain.ts); then it
// finds the cycles of the wait-for graph (p -> q when only q could wake p) and
// names the classic causes it recognises:
//   - a pipe reader that holds a write end itself, so read never sees end of file;
//   - a process that keeps a pipe's write end open while it waits for something
//     else (a parent in wait4 that forgot to close its copy after fork);
//   - processes that each read a pipe only the next one writes (wrong order);
//   - semaphores taken in opposite orders (lock-order inversion).
import { explainStop, explainWait, type BlockedWait } from './deadlock-explain.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

/** Cycles reported at most (each from its lowest pid). */
const MAX_CYCLES = 8;

/** The report, one line per entry, without the "ipcvm: " prefix. */
export function deadlockReport(k: Kernel): string[] {
  const waits = new Map<Proc, BlockedWait>();
  for (const p of k.procs.values()) {
    if (p.state === 'sleeping') waits.set(p, explainWait(k, p));
    else if (p.state === 'stopped') waits.set(p, explainStop(p));
  }
  const lines = ['deadlock: no process can run, and no timer can wake one'];
  for (const [p, w] of waits) {
    const verb = p.state === 'stopped' ? 'is' : 'blocked in';
    lines.push(`  pid ${p.pid} (${p.name}) ${verb} ${w.call}: ${w.why}`);
  }
  for (const cycle of findCycles(waits)) {
    const path = [...cycle, cycle[0]].map((p) => `pid ${p.pid}`).join(' -> ');
    const cause = cycleCause(cycle, waits);
    lines.push(`  wait-for cycle: ${path}${cause ? `: ${cause}` : ''}`);
  }
  for (const hint of pipeHints(waits)) lines.push(`  likely cause: ${hint}`);
  return lines;
}

/** Elementary cycles of two or more processes, each found once from its lowest
 *  pid, in pid order. */
function findCycles(waits: ReadonlyMap<Proc, BlockedWait>): Proc[][] {
  const cycles: Proc[][] = [];
  const starts = [...waits.keys()].sort((a, b) => a.pid - b.pid);
  for (const start of starts) {
    if (cycles.length >= MAX_CYCLES) break;
    const path = findPathBack(start, start, waits, new Set([start]));
    if (path) cycles.push([start, ...path]);
  }
  return cycles;
}

/** A path from `from` to `start` through processes with pids above start's
 *  (the nodes after `from`, without start), or null. Depth-first. */
function findPathBack(start: Proc, from: Proc, waits: ReadonlyMap<Proc, BlockedWait>, seen: Set<Proc>): Proc[] | null {
  for (const next of waits.get(from)?.wakers ?? []) {
    if (next === start && from !== start) return [];
    if (next.pid <= start.pid || seen.has(next) || !waits.has(next)) continue;
    seen.add(next);
    const rest = findPathBack(start, next, waits, seen);
    if (rest) return [next, ...rest];
  }
  return null;
}

/** The classic name of a cycle made of one kind of wait. */
function cycleCause(cycle: readonly Proc[], waits: ReadonlyMap<Proc, BlockedWait>): string | null {
  const kinds = new Set(cycle.map((p) => waits.get(p)?.kind));
  if (kinds.size !== 1) return null;
  if (kinds.has('pipe-read')) return 'each process waits to read a pipe that only the next one writes (pipes read in the wrong order)';
  if (kinds.has('semaphore')) return 'semaphores taken in opposite orders: take them in one global order, or in one semop call';
  if (kinds.has('child')) return 'each process waits for the other to exit';
  return null;
}

/** The pipe diagnoses: a reader kept waiting by a write end that will never be
 *  written or closed -- its own, or one held by a process blocked elsewhere. */
function pipeHints(waits: ReadonlyMap<Proc, BlockedWait>): string[] {
  const hints: string[] = [];
  for (const [p, w] of waits) {
    if (w.kind !== 'pipe-read' || !w.pipe) continue;
    const name = w.pipe.name;
    for (const { q, fds } of w.holders ?? []) {
      const fd = `fd ${fds.join(', ')}`;
      if (q === p) {
        hints.push(`pid ${p.pid} reads ${name} while holding its write end open itself (${fd}): close it in the reader, or read never sees end of file`);
        continue;
      }
      const other = waits.get(q);
      if (!other || other.kind === 'pipe-read' || other.kind === 'pipe-write') continue;
      const where = q.state === 'stopped' ? other.call : `blocked in ${other.call}`;
      hints.push(`pid ${q.pid} holds the write end of ${name} (${fd}) while ${where}: it forgot to close it, so pid ${p.pid} never sees end of file`);
    }
  }
  return hints;
}
