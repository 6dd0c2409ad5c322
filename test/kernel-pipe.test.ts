// Pipes through hand-assembled guest programs: descriptors and EOF, O_NONBLOCK and
// EAGAIN, capacity and F_SETPIPE_SZ, atomic PIPE_BUF writes from several writers
// under the random scheduler, blocking large writes, SIGPIPE/EPIPE, pipe2 flags,
// EMFILE/EFAULT, and the deadlock report naming the pipe and its holders.
// Programs write raw int32 results to stdout; the tests read them back as words.
import { describe, expect, it } from 'vitest';
import { E } from '../src/kernel/errno.js';
import { O_CLOEXEC, O_NONBLOCK, O_WRONLY } from '../src/kernel/file.js';
import { F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETPIPE_SZ } from '../src/kernel/fcntl.js';
import { S_IFIFO } from '../src/kernel/inode.js';
import type { Item } from './isa-assemble.js';
import { DataImage, emit, emitA, isA } from './kernel-fs-helpers.js';
import { A, addr, data, local, program, runProgram, sys } from './kernel-helpers.js';

const SIGPIPE = 13;

describe('pipe descriptors', () => {
  it('gives the two lowest descriptors, moves bytes in order and reports EOF once all write ends close', async () => {
    const d = new DataImage();
    const msg = d.str('hello');
    const buf = d.zeros(64);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 32],
            ...sys('pipe', addr(-8)),
            ...emitA(-12),
            ...emit(-8),
            ...emit(-4),
            ...sys('dup', local(-4)), // a second write end
            ['SLI', -16],
            ...emit(-16),
            ...sys('write', local(-4), data(msg), 5),
            ...emitA(-12),
            ...sys('read', local(-8), data(buf), 3),
            ...emitA(-12),
            ...sys('read', local(-8), data(buf + 3), 64),
            ...emitA(-12),
            ...sys('write', 2, data(buf), 5),
            ...sys('close', local(-4)),
            ...sys('write', local(-16), data(msg), 1), // through the dup
            ...sys('close', local(-16)),
            ...sys('read', local(-8), data(buf), 64),
            ...emitA(-12),
            ...sys('read', local(-8), data(buf), 64),
            ...emitA(-12),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([0, 3, 4, 5, 5, 3, 2, 1, 0]);
    expect(r.stderr()).toBe('hello');
  });

  it('answers fstat, lseek, F_GETFL and FIONREAD as Linux does for a pipe', async () => {
    const d = new DataImage();
    const st = d.zeros(52);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 32],
            ...sys('pipe', addr(-8)),
            ...sys('write', local(-4), data(st), 7),
            ...sys('fstat', local(-8), data(st)),
            ...emitA(-12),
            ['IMM', 0x08000000 + st + 8], // st_mode
            ['LI'],
            ...emitA(-12),
            ...sys('lseek', local(-8), 0, 0),
            ...emitA(-12),
            ...sys('lseek', local(-8), 0, 9),
            ...emitA(-12),
            ...sys('fcntl', local(-8), F_GETFL, 0),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_GETFL, 0),
            ...emitA(-12),
            ...sys('ioctl', local(-8), 0x541b, addr(-16)),
            ...emitA(-12),
            ...emit(-16),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([0, S_IFIFO | 0o600, -E.ESPIPE, -E.EINVAL, 0, O_WRONLY, 0, 7]);
  });

  it('shares O_NONBLOCK between dup copies; EAGAIN on an empty pipe with a writer, EOF without', async () => {
    const d = new DataImage();
    const buf = d.zeros(16);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 32],
            ...sys('pipe', addr(-8)),
            ...sys('dup', local(-8)),
            ['SLI', -16],
            ...sys('fcntl', local(-16), F_SETFL, O_NONBLOCK | O_WRONLY),
            ...emitA(-12),
            ...sys('fcntl', local(-8), F_GETFL, 0),
            ...emitA(-12), // O_NONBLOCK, access mode unchanged
            ...sys('read', local(-8), data(buf), 16),
            ...emitA(-12),
            ...sys('close', local(-4)),
            ...sys('read', local(-8), data(buf), 16),
            ...emitA(-12),
            ...sys('close', local(-8)),
            ...sys('read', local(-8), data(buf), 16),
            ...emitA(-12),
            ...sys('fcntl', local(-8), F_GETFL, 0),
            ...emitA(-12),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([0, O_NONBLOCK, -E.EAGAIN, 0, -E.EBADF, -E.EBADF]);
  });

  it('duplicates with F_DUPFD at or above a number, with FD_CLOEXEC per descriptor', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 32],
          ...sys('pipe2', addr(-8), O_CLOEXEC),
          ...sys('fcntl', local(-8), F_GETFD, 0),
          ...emitA(-12),
          ...sys('fcntl', local(-8), F_DUPFD, 10),
          ...emitA(-12),
          ...sys('fcntl', local(-12), F_GETFD, 0),
          ...emitA(-12),
          ...sys('fcntl', local(-8), F_DUPFD_CLOEXEC, 10),
          ...emitA(-12),
          ...sys('fcntl', local(-12), F_GETFD, 0),
          ...emitA(-12),
          ...sys('fcntl', local(-8), F_SETFD, 0),
          ...sys('fcntl', local(-8), F_GETFD, 0),
          ...emitA(-12),
          ...sys('dup2', local(-4), 20),
          ...sys('fcntl', 20, F_GETFD, 0),
          ...emitA(-12),
          ...sys('fcntl', local(-8), F_DUPFD, 1024),
          ...emitA(-12),
          ...sys('fcntl', local(-8), F_DUPFD, -1),
          ...emitA(-12),
          ...sys('fcntl', local(-8), 12345, 0),
          ...emitA(-12),
          ...sys('fcntl', 99, F_GETFD, 0),
          ...emitA(-12),
          ...sys('pipe2', addr(-8), 0o40),
          ...emitA(-12),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([1, 10, 0, 11, 1, 0, 0, -E.EINVAL, -E.EINVAL, -E.EINVAL, -E.EBADF, -E.EINVAL]);
  });

  it('fails with EMFILE when the table is full and EFAULT for a bad array, leaking nothing', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 32],
          'more:',
          ...sys('pipe', addr(-8)),
          ['JZ', 'more'],
          ...emitA(-12),
          ...sys('close', 1023),
          ...sys('pipe', addr(-8)), // one descriptor free: not enough
          ...emitA(-12),
          ...sys('close', 1022),
          ...sys('pipe', 16),
          ...emitA(-12),
          ...sys('pipe', addr(-8)),
          ...emitA(-12),
          ...emit(-8),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([-E.EMFILE, -E.EMFILE, -E.EFAULT, 0, 1022]);
  });
});

