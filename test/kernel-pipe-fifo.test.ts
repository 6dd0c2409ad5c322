// FIFOs through hand-assembled guest programs: the open rendezvous in both orders
// (and a reader that reads before the waiting writer has re-run), O_NONBLOCK
// opens (ENXIO, EAGAIN vs EOF), O_RDWR, EEXIST/ENOENT, data dropped with the last
// opener, an open abandoned half-way (interrupted, or killed) leaving the counts
// right, and the deadlock report of an open waiting for its other side.
import { describe, expect, it } from 'vitest';
import { E } from '../src/kernel/errno.js';
import { O_CREAT, O_EXCL, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY } from '../src/kernel/file.js';
import { wakeProc } from '../src/kernel/sleep.js';
import { SYS_LENGTH } from '../src/vm/cpu.js';
import type { Item } from './isa-assemble.js';
import { DataImage, emitA } from './kernel-fs-helpers.js';
import { addr, boot, data, local, program, runProgram, sys } from './kernel-helpers.js';

const S_IFIFO = 0o010000;
const ONE_SECOND = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0]);

/** sys(...) then the result as a word on stdout. */
const shown = (items: Item[]): Item[] => [...items, ...emitA(-4)];

describe('FIFO open rendezvous', () => {
  function rendezvous(writerFirst: boolean) {
    const d = new DataImage();
    const path = d.str('/tmp/fifo');
    const second = d.bytes(ONE_SECOND);
    const buf = d.zeros(16);
    const msg = d.str('hi!');
    const [childMode, parentMode] = writerFirst ? [O_WRONLY, O_RDONLY] : [O_RDONLY, O_WRONLY];
    // The side that opens second is the parent, after a second's sleep; it reads
    // (or writes) at once, before the first side has run again.
    const useEnd = (mode: number, fd: Item[]): Item[] =>
      mode === O_RDONLY
        ? ['readloop:', ...fd, ...sys('read', local(-8), data(buf), 16), ['SLI', -12], ['JZ', 'eof'], ...sys('write', 2, data(buf), local(-12)), ['JMP', 'readloop'], 'eof:']
        : [...fd, ...sys('write', local(-8), data(msg), 3)];
    return program(
      {
        _start: [
          ['ENT', 16],
          ...shown(sys('mknod', data(path), S_IFIFO | 0o600, 0)),
          ...sys('fork'),
          ['JNZ', 'parent'],
          ...sys('open', data(path), childMode, 0),
          ['SLI', -8],
          ...shown(sys('getpid')),
          ...useEnd(childMode, []),
          ...sys('exit', 0),
          'parent:',
          ...sys('nanosleep', data(second), 0),
          ...shown(sys('getpid')),
          ...sys('open', data(path), parentMode, 0),
          ['SLI', -8],
          ...useEnd(parentMode, []),
          ...sys('close', local(-8)),
          ...sys('wait4', -1, 0, 0, 0),
          ...shown(sys('unlink', data(path))),
          ...sys('exit', 0),
        ],
      },
      d.image(),
    );
  }

  it('a writer waits in open for a reader; the reader, reading at once, waits for data, not EOF', async () => {
    const r = await runProgram(rendezvous(true));
    expect(r.stdoutWords()).toEqual([0, 1, 2, 0]);
    expect(r.stderr()).toBe('hi!');
  });

  it('a reader waits in open for a writer', async () => {
    const r = await runProgram(rendezvous(false));
    expect(r.stdoutWords()).toEqual([0, 1, 2, 0]);
    expect(r.stderr()).toBe('hi!');
  });

  it('reports an open waiting for the other side in a deadlock', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/lonely');
    const r = await runProgram(
      program({ _start: [['ENT', 16], ...sys('mknod', data(path), S_IFIFO | 0o600, 0), ...sys('open', data(path), O_RDONLY, 0), ...sys('exit', 0)] }, d.image()),
    );
    expect(r.result.status).toBe(2);
    expect(r.stderr()).toMatch(/pid 1 \(prog\).* open\(\/tmp\/lonely, O_RDONLY\): FIFO has no writer/);
  });
});

