// Processes: fork, exit, wait4 (statuses, WNOHANG, ECHILD, WUNTRACED/WCONTINUED),
// zombies, orphans, the process limit, kill and default signal actions.
// Guest programs write raw int32s to stdout; the tests read them back as words.
import { describe, expect, it } from 'vitest';
import { sys_kill } from '../src/kernel/kill.js';
import { A, addr, boot, data, local, program, runProgram, sys, words } from './kernel-helpers.js';
import type { Item } from './isa-assemble.js';

const WNOHANG = 1;
const WUNTRACED = 2;
const WCONTINUED = 8;
const ONE_SECOND = words(1, 0);

/** write(1, &local, 4) */
const emit = (off: number): Item[] => sys('write', 1, addr(off), 4);
/** local = a; write(1, &local, 4) */
const emitA = (off: number): Item[] => [['SLI', off], ...emit(off)];

describe('fork, exit and wait4', () => {
  it('returns 0 in the child and its pid in the parent, and reports the exit status', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('fork'),
          ['JNZ', 'parent'],
          ...sys('exit', 7),
          'parent:',
          ['SLI', -4],
          ...sys('wait4', -1, addr(-8), 0, 0),
          ['SLI', -12],
          ...emit(-4),
          ...emit(-12),
          ...emit(-8),
          ...sys('wait4', -1, 0, 0, 0),
          ...emitA(-12),
          ...sys('getpid'),
          ...emitA(-16),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([2, 2, 7 << 8, -10 /* ECHILD */, 1]);
    expect(r.result).toMatchObject({ status: 0, end: 'exit' });
  });

  it('keeps only the low 8 bits of the exit code', async () => {
    const r = await runProgram(program({ _start: sys('exit', 0x1234) }));
    expect(r.result.status).toBe(0x34);
  });

  it('WNOHANG returns 0 while the child runs; the zombie stays until reaped', async () => {
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('nanosleep', data(0), 0),
            ...sys('exit', 5),
            'parent:',
            ['SLI', -4],
            ...sys('wait4', -1, addr(-8), WNOHANG, 0),
            ...emitA(-12),
            ...sys('nanosleep', data(0), 0),
            ...sys('nanosleep', data(0), 0),
            ...sys('kill', local(-4), 0),
            ...emitA(-12),
            ...sys('wait4', local(-4), addr(-8), WNOHANG, 0),
            ...emitA(-12),
            ...emit(-8),
            ...sys('kill', local(-4), 0),
            ...emitA(-12),
            ...sys('wait4', local(-4), addr(-8), WNOHANG, 0),
            ...emitA(-12),
            ...sys('exit', 0),
          ],
        },
        ONE_SECOND,
      ),
    );
    expect(r.stdoutWords()).toEqual([0, 0, 2, 5 << 8, -3 /* ESRCH */, -10 /* ECHILD */]);
  });

  it('rejects unknown wait4 options with EINVAL', async () => {
    const r = await runProgram(program({ _start: [...sys('wait4', -1, 0, 0x100, 0), ['NEG'], ...sys('exit', A)] }));
    expect(r.result.status).toBe(22);
  });

  it('re-parents an orphan to pid 1, which can reap it', async () => {
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('fork'),
            ['JNZ', 'middle'],
            ...sys('nanosleep', data(0), 0),
            ...sys('getppid'),
            ...sys('exit', A),
            'middle:',
            ...sys('exit', 0),
            'parent:',
            ...sys('wait4', -1, addr(-4), 0, 0),
            ...emitA(-8),
            ...emit(-4),
            ...sys('wait4', -1, addr(-4), 0, 0),
            ...emitA(-8),
            ...emit(-4),
            ...sys('exit', 0),
          ],
        },
        ONE_SECOND,
      ),
    );
    expect(r.stdoutWords()).toEqual([2, 0, 3, 1 << 8]);
  });

  it('goes on after pid 1 exits, with its orphans handed to the kernel', async () => {
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('nanosleep', data(0), 0),
            ...sys('getppid'),
            ...emitA(-4),
            ...sys('exit', 0),
            'parent:',
            ...sys('exit', 5),
          ],
        },
        ONE_SECOND,
      ),
    );
    expect(r.stdoutWords()).toEqual([0]);
    expect(r.result.status).toBe(5);
  });

  it('fails fork with EAGAIN once maxProcs processes exist (zombies count)', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ['IMM', 0],
          ['SLI', -4],
          'loop:',
          ...sys('fork'),
          ['JZ', 'child'],
          ['SLI', -8],
          ['PSH'],
          ['IMM', 0],
          ['LT'],
          ['JNZ', 'done'],
          ['INCL', -4, 1],
          ['JMP', 'loop'],
          'child:',
          ...sys('exit', 0),
          'done:',
          ...emit(-4),
          ...emit(-8),
          ...sys('exit', 0),
        ],
      }),
      { maxProcs: 8 },
    );
    expect(r.stdoutWords()).toEqual([7, -11 /* EAGAIN */]);
  });
});

