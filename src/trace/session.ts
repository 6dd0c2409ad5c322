// From the command line's trace options to a running tracer and where its lines
// go: `--trace[=EVENTS]`, `--trace-file F`, `--trace-time`, `--trace-format
// text|json`, `--trace-summary`. EVENTS is a comma-separated list of event classes
// (syscalls, signals, faults, sched, all) and system call names (strace's
// -e trace=read,write); names alone keep signals on, as strace does. Any trace
// option implies --trace, except --trace-summary alone, which prints only the
// table (strace -c; with --trace too it is strace -C). Lines go to stderr, as
// strace's do, or to the file (written in blocks, closed at the end).
import { closeSync, openSync, writeSync } from 'node:fs';
import { HOST_IO } from '../kernel/console.js';
import { SYSCALLS } from '../kernel/syscall-table.js';
import { Tracer, type TraceClass, type TraceOptions } from './tracer.js';

export interface TraceFlags {
  trace?: string | boolean;
  traceFile?: string;
  traceTime?: boolean;
  traceFormat?: string;
  traceSummary?: boolean;
}

const CLASSES: readonly TraceClass[] = ['syscalls', 'signals', 'faults', 'sched'];
const DEFAULT_CLASSES: readonly TraceClass[] = ['syscalls', 'signals'];
const NAMES = new Set<string>(SYSCALLS.map((s) => s.name));

/** The tracer options the flags ask for, null when they ask for no tracing, or
 *  the message for a bad value. */
export function traceOptions(flags: TraceFlags): TraceOptions | null | string {
  const implied = flags.traceFile !== undefined || flags.traceTime === true || flags.traceFormat !== undefined;
  const lines = (flags.trace !== undefined && flags.trace !== false) || implied;
  const summary = flags.traceSummary === true;
  if (!lines && !summary) return null;
  const format = flags.traceFormat ?? 'text';
  if (format !== 'text' && format !== 'json') return `--trace-format: '${format}' is not one of text, json`;
  const classes = new Set<TraceClass>();
  const only = new Set<string>();
  const spec = typeof flags.trace === 'string' ? flags.trace : '';
  for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item === 'all') CLASSES.forEach((c) => classes.add(c));
    else if ((CLASSES as readonly string[]).includes(item)) classes.add(item as TraceClass);
    else if (NAMES.has(item)) only.add(item);
    else return `--trace: '${item}' is neither an event class (${CLASSES.join(', ')}, all) nor a system call`;
  }
  if (classes.size === 0) DEFAULT_CLASSES.forEach((c) => classes.add(c));
  if (only.size > 0) classes.add('syscalls');
  return { classes, only: only.size > 0 ? only : null, format, time: flags.traceTime === true, lines, summary };
}

/** Where trace text goes. */
export interface TraceSink {
  write(text: string): void;
  close(): void;
}

/** Bytes collected before a write to a trace file. */
const FILE_BLOCK = 64 * 1024;

/** The host's stderr (written at once, so lines interleave with the guest's own
 *  stderr in order), or a file; a string when the file cannot be created. */
export function openTraceSink(file: string | undefined): TraceSink | string {
  if (file === undefined) {
    const encoder = new TextEncoder();
    return { write: (text) => void HOST_IO.write(2, encoder.encode(text)), close: () => {} };
  }
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return `--trace-file: cannot create ${file} (${code})`;
  }
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length > 0) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= FILE_BLOCK) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** A tracer with its sink, for one run. */
export interface TraceSession {
  readonly tracer: Tracer;
  /** Ends the trace (open lines, the summary) and closes the sink. */
  close(): void;
}

/** The session the flags ask for, null for none, or the message for a bad flag. */
export function openTraceSession(flags: TraceFlags): TraceSession | null | string {
  const options = traceOptions(flags);
  if (options === null || typeof options === 'string') return options;
  const sink = openTraceSink(flags.traceFile);
  if (typeof sink === 'string') return sink;
  const tracer = new Tracer(options, (text) => sink.write(text));
  return {
    tracer,
    close() {
      tracer.finish();
      sink.close();
    },
  };
}
