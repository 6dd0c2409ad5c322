// The runner's checking rules: a benchmark run counts only when it exited 0 and
// printed exactly the checked output, so a fast wrong answer cannot score.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasLua, luaLines } from '../bench/lua.js';
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

describe('comparison with Lua 5.4', () => {
  it('prints min and median of each side and the ratio of the medians', () => {
    const lines = luaLines([{ name: 'fib', arg: '35', ipcvmSeconds: [0.4, 0.38, 0.5], luaSeconds: [0.5, 0.48, 0.52] }], undefined);
    expect(lines[1]).toMatch(/^compute against Lua 5.4/);
    expect(lines[2]).toMatch(/fib 35 +ipcvm 0.38 \/ 0.40 +lua5.4 0.48 \/ 0.50 +-> ipcvm 1.25x faster/);
    expect(luaLines(undefined, undefined)).toEqual([]);
    expect(luaLines(undefined, 'sieve: wrong')[1]).toMatch(/not measured \(sieve: wrong\)/);
  });

  it.skipIf(!hasLua())('the Lua programs print what the C programs compute', () => {
    const root = join(import.meta.dirname, '..');
    for (const [name, arg, expected] of [['fib', '20', '6765'], ['sieve', '1', '148933']]) {
      const lua = spawnSync('lua5.4', [join(root, 'bench', 'programs', 'lua', `${name}.lua`), arg], { encoding: 'utf8' });
      expect(lua.stdout.trim()).toBe(expected);
    }
  });
});
