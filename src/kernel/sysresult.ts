// The shape of a system call handler and the two results that are not values.
// A handler reads its arguments from `args` (argument i is i32[sp + 4*i], already
// read from guest memory) and returns the value for register a: a result >= 0, or
// -errno. Two sentinels, neither an int32, say the call did not return a value:
//   BLOCKED    the handler put the process to sleep (sleepOn); pc stays on the SYS
//              instruction and the whole call re-runs when the process is woken,
//              so it must re-check its condition (xv6's sleep/wakeup loop).
//   NO_RESULT  the handler has set the registers itself or the process is gone
//              (exit; later execve and rt_sigreturn): leave pc and a alone.
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

export type SyscallHandler = (k: Kernel, p: Proc, args: Int32Array) => number;

export const BLOCKED = 2 ** 32;
export const NO_RESULT = 2 ** 32 + 1;
