// --trace-summary: strace -c's table -- per system call, the share of time, the
// time, microseconds per call, calls and errors -- over every process of the run.
// Time is virtual: from a call's entry to its return, so it is the time a call
// spent blocked (like strace -c -w, wall-clock latency); a call that does not block
// takes no virtual time, as the clock only moves with executed instructions.
// Rows are sorted by time, then by system call number, as strace leaves ties.

interface Row {
  readonly nr: number;
  readonly name: string;
  calls: number;
  errors: number;
  ns: number;
}

export class SyscallSummary {
  private readonly rows = new Map<number, Row>();

  private row(nr: number, name: string): Row {
    let row = this.rows.get(nr);
    if (!row) {
      row = { nr, name, calls: 0, errors: 0, ns: 0 };
      this.rows.set(nr, row);
    }
    return row;
  }

  /** A call started. */
  count(nr: number, name: string): void {
    this.row(nr, name).calls++;
  }

  /** A call ended after ns nanoseconds; failed says it returned an error. */
  finish(nr: number, name: string, ns: number, failed: boolean): void {
    const row = this.row(nr, name);
    row.ns += ns;
    if (failed) row.errors++;
  }

  /** The table, each line ending in a newline. */
  render(): string {
    const rows = [...this.rows.values()].sort((a, b) => b.ns - a.ns || a.nr - b.nr);
    const totalNs = rows.reduce((n, r) => n + r.ns, 0);
    const totalCalls = rows.reduce((n, r) => n + r.calls, 0);
    const totalErrors = rows.reduce((n, r) => n + r.errors, 0);
    const rule = '------ ----------- ----------- --------- --------- ----------------\n';
    const line = (percent: string, ns: number, calls: number, errors: number, name: string) =>
      `${percent.padStart(6)} ${(ns / 1e9).toFixed(6).padStart(11)} ${String(calls ? Math.floor(ns / 1000 / calls) : 0).padStart(11)} ` +
      `${String(calls).padStart(9)} ${(errors ? String(errors) : '').padStart(9)} ${name}\n`;
    let out = '% time     seconds  usecs/call     calls    errors syscall\n' + rule;
    for (const r of rows) out += line(totalNs > 0 ? ((100 * r.ns) / totalNs).toFixed(2) : '0.00', r.ns, r.calls, r.errors, r.name);
    return out + rule + line('100.00', totalNs, totalCalls, totalErrors, 'total');
  }
}
