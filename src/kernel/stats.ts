// The --stats report: per process when it exits, and for the whole run at the end.
import type { PhysMem } from '../vm/physmem.js';
import type { Proc, ProcStats } from './proc.js';
import { SYSCALLS } from './syscall-table.js';

/** Lines (without the "ipcvm: " prefix) describing p's life. */
export function procStatsLines(p: Proc): string[] {
  const s = p.stats;
  const calls: [string, number][] = [];
  s.syscalls.forEach((count, slot) => {
    if (count > 0) calls.push([SYSCALLS[slot].name, count]);
  });
  calls.sort((a, b) => b[1] - a[1]);
  const totalCalls = calls.reduce((n, [, c]) => n + c, 0);
  const faults = s.faultsDemandZero + s.faultsCow + s.faultsSharedNew + s.faultsSharedExisting;
  const who = `stats: pid ${p.pid} (${p.name})`;
  return [
    `${who}: ${p.cpu.steps} instructions, ${s.voluntarySwitches + s.involuntarySwitches} context switches ` +
      `(${s.voluntarySwitches} voluntary, ${s.involuntarySwitches} involuntary), peak ${s.peakResidentPages} resident pages`,
    `${who}: ${totalCalls} system calls${calls.length ? ` (${calls.map(([n, c]) => `${n} ${c}`).join(', ')})` : ''}`,
    `${who}: ${faults} page faults (${s.faultsDemandZero} demand-zero, ${s.faultsCow} copy-on-write, ${sharedFaults(s)})`,
  ];
}

/** "0 shared", or "5 shared: 3 new frame, 2 existing frame" (a shared page's
 *  first touch allocates its frame; later touches map that frame). */
function sharedFaults(s: ProcStats): string {
  const shared = s.faultsSharedNew + s.faultsSharedExisting;
  return shared === 0 ? '0 shared' : `${shared} shared: ${s.faultsSharedNew} new frame, ${s.faultsSharedExisting} existing frame`;
}

/** The line for the whole run. */
export function runStatsLine(mem: PhysMem, steps: number): string {
  return `stats: run: ${steps} instructions, ${mem.framesAllocated} frames allocated, ${mem.framesFreed} freed`;
}