describe('pipe capacity', () => {
  it('holds 65536 bytes; non-blocking writes get EAGAIN, a large one is partial', async () => {
    const d = new DataImage();
    const big = d.zeros(70000);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 32],
            ...sys('pipe2', addr(-8), O_NONBLOCK),
            ['IMM', 0],
            ['SLI', -16],
            'fill:',
            ...sys('write', local(-4), data(big), 1024),
            ['PSH'],
            ['IMM', 1024],
            ['NE'],
            ['JNZ', 'full'],
            ['INCL', -16, 1],
            ['JMP', 'fill'],
            'full:',
            ...emit(-16),
            ...sys('write', local(-4), data(big), 1),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_GETPIPE_SZ, 0),
            ...emitA(-12),
            ...sys('read', local(-8), data(big), 4096),
            ...emitA(-12),
            ...sys('write', local(-4), data(big), 4097), // 4096 bytes of room: partial
            ...emitA(-12),
            ...sys('read', local(-8), data(big), 100),
            ...sys('write', local(-4), data(big), 4096), // atomic: all or nothing
            ...emitA(-12),
            'drain:',
            ...sys('read', local(-8), data(big), 70000),
            ['PSH'],
            ['IMM', 0],
            ['GT'],
            ['JNZ', 'drain'],
            ...sys('write', local(-4), data(big), 70000),
            ...emitA(-12),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([64, -E.EAGAIN, 65536, 4096, 4096, -E.EAGAIN, 65536]);
  });

  it('F_SETPIPE_SZ rounds up to a power of two of pages, refuses to drop data, and needs root above 1 MiB', async () => {
    const d = new DataImage();
    const big = d.zeros(10000);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 32],
            ...sys('pipe', addr(-8)),
            ...sys('fcntl', local(-8), F_SETPIPE_SZ, 5000),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_GETPIPE_SZ, 0),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_SETPIPE_SZ, 0),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_SETPIPE_SZ, 9000),
            ...sys('write', local(-4), data(big), 10000),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_SETPIPE_SZ, 4096),
            ...emitA(-12),
            ...sys('fcntl', local(-4), F_SETPIPE_SZ, 2 * 1024 * 1024),
            ...emitA(-12),
            ...sys('fcntl', 1, F_SETPIPE_SZ, 4096),
            ...emitA(-12),
            ...sys('fcntl', 1, F_GETPIPE_SZ, 0),
            ...emitA(-12),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([8192, 8192, 4096, 10000, -E.EBUSY, -E.EPERM, -E.EBADF, -E.EBADF]);
  });
});