describe('FIFO opens that do not wait', () => {
  it('O_NONBLOCK: the read side opens at once, the write side fails ENXIO without a reader', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/nb');
    const buf = d.zeros(16);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...shown(sys('mknod', data(path), S_IFIFO | 0o644, 0)),
            ...shown(sys('mknod', data(path), S_IFIFO | 0o644, 0)),
            ...shown(sys('open', data(path), O_WRONLY | O_NONBLOCK, 0)),
            ...sys('open', data(path), O_RDONLY | O_NONBLOCK, 0),
            ['SLI', -8],
            ...shown(sys('read', local(-8), data(buf), 16)), // no writer: EOF
            ...sys('open', data(path), O_WRONLY | O_NONBLOCK, 0),
            ['SLI', -12],
            ...shown(sys('read', local(-8), data(buf), 16)), // a writer: EAGAIN
            ...shown(sys('write', local(-12), data(path), 3)),
            ...sys('close', local(-12)),
            ...shown(sys('read', local(-8), data(buf), 16)), // data left by a closed writer
            ...shown(sys('read', local(-8), data(buf), 16)),
            ...sys('close', local(-8)),
            ...shown(sys('open', data(path), O_WRONLY | O_NONBLOCK, 0)),
            ...shown(sys('open', data(path), O_CREAT | O_EXCL | O_RDWR, 0o600)),
            ...shown(sys('unlink', data(path))),
            ...shown(sys('open', data(path), O_RDONLY | O_NONBLOCK, 0)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([0, -E.EEXIST, -E.ENXIO, 0, -E.EAGAIN, 3, 3, 0, -E.ENXIO, -E.EEXIST, 0, -E.ENOENT]);
  });

  it('O_RDWR never waits; the data goes when the last opener closes', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/rw');
    const buf = d.zeros(16);
    const st = d.zeros(52);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('mknod', data(path), S_IFIFO | 0o666, 0),
            ...sys('open', data(path), O_RDWR, 0),
            ['SLI', -8],
            ...shown(sys('write', local(-8), data(path), 5)),
            ...shown(sys('read', local(-8), data(buf), 2)),
            ...sys('fstat', local(-8), data(st)),
            ['IMM', 0x08000000 + st + 8],
            ['LI'],
            ...emitA(-4),
            ...sys('close', local(-8)),
            ...sys('open', data(path), O_RDWR | O_NONBLOCK, 0),
            ['SLI', -8],
            ...shown(sys('read', local(-8), data(buf), 16)),
            ...sys('close', local(-8)),
            ...sys('unlink', data(path)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([5, 2, S_IFIFO | 0o644, -E.EAGAIN]);
  });
});

describe('abandoned FIFO opens', () => {
  /** pid 2 waits in a blocking read-open; it is then interrupted (as a caught
   *  signal without SA_RESTART would: the call ends with EINTR) and goes on to
   *  sleep for ten seconds, or it is killed. pid 1 then finds no reader: its
   *  non-blocking write-open fails with ENXIO. */
  async function abandon(how: 'interrupt' | 'kill') {
    const d = new DataImage();
    const path = d.str('/tmp/abandon');
    const second = d.bytes(ONE_SECOND);
    const ten = d.bytes(new Uint8Array([10, 0, 0, 0, 0, 0, 0, 0]));
    const booted = boot({
      observer: {
        slice() {
          const child = booted.kernel.procs.get(2);
          if (child?.state !== 'sleeping' || child.sleepChannel?.name !== 'a FIFO open') return;
          if (how === 'kill') {
            child.sig.pending.add(9);
            child.sig.info[9] = { signo: 9, code: 0, pid: 1, uid: 1000, addr: 0, fault: false };
          } else {
            child.blockedSyscall = 0;
            child.cpu.a = -E.EINTR;
            child.cpu.pc += SYS_LENGTH;
          }
          wakeProc(booted.kernel, child);
        },
      },
    });
    booted.kernel.spawn(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('mknod', data(path), S_IFIFO | 0o600, 0),
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('open', data(path), O_RDONLY, 0),
            ['SLI', -4],
            ...sys('write', 2, addr(-4), 4), // its result, on stderr
            ...sys('nanosleep', data(ten), 0),
            ...sys('exit', 0),
            'parent:',
            ...sys('nanosleep', data(second), 0),
            ...shown(sys('open', data(path), O_WRONLY | O_NONBLOCK, 0)),
            ...sys('wait4', -1, addr(-8), 0, 0),
            ...sys('unlink', data(path)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
      ['prog'],
    );
    await booted.kernel.run();
    booted.kernel.checkInvariants();
    return booted;
  }

  it('an interrupted open no longer counts as a reader once the process goes on', async () => {
    const r = await abandon('interrupt');
    expect(r.stdoutWords()).toEqual([-E.ENXIO]);
    expect(Buffer.from(r.stderr(), 'latin1').readInt32LE(0)).toBe(-E.EINTR);
  });

  it('neither does the open of a process killed while waiting', async () => {
    const r = await abandon('kill');
    expect(r.stdoutWords()).toEqual([-E.ENXIO]);
    expect(r.stderr()).toBe('');
  });
});
