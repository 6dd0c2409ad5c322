// IPC under a shaken scheduler, with hand-assembled guest programs (no compiler):
//   - 4 processes x 1000 increments of a counter in a shared segment, each a slow
//     read-modify-write under a SEM_UNDO semaphore, end at exactly 4000 on 50 random
//     schedules; without the semaphore the same program loses updates (so the test
//     can fail);
//   - 3 producers send 200 numbered messages each through a queue whose msg_qbytes
//     is lowered to 4 messages, so they block; the consumer sees every message once,
//     each producer's in order.
import { describe, expect, it } from 'vitest';
import { BLOCKED } from '../src/kernel/sysresult.js';
import type { Item } from './isa-assemble.js';
import { addr, data, local, program, runProgram, sys } from './kernel-helpers.js';

const IPC_CREAT_600 = 0o1600;
const IPC_RMID = 0;
const IPC_SET = 1;
const IPC_STAT = 2;
const SETVAL = 16;
const GETVAL = 12;
const SEM_UNDO = 0x1000;

/** struct sembuf {0, op, SEM_UNDO} as 8 bytes (padded). */
function sembuf(op: number): number[] {
  return [0, 0, op & 0xff, (op >> 8) & 0xff, SEM_UNDO & 0xff, SEM_UNDO >> 8, 0, 0];
}

/** while (++local[off] < n) goto label */
function loopBack(off: number, n: number, label: string): Item[] {
  return [['INCL', off, 1], ['PSH'], ['IMM', n], ['LT'], ['JNZ', label]];
}

/** The counter program; writes the counter and the final semaphore value. */
function counterProgram(locked: boolean): ReturnType<typeof program> {
  const lock = (which: number): Item[] => (locked ? sys('semop', local(-4), data(which), 1) : []);
  return program(
    {
      _start: [
        ['ENT', 64],
        ...sys('semget', 0, 1, IPC_CREAT_600),
        ['SLI', -4],
        ...sys('semctl', local(-4), 0, SETVAL, 1),
        ...sys('shmget', 0, 4096, IPC_CREAT_600),
        ['SLI', -8],
        ...sys('shmat', local(-8), 0, 0),
        ['SLI', -12],
        ['IMM', 0],
        ['SLI', -16],
        'forks:',
        ...sys('fork'),
        ['JZ', 'child'],
        ...loopBack(-16, 4, 'forks'),
        ...[0, 1, 2, 3].flatMap(() => sys('wait4', -1, 0, 0, 0)),
        ['LLI', -12],
        ['LI'],
        ['SLI', -28],
        ...sys('write', 1, addr(-28), 4),
        ...sys('semctl', local(-4), 0, GETVAL, 0),
        ['SLI', -28],
        ...sys('write', 1, addr(-28), 4),
        ...sys('shmdt', local(-12)),
        ...sys('shmctl', local(-8), IPC_RMID, 0),
        ...sys('semctl', local(-4), 0, IPC_RMID, 0),
        ...sys('exit', 0),
        'child:',
        ['IMM', 0],
        ['SLI', -16],
        'increment:',
        ...lock(0),
        ['LLI', -12],
        ['LI'],
        ['SLI', -20],
        // A slow critical section: a few instructions between the read and the write.
        ['IMM', 0],
        ['SLI', -24],
        'dawdle:',
        ...loopBack(-24, 8, 'dawdle'),
        ['LLI', -12],
        ['PSH'],
        ['LLI', -20],
        ['ADDI', 1],
        ['SI'],
        ...lock(8),
        ...loopBack(-16, 1000, 'increment'),
        ...sys('exit', 0),
      ],
    },
    new Uint8Array([...sembuf(-1), ...sembuf(1)]),
  );
}

describe('a semaphore-protected counter under random schedules', () => {
  it('ends at exactly 4000 for 50 seeds', async () => {
    const module = counterProgram(true);
    for (let seed = 1; seed <= 50; seed++) {
      const r = await runProgram(module, { sched: 'random', seed, quantum: 40, maxSteps: 50_000_000 });
      expect({ seed, words: r.stdoutWords(), status: r.result.status }).toEqual({ seed, words: [4000, 1], status: 0 });
    }
  });

  it('loses updates without the semaphore', async () => {
    const module = counterProgram(false);
    const counts: number[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const r = await runProgram(module, { sched: 'random', seed, quantum: 40 });
      counts.push(r.stdoutWords()[0]);
    }
    expect(Math.min(...counts)).toBeLessThan(4000);
  });
});

/** 3 producers x PER messages {mtype p, int p*1000+seq}; the consumer writes the
 *  number of messages, the sum of their values and the count of out-of-order ones. */
