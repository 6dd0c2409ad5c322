// The system call surface: dispatch (every table entry bound, unknown numbers and
// calls of later issues answer ENOSYS with a message), the console and descriptor
// calls, identities and process groups, the clocks.
import { describe, expect, it } from 'vitest';
import { SYSCALLS } from '../src/kernel/syscall-table.js';
import { VIRTUAL_EPOCH_SECONDS } from '../src/kernel/param.js';
import { strerrorText, errnoName, E } from '../src/kernel/errno.js';
import { signalName, signalText, SIG } from '../src/kernel/signals.js';
import { ConsoleFile, NullFile, type HostIo } from '../src/kernel/console.js';
import { O_RDWR, O_WRONLY, OpenFile } from '../src/kernel/file.js';
import { readI32 } from '../src/kernel/uaccess.js';
import { sys_ioctl, sys_read, sys_write } from '../src/kernel/sys-file.js';
import { A, addr, boot, data, local, program, runProgram, sys } from './kernel-helpers.js';
import type { Item } from './isa-assemble.js';

/** local = a; write(1, &local, 4) */
const emitA = (off: number): Item[] => [['SLI', off], ...sys('write', 1, addr(off), 4)];

describe('dispatch', () => {
  it('answers an unknown call with ENOSYS and one message', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('execve', 0, 0, 0),
          ...emitA(-4),
          ...sys(999),
          ...emitA(-4),
          ...sys(999),
          ...emitA(-4),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([-14, -38, -38]);
    expect(r.stderr()).toBe('ipcvm: pid 1: unknown system call 999\n');
  });

  it('binds a handler to every number in the table', async () => {
    // Every call with all-zero arguments must return (or block) without a panic.
    // (rt_sigreturn without a signal frame rightly dies of SIGSEGV.)
    for (const s of SYSCALLS) {
      if (['exit', 'exit_group', 'fork', 'wait4', 'pause', 'rt_sigsuspend', 'rt_sigreturn', 'read'].includes(s.name)) continue;
      // msgget(IPC_PRIVATE, 0) creates a queue, as on Linux: remove it (msgctl IPC_RMID = 0).
      const cleanup = s.name === 'msgget' ? [['SLI', -4] as const, ...sys('msgctl', local(-4), 0, 0)] : [];
      const r = await runProgram(program({ _start: [['ENT', 16], ...sys(s.nr, ...s.args.map(() => 0)), ...cleanup, ...sys('exit', 0)] }));
      expect(r.result.status, s.name).toBe(0);
    }
  });
});

describe('console and descriptors', () => {
  it('reads stdin to end of file and echoes it', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 64],
          'again:',
          ...sys('read', 0, addr(-64), 5),
          ['SLI', -4],
          ['JZ', 'eof'],
          ...sys('write', 1, addr(-64), local(-4)),
          ['JMP', 'again'],
          'eof:',
          ...sys('exit', 0),
        ],
      }),
      {},
      'hello, world\n',
    );
    expect(r.stdout()).toBe('hello, world\n');
  });

  it('dup, dup2 and close share and drop descriptions; bad ones give EBADF', async () => {
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('dup', 1),
            ['SLI', -4],
            ...sys('write', local(-4), data(0), 1),
            ...sys('dup2', 1, 9),
            ...sys('write', 9, data(1), 1),
            ...sys('close', 9),
            ...sys('write', 9, data(2), 1),
            ['NEG'],
            ...sys('write', 2, data(3), A),
            ...sys('close', 9),
            ['NEG'],
            ...sys('write', 2, data(3), A),
            ...sys('write', 0, data(0), 1),
            ['NEG'],
            ...sys('write', 2, data(3), A),
            ...sys('dup2', 1, 1024),
            ['NEG'],
            ...sys('write', 2, data(3), A),
            ...sys('dup2', 1, 1),
            ...sys('write', A, data(2), 1),
            ...sys('exit', 0),
          ],
        },
        'xyz' + 'E'.repeat(12),
      ),
    );
    expect(r.stdout()).toBe('xyz');
    expect(r.stderr()).toBe('E'.repeat(9 * 4));
  });

  it('reads end of file from /dev/null and swallows writes to it', () => {
    const { kernel } = boot();
    const p = kernel.spawn(program({ _start: sys('exit', 0) }), ['prog']);
    const fd = p.fds.alloc(new OpenFile(new NullFile(), O_RDWR));
    const buf = p.cpu.sp - 64;
    expect(sys_write(kernel, p, Int32Array.of(fd, buf, 64))).toBe(64);
    expect(sys_read(kernel, p, Int32Array.of(fd, buf, 64))).toBe(0);
    expect(sys_ioctl(kernel, p, Int32Array.of(fd, 0x5401, buf))).toBe(-25);
    expect(sys_read(kernel, p, Int32Array.of(fd, 0, 64))).toBe(-14);
    expect(sys_read(kernel, p, Int32Array.of(77, buf, 64))).toBe(-9);
  });

  it('answers TCGETS on a terminal, and EPIPE plus SIGPIPE when the host closed stdout', () => {
    const { kernel } = boot();
    const p = kernel.spawn(program({ _start: sys('exit', 0) }), ['prog']);
    const host: HostIo = { read: () => new Uint8Array(0), write: () => false, isatty: (stream) => stream === 1 };
    const out = new OpenFile(new ConsoleFile(1, host), O_WRONLY);
    const buf = p.cpu.sp - 64;
    expect(out.file.ioctl(kernel, p, out, 0x5401, buf)).toBe(0);
    expect(readI32(kernel, p, buf + 12)).toBe(0x8a3b); // c_lflag: ICANON, ECHO, ISIG ...
    expect(out.file.ioctl(kernel, p, out, 0x5402, buf)).toBe(-25);
    expect(out.file.write(kernel, p, out, buf, 1)).toBe(-32 /* EPIPE */);
    expect(p.sig.pending.has(SIG.SIGPIPE)).toBe(true);
  });

  it('answers TCGETS with ENOTTY when the console is not a terminal', async () => {
    const r = await runProgram(program({ _start: [['ENT', 64], ...sys('ioctl', 1, 0x5401, addr(-64)), ['NEG'], ...sys('exit', A)] }));
    expect(r.result.status).toBe(25);
  });
});

