// A system call's result as strace prints it after ` = `: a number (an address in
// hex for calls that return one), `-1 EAGAIN (Resource temporarily unavailable)`
// for an error, `? ERESTARTSYS (To be restarted if SA_RESTART is set)` for a call
// a signal interrupted that the kernel may restart, `?` when there is none (exit).
import { errnoName, strerrorText } from '../kernel/errno.js';
import { ERESTART_RESTARTBLOCK, ERESTARTNOHAND, ERESTARTNOINTR, ERESTARTSYS } from '../kernel/sigrestart.js';
import { hex } from './flags.js';

/** Largest errno a result can carry (-4095..-1 are errors). */
const MAX_ERRNO = 4095;

const RESTART_CODES = new Map<number, [string, string]>([
  [ERESTARTSYS, ['ERESTARTSYS', 'To be restarted if SA_RESTART is set']],
  [ERESTARTNOINTR, ['ERESTARTNOINTR', 'To be restarted']],
  [ERESTARTNOHAND, ['ERESTARTNOHAND', 'To be restarted if no handler']],
  [ERESTART_RESTARTBLOCK, ['ERESTART_RESTARTBLOCK', 'Interrupted by signal']],
]);

export function isErrorResult(result: number): boolean {
  return result < 0 && result >= -MAX_ERRNO;
}

/** The errno name a failed result carries ("EAGAIN", "ERESTARTSYS"), or null. */
export function resultErrno(result: number | null): string | null {
  if (result === null || !isErrorResult(result)) return null;
  return RESTART_CODES.get(-result)?.[0] ?? errnoName(-result);
}

/** The text after ` = `; `result` null when the call has none. */
export function formatResult(result: number | null, ret: 'hex' | undefined): string {
  if (result === null) return '?';
  if (isErrorResult(result)) {
    const restart = RESTART_CODES.get(-result);
    if (restart) return `? ${restart[0]} (${restart[1]})`;
    return `-1 ${errnoName(-result)} (${strerrorText(-result)})`;
  }
  return ret === 'hex' ? hex(result) : String(result);
}
