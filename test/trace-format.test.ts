// The strace conventions the trace printer follows, checked piece by piece against
// what strace 6 prints for the same values on Linux.
import { describe, expect, it } from 'vitest';
import { SIG } from '../src/kernel/signals.js';
import { CLD_EXITED, CLD_KILLED, SEGV_MAPERR, SI_KERNEL, SI_QUEUE, SI_USER } from '../src/kernel/sigstate.js';
import { ipcGetFlags, mapFlags, modeText, openFlags } from '../src/trace/flags.js';
import { TextRenderer } from '../src/trace/render-text.js';
import { formatResult } from '../src/trace/result.js';
import { quoteBuffer, quoteBytes } from '../src/trace/quote.js';
import { formatExit, formatSigInfo, formatSigSet, formatWaitStatus } from '../src/trace/siginfo.js';
import { SyscallSummary } from '../src/trace/summary.js';
import { traceOptions } from '../src/trace/session.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('strings', () => {
  it('escapes as strace does: named escapes, shortest octal unless a digit follows', () => {
    expect(quoteBytes(bytes('\x018\x017\t\r\v\f\x07\x08\x1b"\\\'?\0'))).toBe('"\\18\\0017\\t\\r\\v\\f\\7\\10\\33\\"\\\\\'?\\0"');
    expect(quoteBytes(bytes('xyz\0\x01\x7f\xff'))).toBe('"xyz\\0\\1\\177\\377"');
    expect(quoteBytes(bytes('hello\n'))).toBe('"hello\\n"');
  });

  it('cuts buffers after 32 bytes with ... after the quote', () => {
    const long = 'a very long string that is longer than thirty two bytes\n';
    expect(quoteBuffer(bytes(long), long.length)).toBe('"a very long string that is longe"...');
    expect(quoteBuffer(bytes('x'.repeat(32)), 32)).toBe(`"${'x'.repeat(32)}"`);
  });
});

describe('flags', () => {
  it('open flags always show the access mode', () => {
    expect(openFlags(0)).toBe('O_RDONLY');
    expect(openFlags(0o4001)).toBe('O_WRONLY|O_NONBLOCK');
    expect(openFlags(0o1101)).toBe('O_WRONLY|O_CREAT|O_TRUNC');
    expect(openFlags(0o2 | 0x80000000)).toBe('O_RDWR|0x80000000');
  });

  it('IPC get flags end with the permission bits', () => {
    expect(ipcGetFlags(0o1644)).toBe('IPC_CREAT|0644');
    expect(ipcGetFlags(0o3600)).toBe('IPC_CREAT|IPC_EXCL|0600');
    expect(ipcGetFlags(0)).toBe('000');
    expect(ipcGetFlags(0o1000)).toBe('IPC_CREAT');
  });

  it('modes and mmap flags', () => {
    expect(modeText(0o644)).toBe('0644');
    expect(modeText(0o10666)).toBe('S_IFIFO|0666');
    expect(mapFlags(0x21)).toBe('MAP_SHARED|MAP_ANONYMOUS');
  });
});

describe('signals and statuses', () => {
  it('siginfo fields follow si_code', () => {
    expect(formatSigInfo({ signo: SIG.SIGUSR1, code: SI_USER, pid: 2, uid: 1000, addr: 0 })).toBe(
      '{si_signo=SIGUSR1, si_code=SI_USER, si_pid=2, si_uid=1000}',
    );
    expect(formatSigInfo({ signo: SIG.SIGALRM, code: SI_KERNEL, pid: 0, uid: 0, addr: 0 })).toBe('{si_signo=SIGALRM, si_code=SI_KERNEL}');
    expect(formatSigInfo({ signo: SIG.SIGSEGV, code: SEGV_MAPERR, pid: 0, uid: 0, addr: 0 })).toBe(
      '{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}',
    );
    expect(formatSigInfo({ signo: SIG.SIGUSR1, code: SI_QUEUE, pid: 5, uid: 0, addr: 0, value: 42 })).toBe(
      '{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5, si_uid=0, si_int=42, si_ptr=0x2a}',
    );
    expect(formatSigInfo({ signo: SIG.SIGCHLD, code: CLD_EXITED, pid: 7, uid: 0, addr: 3 })).toBe(
      '{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=7, si_uid=0, si_status=3, si_utime=0, si_stime=0}',
    );
    expect(formatSigInfo({ signo: SIG.SIGCHLD, code: CLD_KILLED, pid: 7, uid: 0, addr: SIG.SIGTERM })).toContain('si_status=SIGTERM');
  });

  it('signal sets drop SIG and go negative past half full', () => {
    expect(formatSigSet(0, 0)).toBe('[]');
    expect(formatSigSet((1 << 9) | (1 << 13), 0)).toBe('[USR1 ALRM]');
    expect(formatSigSet(-1, -1)).toBe('~[]');
    expect(formatSigSet(~((1 << 8) | (1 << 18)), -1)).toBe('~[KILL STOP]');
  });

  it('wait statuses and exits', () => {
    expect(formatWaitStatus(3 << 8)).toBe('[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]');
    expect(formatWaitStatus(SIG.SIGSEGV | 0x80)).toBe('[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]');
    expect(formatWaitStatus((SIG.SIGSTOP << 8) | 0x7f)).toBe('[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]');
    expect(formatWaitStatus(0xffff)).toBe('[{WIFCONTINUED(s)}]');
    expect(formatExit(0)).toBe('+++ exited with 0 +++');
    expect(formatExit(SIG.SIGSEGV | 0x80)).toBe('+++ killed by SIGSEGV (core dumped) +++');
    expect(formatExit(SIG.SIGTERM)).toBe('+++ killed by SIGTERM +++');
  });
});