function producerConsumer(per: number): ReturnType<typeof program> {
  // Locals: -4 q, -8 producer p, -12 seq, -16 count, -20 sum, -24 errors,
  // -28 scratch, -64 msgbuf (mtype at -64, value at -60), -80.. next seq by p,
  // -200 msqid_ds.
  return program({
    _start: [
      ['ENT', 256],
      ...sys('msgget', 0, IPC_CREAT_600),
      ['SLI', -4],
      ...sys('msgctl', local(-4), IPC_STAT, addr(-200)),
      ['LEA', -200 + 68],
      ['PSH'],
      ['IMM', 16],
      ['SI'],
      ...sys('msgctl', local(-4), IPC_SET, addr(-200)),
      ['IMM', 0],
      ['SLI', -8],
      'forks:',
      ['LLI', -8],
      ['ADDI', 1],
      ['SLI', -8],
      ...sys('fork'),
      ['JZ', 'producer'],
      ['LLI', -8],
      ['PSH'],
      ['IMM', 3],
      ['LT'],
      ['JNZ', 'forks'],
      // Consumer.
      ['IMM', 0],
      ['SLI', -16],
      ['SLI', -20],
      ['SLI', -24],
      ['SLI', -76],
      ['SLI', -72],
      ['SLI', -68],
      'receive:',
      ...sys('msgrcv', local(-4), addr(-64), 4, 0, 0),
      ['PSH'],
      ['IMM', 4],
      ['NE'],
      ['JNZ', 'bad'],
      ['LLI', -20],
      ['PSH'],
      ['LLI', -60],
      ['ADD'],
      ['SLI', -20],
      // seq = value - p * 1000; errors += next[p] != seq; next[p] = seq + 1
      ['LLI', -60],
      ['PSH'],
      ['LLI', -64],
      ['PSH'],
      ['IMM', 1000],
      ['MUL'],
      ['SUB'],
      ['SLI', -12],
      ['LEA', -80],
      ['PSH'],
      ['LLI', -64],
      ['PSH'],
      ['IMM', 4],
      ['MUL'],
      ['ADD'],
      ['SLI', -28],
      ['LI'],
      ['PSH'],
      ['LLI', -12],
      ['NE'],
      ['PSH'],
      ['LLI', -24],
      ['ADD'],
      ['SLI', -24],
      ['LLI', -28],
      ['PSH'],
      ['LLI', -12],
      ['ADDI', 1],
      ['SI'],
      ...loopBack(-16, 3 * per, 'receive'),
      ...[0, 1, 2].flatMap(() => sys('wait4', -1, 0, 0, 0)),
      ...[-16, -20, -24].flatMap((off) => sys('write', 1, addr(off), 4)),
      // Nothing more may be queued.
      ...sys('msgrcv', local(-4), addr(-64), 4, 0, 0o4000),
      ['SLI', -28],
      ...sys('write', 1, addr(-28), 4),
      ...sys('msgctl', local(-4), IPC_RMID, 0),
      ...sys('exit', 0),
      'bad:',
      ...sys('exit', 3),
      'producer:',
      ['IMM', 0],
      ['SLI', -12],
      'send:',
      ['LEA', -64],
      ['PSH'],
      ['LLI', -8],
      ['SI'],
      ['LEA', -60],
      ['PSH'],
      ['LLI', -8],
      ['PSH'],
      ['IMM', 1000],
      ['MUL'],
      ['PSH'],
      ['LLI', -12],
      ['ADD'],
      ['SI'],
      ...sys('msgsnd', local(-4), addr(-64), 4, 0),
      ['JNZ', 'bad'],
      ...loopBack(-12, per, 'send'),
      ...sys('exit', 0),
    ],
  });
}

describe('producers and a consumer through a small message queue', () => {
  const per = 200;
  const expectedSum = 3 * ((per * (per - 1)) / 2) + 1000 * per * (1 + 2 + 3);

  it('delivers every message once, in each producer\'s order, on random schedules', async () => {
    const module = producerConsumer(per);
    for (let seed = 1; seed <= 10; seed++) {
      let blockedSends = 0;
      const observer = { syscall: (_p: unknown, nr: number, _a: unknown, result: number) => void (nr === 400 && result === BLOCKED && blockedSends++) };
      const r = await runProgram(module, { sched: 'random', seed, quantum: 30, maxSteps: 50_000_000, observer });
      expect({ seed, words: r.stdoutWords(), status: r.result.status }).toEqual({
        seed,
        words: [3 * per, expectedSum, 0, -42 /* ENOMSG */],
        status: 0,
      });
      expect(blockedSends).toBeGreaterThan(0);
    }
  });

  it('does the same switching after every instruction', async () => {
    const r = await runProgram(producerConsumer(50), { quantum: 1, maxSteps: 50_000_000 });
    expect(r.stdoutWords()).toEqual([150, 3 * 1225 + 1000 * 50 * 6, 0, -42]);
  });
});