/** Three children write RECORDS records of 4096 bytes each into one pipe (the
 *  first word of a record is its sequence number, the rest the writer's letter);
 *  the parent copies what it reads, 1000 bytes at most at a time, to stdout, then
 *  waits for them. */
function threeWriters(records: number) {
  const d = new DataImage();
  const recs = d.bytes(
    new Uint8Array(3 * 4096).map((_, i) => 0x41 + Math.floor(i / 4096)),
  );
  const buf = d.zeros(4096);
  const code: Item[] = [
    ['ENT', 32],
    ...sys('pipe', addr(-8)),
    ['IMM', 0],
    ['SLI', -12],
    'forks:',
    ...sys('fork'),
    ['JNZ', 'parent'],
    ...sys('close', local(-8)),
    ['LLI', -12],
    ['PSH'],
    ['IMM', 4096],
    ['MUL'],
    ['ADDI', 0x08000000 + recs],
    ['SLI', -20],
    ['IMM', 0],
    ['SLI', -16],
    'write:',
    ['LLI', -20],
    ['PSH'],
    ['LLI', -16],
    ['SI'],
    ...sys('write', local(-4), local(-20), 4096),
    ...isA(4096),
    ['JZ', 'torn'],
    ['INCL', -16, 1],
    ['PSH'],
    ['IMM', records],
    ['LT'],
    ['JNZ', 'write'],
    ...sys('exit', 0),
    'torn:',
    ...sys('exit', 1),
    'parent:',
    ['INCL', -12, 1],
    ['PSH'],
    ['IMM', 3],
    ['LT'],
    ['JNZ', 'forks'],
    ...sys('close', local(-4)),
    'copy:',
    ...sys('read', local(-8), data(buf), 1000), // odd reads leave odd room
    ['SLI', -24],
    ['JZ', 'eof'],
    ...sys('write', 1, data(buf), local(-24)),
    ['JMP', 'copy'],
    'eof:',
    ['IMM', 0],
    ['SLI', -28],
    ...Array.from({ length: 3 }, (): Item[] => [...sys('wait4', -1, addr(-24), 0, 0), ['LLI', -24], ['PSH'], ['LLI', -28], ['OR'], ['SLI', -28]]).flat(),
    ...sys('exit', local(-28)),
  ];
  return program({ _start: code }, d.image());
}

/** Splits the stream into records and checks each is whole, in order per writer. */
function checkRecords(stream: Buffer, records: number): void {
  expect(stream.length).toBe(3 * records * 4096);
  const next = [0, 0, 0];
  for (let at = 0; at < stream.length; at += 4096) {
    const rec = stream.subarray(at, at + 4096);
    const writer = rec[4] - 0x41;
    expect(writer >= 0 && writer < 3, `record at ${at}`).toBe(true);
    for (let i = 4; i < 4096; i++) if (rec[i] !== 0x41 + writer) expect.fail(`record at ${at} is torn at byte ${i}`);
    expect(rec.readInt32LE(0), `writer ${writer}'s sequence`).toBe(next[writer]);
    next[writer]++;
  }
  expect(next).toEqual([records, records, records]);
}

