// What each kind of wait channel can say about a process asleep on it, for the
// deadlock report (deadlock.ts): the call in words, the state that keeps it
// asleep, and which processes could wake it -- the edges of the wait-for graph.
// An explainer recognises its channel by looking up the kernel object that owns
// it (the pipes, semaphore sets and queues hold their channels as public fields),
// so the objects need no report code of their own. A channel no explainer knows
// falls back to the words its owner gave sleepOn (p.sleepWhat).
import type { Kernel } from './kernel.js';
import { NOFILE } from './param.js';
import { PipeEnd, type Pipe } from './pipe.js';
import type { Proc } from './proc.js';
import type { WaitChannel } from './sleep.js';
import { SIG, signalName } from './signals.js';

/** What a blocked process waits on: 'pipe-read' edges are the ones the classic
 *  pipe diagnoses look at; the kind names a cycle made of one kind only. */
export type WaitKind = 'pipe-read' | 'pipe-write' | 'semaphore' | 'message' | 'child' | 'signal' | 'other';

export interface BlockedWait {
  readonly kind: WaitKind;
  /** The call and its object: `read(fd 3 = pipe:[2])`, `semop(semid 0, sem 1, op -1)`. */
  readonly call: string;
  /** Why it cannot go on, and who holds what: `no data, writers: pid 4 (fd 4)`. */
  readonly why: string;
  /** Processes whose action could end the wait (possibly p itself). */
  readonly wakers: readonly Proc[];
  /** For 'pipe-read': the pipe, and each writer with the descriptors it holds. */
  readonly pipe?: Pipe;
  readonly holders?: readonly Holder[];
}

export interface Holder {
  readonly q: Proc;
  readonly fds: readonly number[];
}

type Explainer = (k: Kernel, p: Proc, chan: WaitChannel) => BlockedWait | null;

/** Live processes holding an end of pipe open for writing (or reading). */
export function pipeHolders(k: Kernel, pipe: Pipe, writing: boolean): Holder[] {
  const holders: Holder[] = [];
  for (const q of k.procs.values()) {
    if (!q.isAlive()) continue;
    const fds: number[] = [];
    for (let fd = 0; fd < NOFILE; fd++) {
      const f = q.fds.get(fd);
      if (f && f.file instanceof PipeEnd && f.file.pipe === pipe && (writing ? f.writable() : f.readable())) fds.push(fd);
    }
    if (fds.length > 0) holders.push({ q, fds });
  }
  return holders;
}

function holderList(p: Proc, holders: readonly Holder[]): string {
  if (holders.length === 0) return 'none';
  return holders.map(({ q, fds }) => `pid ${q.pid}${q === p ? ' itself' : ''} (fd ${fds.join(', ')})`).join(', ');
}

const explainPipe: Explainer = (k, p, chan) => {
  for (const pipe of k.fs.livePipes) {
    const reading = pipe.readWait === chan;
    if (!reading && pipe.writeWait !== chan) continue;
    const mine = pipeHolders(k, pipe, !reading).find((h) => h.q === p);
    const fd = mine ? `fd ${mine.fds[0]} = ` : '';
    const call = `${reading ? 'read' : 'write'}(${fd}${pipe.name})`;
    const others = pipeHolders(k, pipe, reading);
    if (reading) {
      const why = `no data, writers: ${holderList(p, others)}`;
      return { kind: 'pipe-read', call, why, wakers: others.map((h) => h.q), pipe, holders: others };
    }
    const why = `pipe full (${pipe.count} of ${pipe.capacity()} bytes), readers: ${holderList(p, others)}`;
    return { kind: 'pipe-write', call, why, wakers: others.map((h) => h.q) };
  }
  return null;
};

