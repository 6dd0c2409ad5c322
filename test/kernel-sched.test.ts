// Scheduling and time: round robin and the seeded random scheduler (same seed,
// same run; other seeds, other interleavings), quantum 1, sched_yield, sleep and
// wakeup through nanosleep and wait4 on the virtual clock (and once on the real
// one), --max-steps and --stats.
import { describe, expect, it } from 'vitest';
import type { KernelOptions } from '../src/kernel/kernel.js';
import type { Item } from './isa-assemble.js';
import { addr, data, program, runProgram, sys, words } from './kernel-helpers.js';

/** Parent and child each write their letter 40 times with some work in between. */
const racers = program(
  {
    _start: [
      ['ENT', 16],
      ...sys('fork'),
      ['JNZ', 'parent'],
      ['IMM', 0],
      ['SLI', -4],
      ...loop(...sys('write', 1, data(0), 1)),
      ...sys('exit', 0),
      'parent:',
      ['IMM', 0],
      ['SLI', -4],
      ...loop(...sys('write', 1, data(1), 1)).map(renameLabels),
      ...sys('wait4', -1, 0, 0, 0),
      ...sys('exit', 0),
    ],
  },
  'AB',
);

/** for (i = 0; i < 40; i++) { body; 20 instructions of work } with i at bp-4. */
function loop(...body: Item[]): Item[] {
  return [
    'top:',
    ['LLI', -4],
    ['PSH'],
    ['IMM', 40],
    ['LT'],
    ['JZ', 'end'],
    ...body,
    ...Array.from({ length: 20 }, (): Item => ['NOP']),
    ['INCL', -4, 1],
    ['JMP', 'top'],
    'end:',
  ];
}

function renameLabels(item: Item): Item {
  const rename = (s: string) => (s === 'top' || s === 'end' ? `${s}2` : s);
  if (typeof item === 'string') return item === 'top:' || item === 'end:' ? `${item.slice(0, -1)}2:` : item;
  const [op, ...operands] = item;
  return [op, ...operands.map((o) => (typeof o === 'string' ? rename(o) : o))];
}

async function race(options: Partial<KernelOptions>) {
  const slices: [number, number][] = [];
  const r = await runProgram(racers, { ...options, observer: { slice: (p, steps) => slices.push([p.pid, steps]) } });
  expect(r.result.status).toBe(0);
  return { out: r.stdout(), slices };
}

describe('scheduler', () => {
  it('round robin alternates slices of one quantum', async () => {
    const { out, slices } = await race({ sched: 'rr', quantum: 50 });
    expect(out.replace(/[^A]/g, '')).toHaveLength(40);
    expect(out.replace(/[^B]/g, '')).toHaveLength(40);
    expect(out.slice(0, 10)).toMatch(/^B+A+B+/);
    expect(slices.slice(0, 4).map(([pid]) => pid)).toEqual([1, 2, 1, 2]);
    expect(slices[1][1]).toBe(50);
  });

  it('random: the same seed gives the same trace, other seeds other interleavings', async () => {
    const a = await race({ sched: 'random', quantum: 30, seed: 7 });
    const b = await race({ sched: 'random', quantum: 30, seed: 7 });
    expect(b).toEqual(a);
    const others = await Promise.all([8, 9, 10].map((seed) => race({ sched: 'random', quantum: 30, seed })));
    for (const o of others) expect(o.slices).not.toEqual(a.slices);
    expect(new Set([a.out, ...others.map((o) => o.out)]).size).toBeGreaterThan(1);
    const lengths = new Set(a.slices.map(([, steps]) => steps));
    expect(lengths.size).toBeGreaterThan(3);
    for (const steps of lengths) expect(steps).toBeLessThanOrEqual(60);
  });

  it('still runs everything correctly with a quantum of 1 instruction', async () => {
    const { out, slices } = await race({ sched: 'rr', quantum: 1 });
    expect([...out].sort().join('')).toBe('A'.repeat(40) + 'B'.repeat(40));
    expect(slices.every(([, steps]) => steps <= 1)).toBe(true);
  });

  it('sched_yield gives the CPU to the other process', async () => {
    const yielder = program({
      _start: [
        ...sys('fork'),
        ['JNZ', 'parent'],
        ...sys('write', 1, data(0), 1),
        ...sys('exit', 0),
        'parent:',
        ...sys('sched_yield'),
        ...sys('write', 1, data(1), 1),
        ...sys('wait4', -1, 0, 0, 0),
        ...sys('exit', 0),
      ],
    }, 'cp');
    const r = await runProgram(yielder, { quantum: 1000 });
    expect(r.stdout()).toBe('cp');
  });
});

describe('sleep and wakeup', () => {
  it('nanosleep costs virtual time only, and wait4 wakes when the child exits', async () => {
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('clock_gettime', 1, addr(-16)),
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('nanosleep', data(0), 0),
            ...sys('exit', 3),
            'parent:',
            ...sys('wait4', -1, addr(-4), 0, 0),
            ...sys('clock_gettime', 1, addr(-12)),
            ...sys('write', 1, addr(-16), 16),
            ...sys('exit', 0),
          ],
        },
        words(5, 250_000_000),
      ),
    );
    const [t0, t1, , status] = r.stdoutWords();
    expect(status).toBe(3 << 8);
    expect(t1 - t0).toBe(5);
    expect(r.kernel.clock.now()).toBeGreaterThanOrEqual(5.25e9);
    expect(r.kernel.clock.now()).toBeLessThan(5.26e9);
  });

  it('rejects a bad timespec with EINVAL', async () => {
    const r = await runProgram(program({ _start: [...sys('nanosleep', data(0), 0), ['NEG'], ...sys('exit', 'A')] }, words(0, 1e9)));
    expect(r.result.status).toBe(22);
  });

  it('waits for real with --clock real', async () => {
    const started = Date.now();
    const r = await runProgram(program({ _start: [...sys('nanosleep', data(0), 0), ...sys('exit', 0)] }, words(0, 60_000_000)), {
      clock: 'real',
    });
    expect(r.result.status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('limits and reports', () => {
  it('stops an endless loop after --max-steps with status 124', async () => {
    const r = await runProgram(program({ _start: ['spin:', ['JMP', 'spin']] }), { maxSteps: 5000 });
    expect(r.result).toMatchObject({ status: 124, end: 'max-steps', steps: 5000 });
    expect(r.stderr()).toBe('ipcvm: stopped after 5000 instructions (--max-steps)\n');
  });

  it('prints --stats for each process and for the run', async () => {
    const r = await runProgram(racers, { stats: true, quantum: 100 });
    const lines = r.stderr().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^ipcvm: stats: pid 2 \(prog\): \d+ instructions, \d+ context switches/));
    expect(lines).toContain('ipcvm: stats: pid 2 (prog): 41 system calls (write 40, exit 1)');
    expect(lines).toContainEqual(expect.stringMatching(/^ipcvm: stats: pid 1 \(prog\): 43 system calls \(write 40, /));
    expect(lines).toContainEqual(expect.stringMatching(/^ipcvm: stats: pid 2 \(prog\): \d+ page faults \(\d+ demand-zero, [1-9]\d* copy-on-write, 0 shared\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^ipcvm: stats: run: \d+ instructions, (\d+) frames allocated, \1 freed$/));
  });
});
