// SEM_UNDO (Linux's struct sem_undo): for each process and each set it used with
// SEM_UNDO, the adjustment that undoes its operations -- minus the sum of its
// SEM_UNDO sem_op values, per semaphore. Each entry is on two lists: its process's
// (p.semUndos, applied when the process exits, whatever kills it) and its set's
// (cleared by SETVAL/SETALL, dropped with the set by IPC_RMID). A child starts
// with none: fork does not inherit adjustments. A process has entries for at most
// SEMUME sets, so they cost the host at most SEMUME entries of SEMMNS values.
import type { Kernel } from './kernel.js';
import { SEMUME, SEMVMX } from './param.js';
import type { Proc } from './proc.js';
import { semUpdate, type SemSet } from './sem.js';

export class SemUndo {
  readonly adj: Int32Array;

  constructor(
    readonly set: SemSet,
    readonly p: Proc,
  ) {
    this.adj = new Int32Array(set.nsems);
  }
}

/** p's adjustments on set, created (all zero) on first use; null when p has
 *  entries for SEMUME other sets already. */
export function semUndoFor(set: SemSet, p: Proc): SemUndo | null {
  let undo = p.semUndos.find((u) => u.set === set);
  if (!undo) {
    if (p.semUndos.length >= SEMUME) return null;
    undo = new SemUndo(set, p);
    p.semUndos.push(undo);
    set.undos.add(undo);
  }
  return undo;
}

/** SETVAL (one semaphore) or SETALL (num -1): every process's pending adjustments
 *  of those semaphores are forgotten, as on Linux. */
export function semUndoClear(set: SemSet, num: number): void {
  for (const undo of set.undos) {
    if (num < 0) undo.adj.fill(0);
    else undo.adj[num] = 0;
  }
}

/** IPC_RMID: the set's entries leave their processes' lists. */
export function semUndoDropSet(set: SemSet): void {
  for (const undo of set.undos) {
    const list = undo.p.semUndos;
    list.splice(list.indexOf(undo), 1);
  }
  set.undos.clear();
}

/** p is exiting: each adjustment is added to its semaphore, the result clamped to
 *  0..SEMVMX (Linux's exit_sem), and the set's waiters are re-examined. */
export function semExit(k: Kernel, p: Proc): void {
  if (p.semUndos.length === 0) return;
  for (const undo of p.semUndos.splice(0)) {
    const set = undo.set;
    set.undos.delete(undo);
    for (let num = 0; num < set.nsems; num++) {
      if (undo.adj[num] === 0) continue;
      set.values[num] = Math.min(Math.max(set.values[num] + undo.adj[num], 0), SEMVMX);
      set.pids[num] = p.pid;
    }
    semUpdate(k, set);
  }
}