describe('results', () => {
  it('values, errors, restarts, addresses', () => {
    expect(formatResult(6, undefined)).toBe('6');
    expect(formatResult(-11, undefined)).toBe('-1 EAGAIN (Resource temporarily unavailable)');
    expect(formatResult(-512, undefined)).toBe('? ERESTARTSYS (To be restarted if SA_RESTART is set)');
    expect(formatResult(-516, undefined)).toBe('? ERESTART_RESTARTBLOCK (Interrupted by signal)');
    expect(formatResult(null, undefined)).toBe('?');
    expect(formatResult(0x8050000, 'hex')).toBe('0x8050000');
    expect(formatResult(0xbf000000 | 0, 'hex')).toBe('0xbf000000');
  });
});

describe('line layout', () => {
  function render(steps: (r: TextRenderer) => void): string {
    let out = '';
    const r = new TextRenderer((s) => (out += s), false);
    steps(r);
    r.close();
    return out;
  }
  const call = (pid: number, name: string, entryArgs: string[], hasExitArgs: boolean) => ({ pid, nr: 0, name, start: 0, entryArgs, hasExitArgs });
  const end = (exitArgs: string[], resultText: string) => ({ exitArgs, result: 0, resultText, errno: null, end: 0, blocked: false });
  const one = { pid: 1, time: 0, multi: false };
  const two = (pid: number) => ({ pid, time: 0, multi: true });

  it('puts = at column 40, or one space after a long call', () => {
    const c = call(1, 'pipe', [], true);
    expect(render((r) => (r.enter(c, one), r.finish(c, end(['[3, 4]'], '0'), one)))).toBe('pipe([3, 4])                            = 0\n');
    const w = call(2, 'write', ['4', '"a line that is longer than thirt"...', '44'], false);
    expect(render((r) => (r.enter(w, two(2)), r.finish(w, end([], '44'), two(2))))).toBe(
      '[pid     2] write(4, "a line that is longer than thirt"..., 44) = 44\n',
    );
  });

  it('cuts a call another process interrupts and resumes it later', () => {
    const wait = call(1, 'wait4', ['-1'], true);
    const close = call(2, 'close', ['4'], false);
    expect(
      render((r) => {
        r.enter(wait, two(1));
        r.enter(close, two(2));
        r.finish(close, end([], '0'), two(2));
        r.finish(wait, end(['[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]', '0', 'NULL'], '2'), one);
      }),
    ).toBe(
      '[pid     1] wait4(-1,  <unfinished ...>\n' +
        '[pid     2] close(4)                    = 0\n' +
        '<... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 2\n',
    );
  });
});

describe('the strace -c table', () => {
  it('lays out rows sorted by time, then by number, and a total', () => {
    const s = new SyscallSummary();
    s.count(4, 'write');
    s.finish(4, 'write', 0, false);
    s.count(3, 'read');
    s.finish(3, 'read', 3000, false);
    s.count(3, 'read');
    s.finish(3, 'read', 1000, true);
    expect(s.render()).toBe(
      '% time     seconds  usecs/call     calls    errors syscall\n' +
        '------ ----------- ----------- --------- --------- ----------------\n' +
        '100.00    0.000004           2         2         1 read\n' +
        '  0.00    0.000000           0         1           write\n' +
        '------ ----------- ----------- --------- --------- ----------------\n' +
        '100.00    0.000004           1         3         1 total\n',
    );
  });
});

describe('--trace option values', () => {
  it('classes, system call names and errors', () => {
    const opts = traceOptions({ trace: 'read,write' });
    expect(typeof opts === 'object' && opts && [...opts.classes].sort()).toEqual(['signals', 'syscalls']);
    expect(typeof opts === 'object' && opts && [...(opts.only ?? [])]).toEqual(['read', 'write']);
    const all = traceOptions({ trace: 'all', traceTime: true });
    expect(typeof all === 'object' && all && [...all.classes]).toEqual(['syscalls', 'signals', 'faults', 'sched']);
    expect(traceOptions({})).toBeNull();
    expect(traceOptions({ traceSummary: true })).toMatchObject({ lines: false, summary: true });
    expect(traceOptions({ traceFile: '/tmp/x' })).toMatchObject({ lines: true });
    expect(traceOptions({ trace: 'reed' })).toMatch(/--trace: 'reed' is neither/);
    expect(traceOptions({ trace: true, traceFormat: 'xml' })).toMatch(/--trace-format/);
  });
});
