// Time system calls over the kernel's Clock (virtual or real, see clock.ts).
// Structures are i386's: timespec and timeval are two 32-bit words.
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { NS_PER_INSTRUCTION } from './param.js';
import type { Proc } from './proc.js';
import { sleepOn, wakeProc } from './sleep.js';
import { BAD_ADDRESS, readI32, writeI32, writeI32s } from './uaccess.js';

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const CLOCK_PROCESS_CPUTIME_ID = 2;
const CLOCK_THREAD_CPUTIME_ID = 3;
const CLOCK_MONOTONIC_RAW = 4;
const CLOCK_REALTIME_COARSE = 5;
const CLOCK_MONOTONIC_COARSE = 6;
const CLOCK_BOOTTIME = 7;

/** time(tloc): seconds since the Epoch, also stored at tloc when not NULL. */
export function sys_time(k: Kernel, p: Proc, args: Int32Array): number {
  const [seconds] = k.clock.realtime();
  if (args[0] !== 0 && writeI32(k, p, args[0], seconds) < 0) return -E.EFAULT;
  return seconds;
}

/** gettimeofday(tv, tz): tz, when given, is zero (UTC). */
export function sys_gettimeofday(k: Kernel, p: Proc, args: Int32Array): number {
  const [seconds, ns] = k.clock.realtime();
  if (args[0] !== 0 && writeI32s(k, p, args[0], [seconds, Math.floor(ns / 1000)]) < 0) return -E.EFAULT;
  if (args[1] !== 0 && writeI32s(k, p, args[1], [0, 0]) < 0) return -E.EFAULT;
  return 0;
}

/** clock_gettime(id, ts): realtime, monotonic (boot time is the same) and the
 *  caller's CPU time (its instructions); EINVAL for other clocks. */
export function sys_clock_gettime(k: Kernel, p: Proc, args: Int32Array): number {
  let seconds: number;
  let ns: number;
  switch (args[0]) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
      [seconds, ns] = k.clock.realtime();
      break;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
      [seconds, ns] = split(k.clock.now());
      break;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
      [seconds, ns] = split(p.cpu.steps * NS_PER_INSTRUCTION);
      break;
    default:
      return -E.EINVAL;
  }
  return writeI32s(k, p, args[1], [seconds, ns]) < 0 ? -E.EFAULT : 0;
}

function split(ns: number): [number, number] {
  return [Math.floor(ns / 1e9), ns % 1e9];
}

/** nanosleep(req, rem): sleeps until the deadline set by its first run (a re-run
 *  after a wakeup keeps it). EINVAL for a negative time or nanoseconds >= 1e9.
 *  May block. */
export function sys_nanosleep(k: Kernel, p: Proc, args: Int32Array): number {
  if (!p.callTimer) {
    const seconds = readI32(k, p, args[0]);
    const ns = readI32(k, p, args[0] + 4);
    if (seconds === BAD_ADDRESS || ns === BAD_ADDRESS) return -E.EFAULT;
    if (seconds < 0 || ns < 0 || ns > 999_999_999) return -E.EINVAL;
    if (seconds === 0 && ns === 0) return 0;
    p.callTimer = k.clock.addTimer(k.clock.now() + seconds * 1e9 + ns, () => wakeProc(k, p));
  }
  if (k.clock.now() >= p.callTimer.at) return 0;
  return sleepOn(p, k.timerChannel, 'nanosleep');
}
