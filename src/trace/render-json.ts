// --trace-format json: one JSON object per line and per event, for programs to
// read. A system call is one object written when it returns (with its entry and
// return times and whether it blocked), so no unfinished/resumed pairs:
//   {"type":"syscall","pid":2,"time":1200,"end":5400,"name":"read",
//    "args":["3","\"hi\"","10"],"result":2,"blocked":true}
// A failed call has "errno"; a call that never returned (exit, a kill) has
// "result":null. Other events carry their own fields and the strace text:
//   {"type":"signal","pid":2,"time":5400,"signal":"SIGUSR1",...,"text":"--- ... ---"}
// Times are virtual nanoseconds since the kernel booted.
import type { CallEnd, CallRecord, Lead, ProcEvent, Renderer } from './events.js';

export class JsonRenderer implements Renderer {
  constructor(private readonly write: (line: string) => void) {}

  enter(): void {}

  finish(call: CallRecord, end: CallEnd): void {
    const record: Record<string, unknown> = {
      type: 'syscall',
      pid: call.pid,
      time: call.start,
      end: end.end,
      name: call.name,
      args: [...call.entryArgs, ...end.exitArgs],
      result: end.result,
    };
    if (end.errno) record.errno = end.errno;
    if (end.blocked) record.blocked = true;
    this.write(JSON.stringify(record) + '\n');
  }

  event(event: ProcEvent, lead: Lead): void {
    this.write(JSON.stringify({ type: event.type, pid: lead.pid, time: lead.time, ...event.fields, text: event.text }) + '\n');
  }

  close(): void {}
}
