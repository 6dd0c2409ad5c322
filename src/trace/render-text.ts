// The strace -f layout. A call's line is started when the call enters and ended
// when it returns; if any other line must be written in between (another process
// ran while this one was blocked), the open line is ended with ` <unfinished ...>`
// and the return comes later as `<... read resumed>"data", 10) = 4`. ` = ` is
// placed at column 40 (strace's default -a 40) counting from the start of the
// line, prefix included. `[pid %5d] ` starts every line while more than one
// process is alive; `--trace-time` adds the virtual time after it (strace -ttt,
// in virtual seconds since boot).
import type { CallEnd, CallRecord, Lead, ProcEvent, Renderer } from './events.js';

/** Column of the `=` before a result. */
const RESULT_COLUMN = 40;

/** Virtual seconds since boot to the nanosecond (an instruction takes one):
 *  `0.000012345`. */
export function formatTime(ns: number): string {
  return `${Math.floor(ns / 1e9)}.${String(ns % 1e9).padStart(9, '0')}`;
}

export class TextRenderer implements Renderer {
  /** The line of a call that has entered and not yet returned or been cut. */
  private open: { call: CallRecord; line: string } | null = null;

  constructor(
    private readonly write: (line: string) => void,
    private readonly showTime: boolean,
  ) {}

  private lead(lead: Lead): string {
    const pid = lead.multi ? `[pid ${String(lead.pid).padStart(5)}] ` : '';
    return this.showTime ? `${pid}${formatTime(lead.time)} ` : pid;
  }

  private cutOpenLine(): void {
    if (!this.open) return;
    this.write(`${this.open.line} <unfinished ...>\n`);
    this.open = null;
  }

  enter(call: CallRecord, lead: Lead): void {
    this.cutOpenLine();
    const args = call.entryArgs.join(', ');
    const more = call.hasExitArgs && call.entryArgs.length > 0 ? ', ' : '';
    this.open = { call, line: `${this.lead(lead)}${call.name}(${args}${more}` };
  }

  finish(call: CallRecord, end: CallEnd, lead: Lead): void {
    let line: string;
    if (this.open?.call === call) {
      line = this.open.line;
      this.open = null;
    } else {
      this.cutOpenLine();
      line = `${this.lead(lead)}<... ${call.name} resumed>`;
    }
    line += `${end.exitArgs.join(', ')}) `;
    this.write(`${line.padEnd(RESULT_COLUMN)}= ${end.resultText}\n`);
  }

  event(event: ProcEvent, lead: Lead): void {
    this.cutOpenLine();
    this.write(`${this.lead(lead)}${event.text}\n`);
  }

  close(): void {
    this.cutOpenLine();
  }
}
