// ipcvm_procstat: one entry of the process table at a time, for /bin/ps (Linux's ps
// reads the same facts from /proc/PID/stat and /proc/PID/cmdline). The caller
// walks the table by pid: each call describes the process with the lowest pid at
// or above the one asked for, and returns that pid. The guest's struct (256 bytes,
// declared in programs/bin/ps.c):
//    0 pid   4 ppid   8 pgid   12 sid   16 uid
//   20 state: 'R' running or runnable, 'S' sleeping, 'T' stopped, 'Z' zombie
//   24 flags: PROC_FOREGROUND when in the terminal's foreground process group
//   28 comm[16]: the program's name, NUL-terminated
//   44 args[212]: argv joined by spaces, cut and NUL-terminated
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc, ProcState } from './proc.js';
import { foregroundGroup } from './ttyctl.js';
import { copyout } from './uaccess.js';

const PROCSTAT_SIZE = 256;
const COMM_AT = 28;
const COMM_SIZE = 16;
const ARGS_AT = 44;
const PROC_FOREGROUND = 1;

function stateLetter(state: ProcState): string {
  switch (state) {
    case 'running':
    case 'runnable':
      return 'R';
    case 'sleeping':
      return 'S';
    case 'stopped':
      return 'T';
    case 'zombie':
      return 'Z';
    default: {
      const never: never = state;
      return panic('procstat', `unknown state ${String(never)}`);
    }
  }
}

/** Copies text's bytes into out[at, at + size), cut to leave room for the NUL. */
function putString(out: Uint8Array, at: number, size: number, text: string): void {
  out.set(new TextEncoder().encode(text).subarray(0, size - 1), at);
}

function encode(k: Kernel, q: Proc): Uint8Array {
  const out = new Uint8Array(PROCSTAT_SIZE);
  const view = new DataView(out.buffer);
  const fields = [q.pid, q.ppid, q.pgid, q.sid, q.cred.uid, stateLetter(q.state).charCodeAt(0)];
  fields.forEach((v, i) => view.setInt32(4 * i, v, true));
  const foreground = k.host.isatty(0) && q.pgid === foregroundGroup(k);
  view.setInt32(24, foreground ? PROC_FOREGROUND : 0, true);
  putString(out, COMM_AT, COMM_SIZE, q.name);
  putString(out, ARGS_AT, PROCSTAT_SIZE - ARGS_AT, q.argv.join(' '));
  return out;
}

/** ipcvm_procstat(pid, buf): the pid described (the lowest at or above pid), or
 *  ESRCH when there is none; EFAULT. */
export function sys_ipcvm_procstat(k: Kernel, p: Proc, args: Int32Array): number {
  let found: Proc | null = null;
  for (const q of k.procs.values()) if (q.pid >= args[0] && (found === null || q.pid < found.pid)) found = q;
  if (!found) return -E.ESRCH;
  return copyout(k, p, args[1], encode(k, found)) < 0 ? -E.EFAULT : found.pid;
}
