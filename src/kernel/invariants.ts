// Kernel invariants (xv6's usertests check no page leaked; STYLE.md asks every
// kernel object for checkInvariants). Checked by tests after every guest run:
//   any time      each process is where its state says (run queue, wait channel),
//                 family links agree, every frame's refcount equals the number of
//                 PTEs naming it plus one if a store of shared pages holds it, and
//                 the IPC objects' own bookkeeping holds (ipcCheckInvariants);
//   after a run   no process, zombie, sleeper, timer or IPC object is left,
//                 every frame is free and only the console's open file
//                 descriptions remain;
//   both          the file system's pipes, FIFOs and files are consistent, the
//                 user's account holds the pages of the live pipes and the
//                 processes' queued signals, and after a run no pipe or regular
//                 file is left open (vfs.ts).
import { PAGE_SIZE } from '../isa/abi.js';
import { ipcCheckInvariants } from './ipc.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

function fail(message: string): never {
  throw new Error(`checkInvariants: ${message}`);
}

/** What a kernel holds once booted, before any process runs. */
export interface BootBaseline {
  freeFrames: number;
  openFiles: number;
}

export function checkKernelInvariants(k: Kernel, boot: BootBaseline, live: number): void {
  const mem = k.mem;
  mem.checkInvariants();
  const mappings = new Int32Array(mem.frameCount);
  for (const p of k.procs.values()) {
    checkProc(k, p);
    p.mm.mmu.forEachPte((_vpn, pte) => mappings[pte >>> 12]++);
  }
  for (const store of k.ipc.shmem) for (const frame of store.heldFrames()) mappings[frame]++;
  for (let frame = 1; frame < mem.frameCount; frame++) {
    if (mappings[frame] !== mem.refCount(frame)) {
      fail(`frame ${frame} has refcount ${mem.refCount(frame)} but ${mappings[frame]} mappings`);
    }
  }
  ipcCheckInvariants(k);
  const alive = [...k.procs.values()].filter((p) => p.isAlive()).length;
  if (live !== alive) fail(`live count ${live}, but ${alive} processes are alive`);
  for (const problem of k.fs.invariantProblems(live === 0)) fail(problem);
  let pipePages = 0;
  for (const pipe of k.fs.livePipes) pipePages += pipe.capacity() / PAGE_SIZE;
  if (pipePages !== k.user.pipePages) fail(`the user is charged ${k.user.pipePages} pipe pages, the pipes have ${pipePages}`);
  let queued = 0;
  for (const p of k.procs.values()) queued += p.sig.queued;
  if (queued !== k.user.sigpending) fail(`the user is charged ${k.user.sigpending} queued signals, the processes have ${queued}`);
  if (live > 0) return;
  if (k.procs.size !== 0) fail(`${k.procs.size} zombies left: ${[...k.procs.keys()].join(' ')}`);
  if (k.sched.runnable() !== 0) fail('run queue not empty');
  if (k.timerChannel.sleepers.length !== 0 || k.clock.pendingTimers() !== 0) fail('timers or sleepers left');
  if (k.ipc.count() !== 0) fail(`IPC objects left: ${k.ipc.describe()}`);
  if (mem.freeFrames() !== boot.freeFrames) fail(`${boot.freeFrames - mem.freeFrames()} frames still allocated`);
  if (k.fs.openFiles !== boot.openFiles) fail(`${k.fs.openFiles} open file descriptions, ${boot.openFiles} at boot`);
}

function checkProc(k: Kernel, p: Proc): void {
  const where = `pid ${p.pid} (${p.state})`;
  if (p.onRunQueue !== (p.state === 'runnable')) fail(`${where}: on run queue = ${p.onRunQueue}`);
  const chan = p.sleepChannel;
  if ((chan !== null) !== (p.state === 'sleeping')) fail(`${where}: sleep channel ${chan?.name ?? 'none'}`);
  if (chan && !chan.sleepers.includes(p)) fail(`${where}: not among the sleepers of ${chan.name}`);
  if (!p.isAlive() && p.mm.residentPages() !== 0) fail(`${where}: zombie with resident pages`);
  const signals = p.sig.problem();
  if (signals) fail(`${where}: ${signals}`);
  for (const child of p.children) if (child.ppid !== p.pid) fail(`${where}: child ${child.pid} has ppid ${child.ppid}`);
  if (p.ppid !== 0 && !k.procs.get(p.ppid)?.children.includes(p)) fail(`${where}: missing from parent ${p.ppid}`);
}
