// What the tracer hands its renderers: a system call when it starts and when it
// ends (two events, because other processes' events may come in between), and
// one-line events of a process (a signal, an exit, a page fault, a slice). The
// text renderer lays them out as strace does; the JSON renderer writes one object
// per event.

/** The start of every line: whose event, when, and whether more than one process
 *  is alive (strace prefixes `[pid N]` only then). */
export interface Lead {
  readonly pid: number;
  /** Virtual nanoseconds since the kernel booted. */
  readonly time: number;
  readonly multi: boolean;
}

export interface CallRecord {
  readonly pid: number;
  readonly nr: number;
  readonly name: string;
  /** Virtual nanoseconds at entry. */
  readonly start: number;
  /** Arguments decoded at entry (those before the first out* kind). */
  readonly entryArgs: readonly string[];
  /** Whether some arguments are printed only when the call returns. */
  readonly hasExitArgs: boolean;
}

export interface CallEnd {
  /** The remaining arguments, decoded at return. */
  readonly exitArgs: readonly string[];
  /** The value returned (or -errno); null when the call never returned. */
  readonly result: number | null;
  /** The text after ` = ` (result.ts). */
  readonly resultText: string;
  /** "EAGAIN", "ERESTARTSYS", or null. */
  readonly errno: string | null;
  readonly end: number;
  /** The call slept at least once before it ended. */
  readonly blocked: boolean;
}

/** A one-line event: its strace-style text and its fields for JSON. */
export interface ProcEvent {
  readonly type: 'signal' | 'stopped' | 'exit' | 'fault' | 'slice';
  /** `--- SIGUSR1 {...} ---`, `+++ exited with 0 +++` */
  readonly text: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
}

export interface Renderer {
  enter(call: CallRecord, lead: Lead): void;
  finish(call: CallRecord, end: CallEnd, lead: Lead): void;
  event(event: ProcEvent, lead: Lead): void;
  /** The run is over: a call still open is left unfinished. */
  close(): void;
}
