// Shared pieces of the IPC tests: a system call driver that runs one call of a
// spawned (or forked) process through the kernel's real dispatcher -- arguments on
// its stack, results in register a, blocking and completion on a waker's behalf
// included -- without interpreting any guest code, so each wake-up path can be
// stepped through deterministically; and guest-memory helpers for the structs.
import { STACK_TOP } from '../src/isa/abi.js';
import { procExit } from '../src/kernel/exit.js';
import { forkProc } from '../src/kernel/fork.js';
import type { Kernel } from '../src/kernel/kernel.js';
import type { Proc } from '../src/kernel/proc.js';
import { syscall } from '../src/kernel/syscall.js';
import { SYSCALLS, type SyscallName } from '../src/kernel/syscall-table.js';
import { copyin, copyout, writeI32s } from '../src/kernel/uaccess.js';
import { boot, program, sys } from './kernel-helpers.js';

/** Where the driver puts a call's arguments on the caller's stack. */
const ARGS_AT = STACK_TOP - 0x1000;
/** Start of a scratch area for buffers (each process has its own copy). */
export const BUF = STACK_TOP - 0x40000;

/** A call that blocked: the process sleeps, the call is not finished. */
export const ASLEEP = 'asleep';

export function nr(name: SyscallName): number {
  return SYSCALLS.find((s) => s.name === name)!.nr;
}

/** A kernel and a first process that is never run (its code only exits). */
export function bootIdle(memBytes = 16 * 1024 * 1024): { k: Kernel; p: Proc } {
  const { kernel } = boot({ memBytes });
  const p = kernel.spawn(program({ _start: sys('exit', 0) }), ['prog']);
  return { k: kernel, p };
}

export function fork(k: Kernel, p: Proc): Proc {
  const child = forkProc(k, p);
  if (typeof child === 'number') throw new Error(`fork failed: ${child}`);
  return child;
}

/** Runs system call `name` for p as if p trapped on it now: its result, or ASLEEP
 *  when it blocked. p must not be asleep. */
export function call(k: Kernel, p: Proc, name: SyscallName, ...args: number[]): number | typeof ASLEEP {
  if (p.state === 'sleeping' || !p.isAlive()) throw new Error(`call: pid ${p.pid} is ${p.state}`);
  k.sched.remove(p);
  p.state = 'running';
  p.cpu.sp = ARGS_AT;
  if (writeI32s(k, p, ARGS_AT, args) < 0) throw new Error('call: cannot write the arguments');
  p.cpu.trapArg = nr(name);
  syscall(k, p);
  if (p.state === 'sleeping') return ASLEEP;
  if (p.state === 'running') k.makeRunnable(p);
  return p.cpu.a;
}

/** The result a waker gave p's blocked call (p must have been woken with one). */
export function completed(p: Proc): number {
  if (p.state !== 'runnable' || p.blockedSyscall !== 0) throw new Error(`completed: pid ${p.pid} is ${p.state}, call ${p.blockedSyscall}`);
  return p.cpu.a;
}

export function put(k: Kernel, p: Proc, at: number, bytes: Uint8Array): number {
  if (copyout(k, p, at, bytes) < 0) throw new Error(`put: cannot write 0x${at.toString(16)}`);
  return at;
}

export function putWords(k: Kernel, p: Proc, at: number, words: number[]): number {
  if (writeI32s(k, p, at, words) < 0) throw new Error(`putWords: cannot write 0x${at.toString(16)}`);
  return at;
}

export function get(k: Kernel, p: Proc, at: number, length: number): DataView {
  const bytes = new Uint8Array(length);
  if (copyin(k, p, at, bytes) < 0) throw new Error(`get: cannot read 0x${at.toString(16)}`);
  return new DataView(bytes.buffer);
}

/** struct sembuf array: [num, op, flags] triples. */
export function sembufs(...ops: [number, number, number][]): Uint8Array {
  const bytes = new Uint8Array(6 * ops.length);
  const view = new DataView(bytes.buffer);
  ops.forEach(([num, op, flags], i) => {
    view.setUint16(6 * i, num, true);
    view.setInt16(6 * i + 2, op, true);
    view.setInt16(6 * i + 4, flags, true);
  });
  return bytes;
}

/** struct msgbuf: mtype then the text. */
export function msgbuf(type: number, text: string | Uint8Array): Uint8Array {
  const body = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const bytes = new Uint8Array(4 + body.length);
  new DataView(bytes.buffer).setInt32(0, type, true);
  bytes.set(body, 4);
  return bytes;
}

/** Ends every live process and checks the kernel is back to baseline. */
export function finish(k: Kernel): void {
  for (const p of [...k.procs.values()]) if (p.isAlive()) procExit(k, p, 0);
  k.checkInvariants();
}
