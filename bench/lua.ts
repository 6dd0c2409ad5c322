// Compute against Lua 5.4, measured here: fib(35) and the sieve ten times, the same
// algorithm in C (bench/programs) and in Lua (bench/programs/lua), each side as a
// whole process as a user runs it (`node bin/ipcvm.js run prog.c -- arg`, start-up
// and compilation of hot code included, against `lua5.4 prog.lua arg`), the two
// alternated, timed in user CPU seconds (robust to other load on the machine; bash's
// `time`, since Node cannot see a child's CPU time). Skipped, silently, when lua5.4
// or bash is not on PATH. Both sides' results are checked: the C program prints the
// number the Lua one prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LuaComparison {
  name: string;
  arg: string;
  /** user CPU seconds per run, in the order measured */
  ipcvmSeconds: number[];
  luaSeconds: number[];
}

/** The programs compared, and their argument (the issue's fib(35); ten sieves). */
export const LUA_PROGRAMS: readonly { name: string; arg: string }[] = [
  { name: 'fib', arg: '35' },
  { name: 'sieve', arg: '10' },
];

export function hasLua(): boolean {
  return spawnSync('lua5.4', ['-v']).status === 0 && spawnSync('bash', ['-c', 'true']).status === 0;
}

/** Runs argv under bash's `time`; its stdout and user CPU seconds. Throws when it fails. */
function timed(argv: string[], cwd: string): { stdout: string; seconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ipcvm-lua-'));
  try {
    const out = join(dir, 'out');
    const child = spawnSync('bash', ['-c', 'TIMEFORMAT=%U; time ("${@:2}" > "$1")', 'bash', out, ...argv], { cwd, encoding: 'utf8' });
    const seconds = Number(child.stderr.trim().split('\n').pop());
    if (child.status !== 0 || !Number.isFinite(seconds)) throw new Error(`${argv.join(' ')} failed: ${child.stderr.trim()}`);
    return { stdout: readFileSync(out, 'utf8'), seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `runs` alternated runs of each side per program; throws when an output is wrong. */
export function compareWithLua(root: string, runs: number, names: (name: string) => boolean): LuaComparison[] {
  const cli = join(root, 'bin', 'ipcvm.js');
  return LUA_PROGRAMS.filter((p) => names(p.name)).map(({ name, arg }) => {
    const result: LuaComparison = { name, arg, ipcvmSeconds: [], luaSeconds: [] };
    const vmArgv = [process.execPath, cli, 'run', join('bench', 'programs', `${name}.c`), '--', arg];
    timed(vmArgv, root); // untimed: fills the compiled-program cache
    for (let i = 0; i < runs; i++) {
      const lua = timed(['lua5.4', join(root, 'bench', 'programs', 'lua', `${name}.lua`), arg], root);
      const vm = timed(vmArgv, root);
      const expected = lua.stdout.trim();
      if (!new RegExp(`\\b${expected}\\b`).test(vm.stdout)) throw new Error(`${name}: ipcvm printed ${JSON.stringify(vm.stdout)}, Lua ${expected}`);
      result.luaSeconds.push(lua.seconds);
      result.ipcvmSeconds.push(vm.seconds);
    }
    return result;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The report's lines for the comparison (none when it did not run). */
export function luaLines(rows: LuaComparison[] | undefined, error: string | undefined): string[] {
  if (error !== undefined) return ['', `compute against Lua 5.4: not measured (${error})`];
  if (rows === undefined || rows.length === 0) return [];
  const lines = ['', 'compute against Lua 5.4, measured here (whole process, user CPU seconds, min / median, runs alternated):'];
  for (const r of rows) {
    const [vm, lua] = [median(r.ipcvmSeconds), median(r.luaSeconds)];
    const verdict = vm <= lua ? `ipcvm ${(lua / vm).toFixed(2)}x faster` : `ipcvm ${(vm / lua).toFixed(2)}x slower`;
    const cell = (xs: number[]) => `${Math.min(...xs).toFixed(2)} / ${median(xs).toFixed(2)}`;
    lines.push(`  ${`${r.name} ${r.arg}`.padEnd(9)}  ipcvm ${cell(r.ipcvmSeconds)}  lua5.4 ${cell(r.luaSeconds)}  -> ${verdict} (medians)`);
  }
  return lines;
}
