// The runner's checking rules: a benchmark run counts only when it exited 0 and
// printed exactly the checked output, so a fast wrong answer cannot score.
import { describe, expect, it } from 'vitest';
import { CheckError, checkRun, checkSelf, measure, opsFrom, type ProgramRun } from '../bench/measure.js';
import { fibCalls } from '../bench/suite.js';

const run = (stdout: string, status = 0): ProgramRun => ({ status, stdout, stderr: '', ms: 1 });

describe('benchmark checks', () => {
  it('reads the ops line', () => {
    expect(opsFrom('fib(20) = 6765\nops 21891\n')).toBe(21891);
    expect(() => opsFrom('fib(20) = 6765\n')).toThrow(CheckError);
  });

  it('rejects a wrong answer, a bad status and a FAIL line', () => {
    expect(() => checkRun(run('fib(20) = 6766\nops 21891\n'), 'fib(20) = 6765\nops 21891\n')).toThrow(/wrong output/);
    expect(() => checkRun(run('fib(20) = 6765\nops 21891\n', 1), 'fib(20) = 6765\nops 21891\n')).toThrow(/exit status 1/);
    expect(() => checkSelf(run('FAIL: counter is 3\nops 4\n'))).toThrow(/FAIL: counter is 3/);
    expect(() => checkRun(run('x\nops 1\n'), 'x\nops 1\n')).not.toThrow();
  });

  it('turns run times into per-op figures, and fails when a timed run goes wrong', async () => {
    const m = await measure('steady', async () => ({ ...run('ok\nops 1000\n'), ms: 2 }), { runs: 3, expected: 'ok\nops 1000\n', opsPerRun: 1000 });
    expect(m.msPerRun).toBeCloseTo(2, 6);
    expect(m.nsPerOp).toBeCloseTo(2000, 3);
    expect(m.opsPerSec).toBeCloseTo(500_000, 0);
    let calls = 0;
    const flaky = async () => run(++calls === 3 ? 'wrong\nops 1000\n' : 'ok\nops 1000\n');
    await expect(measure('flaky', flaky, { runs: 3, expected: 'ok\nops 1000\n', opsPerRun: 1000 })).rejects.toThrow(CheckError);
  });

  it('counts the calls of recursive fib', () => {
    expect(fibCalls(1)).toBe(1);
    expect(fibCalls(2)).toBe(3);
    expect(fibCalls(32)).toBe(7049155);
  });
});
