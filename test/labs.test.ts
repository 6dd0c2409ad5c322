// The lab exercises under programs/labs/<topic>/: each NAME.c must print exactly
// NAME.out, both on Linux (built with gcc, when gcc is present) and under ipcvm.
// The convention is the conformance suite's: a first line `// expect-exit: N` gives
// the exit status (0 otherwise), NAME.in is stdin (/dev/null otherwise). Two more
// markers in a lab's header comment:
//   lab-pair: OTHER.c   start OTHER.c alongside, as `ipcvm run NAME.c OTHER.c`
//                       does; OTHER.c is not a lab of its own
//   linux: hangs        the deliberate-deadlock lab: not run natively
// The ipcvm half runs each lab under round-robin and two random schedules, and a pair in both
// start orders, since the labs promise the same output under any scheduler.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..');
const labsRoot = join(repoRoot, 'programs', 'labs');
const TOPICS = ['processes', 'pipes', 'fifos', 'msg', 'sem', 'shm', 'mmap', 'signals'];
const MIN_EXERCISES = 24;
const NATIVE_TIMEOUT_MS = 20_000;

/** SPEC §4: the headers a guest program may include. */
const ALLOWED_HEADERS = new Set([
  'stdio.h', 'stdlib.h', 'string.h', 'ctype.h', 'errno.h', 'unistd.h', 'sys/types.h', 'sys/stat.h',
  'fcntl.h', 'sys/wait.h', 'signal.h', 'sys/ipc.h', 'sys/msg.h', 'sys/sem.h', 'sys/shm.h',
  'sys/mman.h', 'time.h', 'sys/time.h', 'limits.h', 'stdarg.h', 'stddef.h', 'stdbool.h', 'assert.h',
]);

interface Lab {
  /** topic/NAME.c, relative to programs/labs. */
  name: string;
  topic: string;
  file: string;
  source: string;
  /** The second program of a pair, started alongside. */
  partner?: string;
  stdinFile?: string;
  expectedOut: string;
  expectedStatus: number;
  hangsOnLinux: boolean;
}

function findSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findSources(join(dir, e.name)) : e.name.endsWith('.c') ? [join(dir, e.name)] : [],
  );
}

function readLab(file: string): Lab {
  const source = readFileSync(file, 'utf8');
  const base = file.replace(/\.c$/, '');
  const exit = /^\/\/ expect-exit: (\d+)\n/.exec(source);
  const pair = /lab-pair: (\S+)/.exec(source);
  const name = relative(labsRoot, file);
  return {
    name,
    topic: name.split('/')[0],
    file,
    source,
    partner: pair ? join(dirname(file), pair[1]) : undefined,
    stdinFile: existsSync(base + '.in') ? base + '.in' : undefined,
    expectedOut: existsSync(base + '.out') ? readFileSync(base + '.out', 'latin1') : '',
    expectedStatus: exit ? Number(exit[1]) : 0,
    hangsOnLinux: /linux: hangs/.test(source),
  };
}

function findLabs(): Lab[] {
  const all = findSources(labsRoot).sort().map(readLab);
  const partners = new Set(all.flatMap((lab) => (lab.partner ? [lab.partner] : [])));
  return all.filter((lab) => !partners.has(lab.file));
}

/** The source without comments, for the checks on what the code uses. */
function codeOf(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ');
}

// ---- native runs (gcc) ----

const hasGcc = spawnSync('gcc', ['--version']).status === 0;
const workDir = mkdtempSync(join(tmpdir(), 'ipcvm-labs-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function gccBuild(file: string): string {
  const exe = join(workDir, relative(labsRoot, file).replace(/[/.]/g, '_'));
  const built = spawnSync('gcc', ['-std=gnu99', '-O0', '-w', '-o', exe, file], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`gcc failed on ${file}:\n${built.stderr}`);
  return exe;
}

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? 128 + (signal ? constants.signals[signal] : 0);
}

/** Starts every program at once, all writing into one stdout file (as two programs
 *  started from one shell share its output), in a fresh working directory; each in its
 *  own process group, killed whole if it outlives the time limit. */
async function runNative(exes: string[], stdinFile?: string): Promise<{ stdout: string; statuses: number[] }> {
  const cwd = mkdtempSync(join(workDir, 'run-'));
  const outPath = join(cwd, 'stdout');
  const out = openSync(outPath, 'w');
  const input = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const statuses = await Promise.all(
    exes.map((exe) => {
      const child = spawn(exe, [], { cwd, stdio: [input, out, 'ignore'], detached: true });
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
          reject(new Error(`${basename(exe)} still running after ${NATIVE_TIMEOUT_MS} ms`));
        }, NATIVE_TIMEOUT_MS);
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          resolve(exitCode(code, signal));
        });
      });
    }),
  ).finally(() => {
    closeSync(out);
    if (typeof input === 'number') closeSync(input);
  });
  return { stdout: readFileSync(outPath, 'latin1'), statuses };
}

// ---- ipcvm runs ----

interface Schedule {
  label: string;
  sched: 'rr' | 'random';
  seed: number;
  quantum: number;
}