describe('identities and process groups', () => {
  it('reports pid, uid and gid, and moves a child to its own group', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('getuid'),
          ...emitA(-4),
          ...sys('geteuid'),
          ...emitA(-4),
          ...sys('getgid'),
          ...emitA(-4),
          ...sys('getegid'),
          ...emitA(-4),
          ...sys('getpgrp'),
          ...emitA(-4),
          ...sys('setpgid', 0, 0),
          ...emitA(-4),
          ...sys('fork'),
          ['JNZ', 'parent'],
          ...sys('getpgrp'),
          ...sys('exit', A),
          'parent:',
          ['SLI', -8],
          ...sys('setpgid', local(-8), 0),
          ...emitA(-4),
          ...sys('getpgid', local(-8)),
          ...emitA(-4),
          ...sys('setpgid', 1, 77),
          ...emitA(-4),
          ...sys('setpgid', 555, 0),
          ...emitA(-4),
          ...sys('wait4', -1, addr(-4), 0, 0),
          ...sys('write', 1, addr(-4), 4),
          ...sys('exit', 0),
        ],
      }),
      { uid: 1234, gid: 99 },
    );
    const [uid, euid, gid, egid, pgrp, setSelf, setChild, childGroup, noGroup, noProc, childStatus] = r.stdoutWords();
    expect([uid, euid, gid, egid, pgrp, setSelf]).toEqual([1234, 1234, 99, 99, 1, 0]);
    expect([setChild, childGroup, noGroup, noProc]).toEqual([0, 2, -1 /* EPERM */, -3 /* ESRCH */]);
    // The child may have asked before or after the parent moved it.
    expect([1 << 8, 2 << 8]).toContain(childStatus);
  });
});

describe('clocks', () => {
  it('starts the virtual realtime clock at the fixed epoch', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 32],
          ...sys('time', addr(-4)),
          ...emitA(-8),
          ...sys('write', 1, addr(-4), 4),
          ...sys('gettimeofday', addr(-16), 0),
          ...sys('clock_gettime', 0, addr(-24)),
          ...sys('write', 1, addr(-24), 24),
          ...sys('clock_gettime', 42, addr(-24)),
          ...emitA(-4),
          ...sys('exit', 0),
        ],
      }),
    );
    const [t, stored, rtSec, rtNs, tvSec, tvUsec, , , einval] = r.stdoutWords();
    expect([t, stored, rtSec, tvSec]).toEqual(Array(4).fill(VIRTUAL_EPOCH_SECONDS));
    expect(rtNs).toBeGreaterThan(0);
    expect(rtNs).toBeLessThan(1000);
    expect(tvUsec).toBe(0);
    expect(einval).toBe(-22);
  });
});

describe('tables', () => {
  it('has Linux numbers with glibc texts', () => {
    expect([E.EPERM, E.ENXIO, E.EAGAIN, E.ENOSYS, E.ENOMSG, E.EIDRM]).toEqual([1, 6, 11, 38, 42, 43]);
    expect(strerrorText(11)).toBe('Resource temporarily unavailable');
    expect(strerrorText(999)).toBe('Unknown error 999');
    expect(errnoName(2)).toBe('ENOENT');
    expect([SIG.SIGSEGV, SIG.SIGCHLD, SIG.SIGSTOP]).toEqual([11, 17, 19]);
    expect([signalName(34), signalName(36), signalName(64), signalName(32)]).toEqual(['SIGRTMIN', 'SIGRTMIN+2', 'SIGRTMAX', 'SIG32']);
    expect([signalText(11), signalText(35), signalText(32)]).toEqual(['Segmentation fault', 'Real-time signal 1', 'Unknown signal 32']);
  });
});