describe('signals with default actions', () => {
  /** The child sends itself sig; the parent writes the wait status. */
  const selfKill = (sig: number) =>
    program({
      _start: [
        ['ENT', 16],
        ...sys('fork'),
        ['JNZ', 'parent'],
        ...sys('getpid'),
        ...sys('kill', A, sig),
        ...sys('exit', 0),
        'parent:',
        ...sys('wait4', -1, addr(-4), 0, 0),
        ...emit(-4),
        ...sys('exit', 0),
      ],
    });

  it('terminates on SIGTERM (status 15) and dumps core on SIGQUIT (0x80 | 3)', async () => {
    expect((await runProgram(selfKill(15))).stdoutWords()).toEqual([15]);
    expect((await runProgram(selfKill(3))).stdoutWords()).toEqual([0x83]);
  });

  it('ignores SIGCHLD and SIGURG by default', async () => {
    expect((await runProgram(selfKill(17))).stdoutWords()).toEqual([0]);
    expect((await runProgram(selfKill(23))).stdoutWords()).toEqual([0]);
  });

  it('reports a stop with WUNTRACED and a continue with WCONTINUED', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('fork'),
          ['JNZ', 'parent'],
          ...sys('getpid'),
          ...sys('kill', A, 19),
          ...sys('exit', 4),
          'parent:',
          ['SLI', -4],
          ...sys('wait4', -1, addr(-8), WUNTRACED, 0),
          ...emit(-8),
          ...sys('wait4', -1, addr(-8), WUNTRACED | WNOHANG, 0),
          ...emitA(-12),
          ...sys('kill', local(-4), 18),
          ...sys('wait4', -1, addr(-8), WCONTINUED, 0),
          ...emit(-8),
          ...sys('wait4', -1, addr(-8), 0, 0),
          ...emit(-8),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([(19 << 8) | 0x7f, 0, 0xffff, 4 << 8]);
  });

  it('signals a process group with kill(-pgid) and kill(0)', async () => {
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('setpgid', 0, 0),
            ...sys('fork'),
            'spin:',
            ...sys('nanosleep', data(8), 0),
            ['JMP', 'spin'],
            'parent:',
            ['SLI', -4],
            ...sys('nanosleep', data(0), 0),
            ...sys('getpgid', local(-4)),
            ...emitA(-12),
            ...sys('kill', -9999, 9),
            ...emitA(-12),
            ['LLI', -4],
            ['NEG'],
            ...sys('kill', A, 9),
            ...emitA(-12),
            ...sys('wait4', -1, addr(-8), 0, 0),
            ...emit(-8),
            ...sys('wait4', -1, addr(-8), 0, 0),
            ...emit(-8),
            ...sys('wait4', -1, addr(-8), 0, 0),
            ...emitA(-12),
            ...sys('exit', 0),
          ],
        },
        words(1, 0, 100, 0),
      ),
    );
    // The grandchild was re-parented to pid 1 when the child died, so pid 1 reaps both.
    expect(r.stdoutWords()).toEqual([2, -3, 0, 9, 9, -10]);
  });

  it('needs a matching uid to signal another process', () => {
    const { kernel } = boot();
    const module = program({ _start: sys('exit', 0) });
    const sender = kernel.spawn(module, ['a']);
    const target = kernel.spawn(module, ['b']);
    target.cred.uid = target.cred.euid = 2000;
    expect(sys_kill(kernel, sender, Int32Array.of(target.pid, 0))).toBe(-1 /* EPERM */);
    expect(sys_kill(kernel, sender, Int32Array.of(target.pid, 65))).toBe(-22 /* EINVAL */);
    expect(sys_kill(kernel, sender, Int32Array.of(12345, 0))).toBe(-3 /* ESRCH */);
    expect(sys_kill(kernel, sender, Int32Array.of(-1, 0))).toBe(0);
    sender.cred.euid = 0;
    expect(sys_kill(kernel, sender, Int32Array.of(target.pid, 0))).toBe(0);
  });
});

describe('deadlock', () => {
  it('stops with status 2 and lists every blocked process', async () => {
    const r = await runProgram(
      program({
        _start: [
          ...sys('fork'),
          ['JNZ', 'parent'],
          ...sys('getpid'),
          ...sys('kill', A, 19),
          ...sys('exit', 0),
          'parent:',
          ...sys('wait4', -1, 0, 0, 0),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.result).toMatchObject({ status: 2, end: 'deadlock' });
    expect(r.stderr()).toBe(
      'ipcvm: deadlock: no process can run, and no timer can wake one\n' +
        'ipcvm:   pid 1 (prog) blocked in wait4 for any child: children: pid 2 (stopped by SIGSTOP)\n' +
        'ipcvm:   pid 2 (prog) is stopped by SIGSTOP: no process is left to send SIGCONT\n',
    );
  });
});