describe('atomic writes', () => {
  it('keeps 4096-byte records of three writers whole, in order, none lost or doubled (rr)', async () => {
    const r = await runProgram(threeWriters(64));
    expect(r.result.status).toBe(0);
    checkRecords(Buffer.from(r.stdout(), 'latin1'), 64);
  });

  it('does so under the random scheduler with 50 seeds', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const r = await runProgram(threeWriters(24), { sched: 'random', seed, quantum: 200 });
      expect(r.result.status, `seed ${seed}`).toBe(0);
      checkRecords(Buffer.from(r.stdout(), 'latin1'), 24);
    }
  });
});

describe('blocking', () => {
  it('a reader sleeps until data arrives; a large write blocks until all of it is read', async () => {
    const d = new DataImage();
    const big = d.bytes(new Uint8Array(200_000).map((_, i) => i % 251));
    const buf = d.zeros(3000);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 32],
            ...sys('pipe', addr(-8)),
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('close', local(-8)),
            ...sys('write', local(-4), data(big), 200_000),
            ...sys('exit', A),
            'parent:',
            ...sys('close', local(-4)),
            'copy:',
            ...sys('read', local(-8), data(buf), 3000),
            ['SLI', -12],
            ['JZ', 'eof'],
            ...sys('write', 1, data(buf), local(-12)),
            ['JMP', 'copy'],
            'eof:',
            ...sys('wait4', -1, addr(-16), 0, 0),
            ['LLI', -16],
            ['PSH'],
            ['IMM', 8],
            ['SHR'],
            ...sys('exit', A),
          ],
        },
        d.image(),
      ),
    );
    const out = Buffer.from(r.stdout(), 'latin1');
    expect(out.length).toBe(200_000);
    expect(out.every((b, i) => b === i % 251)).toBe(true);
    expect(r.result.status).toBe(200_000 & 0xff);
  });

  it('names the pipe, the call and the holders of the other end in a deadlock report', async () => {
    const r = await runProgram(
      program({
        _start: [['ENT', 16], ...sys('pipe', addr(-8)), ...sys('read', local(-8), addr(-16), 4), ...sys('exit', 0)],
      }),
    );
    expect(r.result.status).toBe(2);
    expect(r.stderr()).toMatch(/pid 1 \(prog\).* read\(fd 3 = pipe:\[\d+\]\): no data, writers: pid 1\b/);
  });

  it('reports a writer blocked on a full pipe with its room and the readers', async () => {
    const d = new DataImage();
    const big = d.zeros(70000);
    const r = await runProgram(
      program(
        { _start: [['ENT', 16], ...sys('pipe', addr(-8)), ...sys('write', local(-4), data(big), 70000), ...sys('exit', 0)] },
        d.image(),
      ),
    );
    expect(r.stderr()).toMatch(/write\(fd 4 = pipe:\[\d+\]\): .*readers: pid 1\b/);
  });
});

describe('broken pipes', () => {
  it('kills the writer with SIGPIPE when no read end is open anywhere', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('pipe', addr(-8)),
          ...sys('close', local(-8)),
          ...sys('fork'),
          ['JNZ', 'parent'],
          ...sys('write', local(-4), addr(-16), 4),
          ...sys('exit', 0),
          'parent:',
          ...sys('wait4', -1, addr(-12), 0, 0),
          ...emit(-12),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([SIGPIPE]);
  });

  it('wakes a blocked writer with EPIPE (and SIGPIPE) when the last reader closes', async () => {
    const d = new DataImage();
    const big = d.zeros(70000);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('pipe', addr(-8)),
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('close', local(-8)),
            ...sys('write', local(-4), data(big), 70000),
            ...sys('exit', 0),
            'parent:',
            ...sys('close', local(-4)),
            ...sys('sched_yield'),
            ...sys('close', local(-8)),
            ...sys('wait4', -1, addr(-12), 0, 0),
            ...emit(-12),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([SIGPIPE]);
  });
});
