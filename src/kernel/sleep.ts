// The one blocking idiom (xv6's sleep/wakeup). A handler that cannot finish calls
// sleepOn(p, channel, what) and returns its result (BLOCKED); the process leaves
// the run queue with pc still on its SYS instruction. When the state behind the
// channel changes, wakeup(channel) makes every sleeper runnable and each re-runs
// its whole call, re-checking the condition. Channels are plain objects owned by
// what is waited on: a pipe's read side, a process's children, the clock.
//
// Any sleep can be cut short by wakeProc (a timer, or a signal in kill.ts): the call
// simply re-runs. A call that would sleep while a signal is deliverable does not
// sleep: sleepOn returns BLOCKED leaving p running, and syscall.ts ends the call
// with EINTR or leaves it to restart (sigrestart.ts).
import type { Kernel } from './kernel.js';
import { removeItem } from './list.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { BLOCKED } from './sysresult.js';

/** What a sleeper waits for, worded only when a report asks: a sleep happens on
 *  every blocking call, a deadlock report or a ps listing rarely. */
export interface SleepReason {
  describe(): string;
}

/** A record a blocking call leaves in its object's own list of waiters besides
 *  sleeping on a channel (a msgrcv's on its queue, a semop's on its set). The
 *  object drops it when it serves the call; the process withdraws it when it
 *  starts another call or exits (withdrawWaitRecord), so a call a signal cut short
 *  leaves nothing behind for long: at most one record per process is stale. */
export interface WaitRecord {
  withdraw(): void;
}

/** p's last blocking call is over for good: its wait record, if any, goes. */
export function withdrawWaitRecord(p: Proc): void {
  p.waitRecord?.withdraw();
  p.waitRecord = null;
}

export class WaitChannel {
  readonly sleepers: Proc[] = [];

  constructor(readonly name: string) {}
}

/** Puts the running process p to sleep on chan. `what` says what it waits for in
 *  deadlock reports ("read on pipe:[3] (empty)"), as words or as a SleepReason that
 *  words it on demand. Returns BLOCKED. With a signal
 *  deliverable p stays running: the call is interrupted (Linux's signal_pending
 *  check before schedule()). */
export function sleepOn(p: Proc, chan: WaitChannel, what: string | SleepReason): number {
  if (p.state !== 'running') panic('sleepOn', `pid ${p.pid} is ${p.state}, not running`);
  if (p.sig.hasDeliverable()) return BLOCKED;
  p.state = 'sleeping';
  p.sleepChannel = chan;
  p.sleepReason = what;
  chan.sleepers.push(p);
  p.stats.voluntarySwitches++;
  return BLOCKED;
}

/** Makes every process sleeping on chan runnable, in the order they slept. */
export function wakeup(k: Kernel, chan: WaitChannel): void {
  const sleepers = chan.sleepers;
  const n = sleepers.length;
  if (n === 0) return;
  for (let i = 0; i < n; i++) {
    const p = sleepers[i];
    p.sleepChannel = null;
    k.makeRunnable(p);
  }
  // pop, not `length = 0`: the array keeps its storage for the next sleeper.
  for (let i = 0; i < n; i++) sleepers.pop();
}

/** Wakes p alone if it sleeps (its deadline passed, a signal arrived); otherwise
 *  does nothing. */
export function wakeProc(k: Kernel, p: Proc): void {
  if (p.state !== 'sleeping') return;
  cancelSleep(p);
  k.makeRunnable(p);
}

/** Takes p off its channel without making it runnable (it is exiting). */
export function cancelSleep(p: Proc): void {
  const chan = p.sleepChannel;
  if (!chan) return;
  if (!removeItem(chan.sleepers, p)) panic('cancelSleep', `pid ${p.pid} is not on channel ${chan.name}`);
  p.sleepChannel = null;
}