const explainSemaphore: Explainer = (k, p, chan) => {
  for (const set of k.ipc.sem.all()) {
    if (set.channel !== chan) continue;
    const waiter = set.pending.find((w) => w.p === p);
    if (!waiter) return null;
    const { num, op } = waiter.blocking;
    const id = set.perm.id;
    const call = `semop(semid ${id}, sem ${num}, ${op === 0 ? 'wait for zero' : `op ${op}`})`;
    // A process whose SEM_UNDO adjustment would raise the value (it took units)
    // holds the semaphore; for a wait for zero, one that would lower it.
    const holders = [...set.undos].filter((u) => u.p.isAlive() && (op === 0 ? u.adj[num] < 0 : u.adj[num] > 0));
    const held = holders.map((u) => `pid ${u.p.pid}${u.p === p ? ' itself' : ''}'s SEM_UNDO (${Math.abs(u.adj[num])})`);
    const lastPid = set.pids[num];
    const last = lastPid ? `, last changed by pid ${lastPid}` : '';
    const why = `value ${set.values[num]}${held.length ? `, held by ${held.join(', ')}` : ''}${last}`;
    // Without SEM_UNDO the kernel cannot know who holds it; the last process to
    // change it (the one that took it) is the likely one to give it back.
    const lastProc = k.procs.get(lastPid);
    const wakers = holders.length > 0 ? holders.map((u) => u.p) : lastProc?.isAlive() ? [lastProc] : [];
    return { kind: 'semaphore', call, why, wakers };
  }
  return null;
};

const explainMessage: Explainer = (k, p, chan) => {
  for (const q of k.ipc.msg.all()) {
    const id = q.perm.id;
    if (q.receiveChannel === chan) {
      const r = q.receivers.find((w) => w.p === p);
      const wanted = !r || r.mode === 'any' ? 'any type' : `type ${r.mode === 'equal' ? '' : r.mode === 'not-equal' ? '!= ' : '<= '}${r.type}`;
      const held = q.messages.length === 0 ? 'the queue is empty' : `the queue holds ${q.messages.length} message(s) of other types`;
      return { kind: 'message', call: `msgrcv(msqid ${id}, ${wanted})`, why: `${held}, and no process is left to send one`, wakers: [] };
    }
    if (q.sendChannel === chan) {
      const why = `queue full (${q.cbytes} of ${q.qbytes} bytes), and no process is left to receive`;
      return { kind: 'message', call: `msgsnd(msqid ${id})`, why, wakers: [] };
    }
  }
  return null;
};

function describeState(q: Proc): string {
  switch (q.state) {
    case 'sleeping':
      return 'blocked';
    case 'stopped':
      return `stopped by ${signalName(q.stopReport || SIG.SIGSTOP)}`;
    case 'runnable':
    case 'running':
      return q.state;
    case 'zombie':
      return 'a zombie';
    default: {
      const never: never = q.state;
      return String(never);
    }
  }
}

const explainChildren: Explainer = (_k, p, chan) => {
  if (p.childWait !== chan) return null;
  const alive = p.children.filter((c) => c.isAlive());
  const list = alive.map((c) => `pid ${c.pid} (${describeState(c)})`).join(', ');
  const why = alive.length ? `children: ${list}` : 'no child can change state';
  return { kind: 'child', call: p.sleepWhat || 'wait4', why, wakers: alive };
};

const explainSignal: Explainer = (_k, p, chan) => {
  if (p.sig.suspendWait !== chan) return null;
  return { kind: 'signal', call: `${p.sleepWhat || 'pause'}()`, why: 'waiting for a signal that no process is left to send', wakers: [] };
};

const EXPLAINERS: readonly Explainer[] = [explainPipe, explainSemaphore, explainMessage, explainChildren, explainSignal];

/** What sleeping process p waits on. */
export function explainWait(k: Kernel, p: Proc): BlockedWait {
  const chan = p.sleepChannel;
  if (chan) {
    for (const explain of EXPLAINERS) {
      const found = explain(k, p, chan);
      if (found) return found;
    }
  }
  return { kind: 'other', call: p.sleepWhat || chan?.name || 'an unknown wait', why: 'nothing can wake it', wakers: [] };
}

/** What a stopped process waits for. */
export function explainStop(p: Proc): BlockedWait {
  const call = `stopped by ${signalName(p.stopReport || SIG.SIGSTOP)}`;
  return { kind: 'signal', call, why: 'no process is left to send SIGCONT', wakers: [] };
}
