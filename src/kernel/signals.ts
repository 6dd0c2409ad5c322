// The signal table: Linux's numbers (x86), names, default actions and the texts
// glibc's strsignal prints. Sending is in kill.ts, delivery in sigdeliver.ts; this
// file is data only.
// Real-time signals run from 32 to 64 in the kernel; glibc keeps 32 and 33 for
// itself, so a guest's SIGRTMIN is 34, as on Linux.

export type DefaultAction = 'term' | 'core' | 'ignore' | 'stop' | 'cont';

export interface SignalInfo {
  readonly nr: number;
  readonly name: string;
  readonly action: DefaultAction;
  readonly text: string;
}

export const SIGNALS = [
  { nr: 1, name: 'SIGHUP', action: 'term', text: 'Hangup' },
  { nr: 2, name: 'SIGINT', action: 'term', text: 'Interrupt' },
  { nr: 3, name: 'SIGQUIT', action: 'core', text: 'Quit' },
  { nr: 4, name: 'SIGILL', action: 'core', text: 'Illegal instruction' },
  { nr: 5, name: 'SIGTRAP', action: 'core', text: 'Trace/breakpoint trap' },
  { nr: 6, name: 'SIGABRT', action: 'core', text: 'Aborted' },
  { nr: 7, name: 'SIGBUS', action: 'core', text: 'Bus error' },
  { nr: 8, name: 'SIGFPE', action: 'core', text: 'Floating point exception' },
  { nr: 9, name: 'SIGKILL', action: 'term', text: 'Killed' },
  { nr: 10, name: 'SIGUSR1', action: 'term', text: 'User defined signal 1' },
  { nr: 11, name: 'SIGSEGV', action: 'core', text: 'Segmentation fault' },
  { nr: 12, name: 'SIGUSR2', action: 'term', text: 'User defined signal 2' },
  { nr: 13, name: 'SIGPIPE', action: 'term', text: 'Broken pipe' },
  { nr: 14, name: 'SIGALRM', action: 'term', text: 'Alarm clock' },
  { nr: 15, name: 'SIGTERM', action: 'term', text: 'Terminated' },
  { nr: 16, name: 'SIGSTKFLT', action: 'term', text: 'Stack fault' },
  { nr: 17, name: 'SIGCHLD', action: 'ignore', text: 'Child exited' },
  { nr: 18, name: 'SIGCONT', action: 'cont', text: 'Continued' },
  { nr: 19, name: 'SIGSTOP', action: 'stop', text: 'Stopped (signal)' },
  { nr: 20, name: 'SIGTSTP', action: 'stop', text: 'Stopped' },
  { nr: 21, name: 'SIGTTIN', action: 'stop', text: 'Stopped (tty input)' },
  { nr: 22, name: 'SIGTTOU', action: 'stop', text: 'Stopped (tty output)' },
  { nr: 23, name: 'SIGURG', action: 'ignore', text: 'Urgent I/O condition' },
  { nr: 24, name: 'SIGXCPU', action: 'core', text: 'CPU time limit exceeded' },
  { nr: 25, name: 'SIGXFSZ', action: 'core', text: 'File size limit exceeded' },
  { nr: 26, name: 'SIGVTALRM', action: 'term', text: 'Virtual timer expired' },
  { nr: 27, name: 'SIGPROF', action: 'term', text: 'Profiling timer expired' },
  { nr: 28, name: 'SIGWINCH', action: 'ignore', text: 'Window changed' },
  { nr: 29, name: 'SIGIO', action: 'term', text: 'I/O possible' },
  { nr: 30, name: 'SIGPWR', action: 'term', text: 'Power failure' },
  { nr: 31, name: 'SIGSYS', action: 'core', text: 'Bad system call' },
] as const satisfies readonly SignalInfo[];

export type SignalName = (typeof SIGNALS)[number]['name'];

/** Signal numbers by name: `SIG.SIGSEGV` is 11. */
export const SIG: Readonly<Record<SignalName, number>> = Object.fromEntries(SIGNALS.map((s) => [s.name, s.nr])) as Record<
  SignalName,
  number
>;

/** Highest signal number (the kernel's _NSIG). */
export const NSIG = 64;
/** First real-time signal the kernel knows; glibc's SIGRTMIN is GUEST_SIGRTMIN. */
export const KERNEL_SIGRTMIN = 32;
export const GUEST_SIGRTMIN = 34;
export const SIGRTMAX = 64;

const STANDARD: readonly (SignalInfo | undefined)[] = (() => {
  const table: (SignalInfo | undefined)[] = new Array(KERNEL_SIGRTMIN).fill(undefined);
  for (const s of SIGNALS) table[s.nr] = s;
  return table;
})();

/** True for 1..64. Signal 0 (an existence check in kill) is not a signal. */
export function isValidSignal(sig: number): boolean {
  return Number.isInteger(sig) && sig >= 1 && sig <= NSIG;
}

/** Real-time signals (32..64) terminate by default. */
export function defaultAction(sig: number): DefaultAction {
  return STANDARD[sig]?.action ?? 'term';
}

/** "SIGSEGV", "SIGRTMIN+2", "SIGRTMAX"; "SIG32"/"SIG33" for glibc's reserved ones. */
export function signalName(sig: number): string {
  const info = STANDARD[sig];
  if (info) return info.name;
  if (sig === SIGRTMAX) return 'SIGRTMAX';
  if (sig === GUEST_SIGRTMIN) return 'SIGRTMIN';
  if (sig > GUEST_SIGRTMIN && sig < SIGRTMAX) return `SIGRTMIN+${sig - GUEST_SIGRTMIN}`;
  return `SIG${sig}`;
}

/** glibc's strsignal text: "Segmentation fault", "Real-time signal 2" (counted
 *  from glibc's SIGRTMIN), "Unknown signal 32". */
export function signalText(sig: number): string {
  const info = STANDARD[sig];
  if (info) return info.text;
  if (sig >= GUEST_SIGRTMIN && sig <= SIGRTMAX) return `Real-time signal ${sig - GUEST_SIGRTMIN}`;
  return `Unknown signal ${sig}`;
}
