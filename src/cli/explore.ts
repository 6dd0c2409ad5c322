// Reproducible runs. A run is fully determined by its program, input and options
// (SPEC §7), so the options are the recipe to replay it:
//   --show-config  prints the command that reproduces this run, every option
//                  that changes its behaviour spelled out, the seed included;
//   --explore K    runs the program (compiled once) under K random schedules,
//                  seeds 1..K, in this process with captured output, and reports
//                  the first seed whose stdout, stderr or exit status differs
//                  from what most schedules gave, with the command replaying it.
// Explore keeps a hash of each run's output, not the output, and re-runs the two
// seeds it compares to show where they part: memory stays at one run's output.
import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Module } from '../isa/module.js';
import { Kernel, type KernelOptions } from '../kernel/kernel.js';
import { formatSize } from '../kernel/kill.js';

/** The options of a run that change what it does (not how it is reported). */
export type RunSettings = Pick<
  KernelOptions,
  'seed' | 'sched' | 'quantum' | 'maxSteps' | 'memBytes' | 'clock' | 'uid' | 'maxProcs' | 'timeoutMs' | 'maxOutput' | 'hostFs' | 'jit'
>;

export interface RunConfig {
  readonly file: string;
  readonly guestArgs: readonly string[];
  readonly settings: RunSettings;
}

/** A word as a POSIX shell reads it back. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `ipcvm run FILE --sched random --seed 7 ... -- ARGS`: the run, replayable. */
export function replayCommand(config: RunConfig): string {
  const s = config.settings;
  const words = [
    'ipcvm', 'run', config.file,
    '--sched', s.sched,
    '--seed', String(s.seed),
    '--quantum', String(s.quantum),
    '--mem', formatSize(s.memBytes),
    '--max-steps', String(s.maxSteps),
    '--max-procs', String(s.maxProcs),
    '--clock', s.clock,
    '--uid', String(s.uid),
    '--timeout', String((s.timeoutMs ?? 0) / 1000),
    '--max-output', formatSize(s.maxOutput ?? 0),
  ];
  if (s.hostFs === false) words.push('--no-host-fs');
  if (s.jit === 'off') words.push('--no-jit');
  if (config.guestArgs.length > 0) words.push('--', ...config.guestArgs);
  return words.map(shellQuote).join(' ');
}

/** What a run gave: its status and digests of what it wrote. */
interface Outcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly bytes: number;
}

/** The guest's stdin for every run: the host's, read once (none from a terminal). */
function readAllStdin(): Uint8Array {
  if (isatty(0)) return new Uint8Array(0);
  try {
    return readFileSync(0);
  } catch {
    return new Uint8Array(0);
  }
}

/** Runs module under settings with captured streams; `keep` collects the text
 *  too (for the two runs shown side by side). */
async function runOnce(module: Module, config: RunConfig, settings: RunSettings, input: Uint8Array, keep?: string[][]): Promise<Outcome> {
  const hashes: Hash[] = [createHash('sha256'), createHash('sha256')];
  let bytes = 0;
  let inputAt = 0;
  const capture = (stream: 0 | 1) => (b: Uint8Array) => {
    hashes[stream].update(b);
    bytes += b.length;
    keep?.[stream].push(Buffer.from(b).toString('latin1'));
  };
  const kernel = new Kernel({
    ...settings,
    stats: false,
    stdout: capture(0),
    stderr: capture(1),
    stdin: (max) => {
      const chunk = input.subarray(inputAt, inputAt + max);
      inputAt += chunk.length;
      return chunk;
    },
  });
  kernel.spawn(module, [config.file, ...config.guestArgs]);
  const result = await kernel.run();
  return { status: result.status, stdout: hashes[0].digest('hex'), stderr: hashes[1].digest('hex'), bytes };
}

function key(o: Outcome): string {
  return `${o.status}:${o.stdout}:${o.stderr}`;
}

/** The first line where a and b differ, shown side by side. */
function firstDifference(name: string, a: string, b: string, seedA: number, seedB: number): string[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  const show = (lines: string[]) => (i < lines.length ? JSON.stringify(lines[i]) : '(end of output)');
  return [`  ${name} differs at line ${i + 1}:`, `    seed ${seedA}: ${show(la)}`, `    seed ${seedB}: ${show(lb)}`];
}

/** --explore K: status 0 when every schedule gave the same outcome, 1 when one
 *  differs (reported on stderr with its replay command). */
export async function exploreSchedules(module: Module, config: RunConfig, runs: number): Promise<number> {
  const log = (line: string) => process.stderr.write(`ipcvm: explore: ${line}\n`);
  const input = readAllStdin();
  const settingsFor = (seed: number): RunSettings => ({ ...config.settings, sched: 'random', seed });
  const outcomes: Outcome[] = [];
  for (let seed = 1; seed <= runs; seed++) outcomes.push(await runOnce(module, config, settingsFor(seed), input));
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(key(o), (counts.get(key(o)) ?? 0) + 1);
  const [usual, usualCount] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const usualSeed = outcomes.findIndex((o) => key(o) === usual) + 1;
  const odd = outcomes.findIndex((o) => key(o) !== usual);
  if (odd < 0) {
    log(`all ${runs} schedules (--sched random, seeds 1..${runs}) gave the same output (${outcomes[0].bytes} bytes) and status ${outcomes[0].status}`);
    return 0;
  }
  const oddSeed = odd + 1;
  log(`${usualCount} of ${runs} schedules (--sched random, seeds 1..${runs}) agree (seed ${usualSeed}: status ${outcomes[usualSeed - 1].status}); ${counts.size} different outcomes`);
  log(`seed ${oddSeed} is the first that differs (status ${outcomes[odd].status})`);
  const texts: string[][][] = [
    [[], []],
    [[], []],
  ];
  await runOnce(module, config, settingsFor(usualSeed), input, texts[0]);
  await runOnce(module, config, settingsFor(oddSeed), input, texts[1]);
  const joined = texts.map((t) => t.map((chunks) => chunks.join('')));
  const lines: string[] = [];
  if (outcomes[odd].status !== outcomes[usualSeed - 1].status) lines.push(`  exit status: seed ${usualSeed}: ${outcomes[usualSeed - 1].status}, seed ${oddSeed}: ${outcomes[odd].status}`);
  if (joined[0][0] !== joined[1][0]) lines.push(...firstDifference('stdout', joined[0][0], joined[1][0], usualSeed, oddSeed));
  if (joined[0][1] !== joined[1][1]) lines.push(...firstDifference('stderr', joined[0][1], joined[1][1], usualSeed, oddSeed));
  for (const line of lines) process.stderr.write(`ipcvm: ${line}\n`);
  log(`replay it with: ${replayCommand({ ...config, settings: settingsFor(oddSeed) })}`);
  return 1;
}