const SCHEDULES: Schedule[] = [
  { label: 'rr', sched: 'rr', seed: 1, quantum: 1000 },
  { label: 'random seed 7', sched: 'random', seed: 7, quantum: 1000 },
  { label: 'random seed 1234, quantum 50', sched: 'random', seed: 1234, quantum: 50 },
];

interface VmRun {
  stdout: string;
  stderr: string;
  status: number;
  compileErrors: string;
}

/** The kernel is imported only when these tests run, so the native half works
 *  while the kernel is being written. One program goes through the shared harness;
 *  a pair needs one kernel with two spawned programs, which the harness does not do. */
async function runInVm(lab: Lab, schedule: Schedule, files: string[]): Promise<VmRun> {
  const stdin = lab.stdinFile ? readFileSync(lab.stdinFile, 'latin1') : '';
  const sched = { sched: schedule.sched, seed: schedule.seed, quantum: schedule.quantum };
  if (files.length === 1) {
    const { runGuestFiles } = await import('./harness.js');
    return runGuestFiles(files, { ...sched, stdin, skipInvariants: lab.hangsOnLinux });
  }
  const { compileProgram } = await import('../src/compiler/driver.js');
  const { Kernel } = await import('../src/kernel/kernel.js');
  const compiled = files.map((f) => compileProgram([f]));
  const errors = compiled.map((c) => c.text).join('');
  const modules = compiled.flatMap((c) => (c.module ? [c.module] : []));
  if (modules.length < files.length) return { stdout: '', stderr: '', status: -1, compileErrors: errors };
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const input = new TextEncoder().encode(stdin);
  let inputPos = 0;
  const kernel = new Kernel({
    memBytes: 16 * 1024 * 1024,
    maxSteps: 200_000_000,
    clock: 'virtual',
    maxProcs: 64,
    uid: 1000,
    stats: false,
    ...sched,
    stdout: (b) => out.push(b.slice()),
    stderr: (b) => err.push(b.slice()),
    stdin: (max) => {
      const chunk = input.subarray(inputPos, inputPos + max);
      inputPos += chunk.length;
      return chunk;
    },
  });
  modules.forEach((module, i) => kernel.spawn(module, [files[i]]));
  const result = await kernel.run();
  kernel.checkInvariants();
  const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('latin1');
  return { stdout: text(out), stderr: text(err), status: result.status, compileErrors: errors };
}

// ---- the tests ----

const labs = findLabs();

describe('the lab collection', () => {
  it(`has at least ${MIN_EXERCISES} exercises over the eight topics`, () => {
    expect(labs.length).toBeGreaterThanOrEqual(MIN_EXERCISES);
    expect([...new Set(labs.map((lab) => lab.topic))].sort()).toEqual([...TOPICS].sort());
  });

  it('has a README per topic naming the command of each of its exercises', () => {
    for (const topic of TOPICS) {
      const readme = join(labsRoot, topic, 'README.md');
      expect(existsSync(readme), readme).toBe(true);
      const text = readFileSync(readme, 'utf8');
      expect(text).toMatch(/--trace|--stats/);
      for (const lab of labs.filter((l) => l.topic === topic))
        expect(text, `${topic}/README.md`).toContain(`npx ipcvm run programs/labs/${lab.name}`);
    }
  });

  it.each(labs.map((lab) => [lab.name, lab] as const))('%s: has its expected output and uses only SPEC §3/§4', (_, lab) => {
    expect(existsSync(lab.file.replace(/\.c$/, '.out')), 'the .out file').toBe(true);
    if (lab.partner) expect(existsSync(lab.partner), lab.partner).toBe(true);
    for (const source of [lab.source, ...(lab.partner ? [readFileSync(lab.partner, 'utf8')] : [])]) {
      const code = codeOf(source);
      for (const m of code.matchAll(/#include\s*<([^>]+)>/g)) expect(ALLOWED_HEADERS, m[1]).toContain(m[1]);
      expect(code).not.toMatch(/\b(float|double)\b|\blong\s+long\b/);
      if (/\bsemctl\s*\(/.test(code)) expect(code).toMatch(/union semun\s*\{/);
    }
  });
});

describe.each(labs.map((lab) => [lab.name, lab] as const))('lab %s', (_, lab) => {
  const files = lab.partner ? [lab.file, lab.partner] : [lab.file];

  it.skipIf(!hasGcc || lab.hangsOnLinux)('prints its .out on Linux (gcc)', async () => {
    const run = await runNative(files.map(gccBuild), lab.stdinFile);
    expect(run.stdout).toBe(lab.expectedOut);
    expect(run.statuses).toEqual(files.map((_, i) => (i === 0 ? lab.expectedStatus : 0)));
  });

  const orders = lab.partner ? [files, [...files].reverse()] : [files];
  for (const order of orders) {
    const started = order.map((f) => basename(f)).join(' + ');
    it.each(SCHEDULES.map((s) => [s.label, s] as const))(
      `prints its .out under ipcvm (${started}, %s)`,
      async (_, schedule) => {
        const run = await runInVm(lab, schedule, order);
        expect(run.compileErrors).toBe('');
        expect(run.stdout).toBe(lab.expectedOut);
        expect(run.status).toBe(order[0] === lab.file ? lab.expectedStatus : 0);
        if (lab.hangsOnLinux) expect(run.stderr).toMatch(/deadlock/);
      },
    );
  }
});
