// One program of the tracing-overhead section, run by tracing-overhead.ts as
// `node --single-threaded tracing-child.js SPEC` so that V8 compiles and collects
// garbage on this thread at points the program decides, and the process's CPU time
// is the VM's: on a shared machine that is steadier than wall time. Each build is
// loaded twice (another URL is another instance) in the order A B B A, where A is
// the build the parent names first. Warm-up rounds, then rounds of A1 B1 A2 B2,
// every other round B1 A1 B2 A2. Instances of the same code do not run equally fast
// (the first one loaded ran fib up to 10% faster than the others), and which one
// is favoured depends only on the order, so the parent runs a second process with
// the other build first and averages the two. Every run's output must equal that
// of the unbundled kernel. Prints the samples (TracingSamples) as JSON on stdout.
import { pathToFileURL } from 'node:url';
import { checkRun, checkSelf, opsFrom } from './measure.js';
import type { TracingVariant } from './tracing-bundles.js';
import { compileForVm } from './vm.js';
import { cpuMs, runInVm } from './vm-run.js';

/** What the parent asks for (argv[2], JSON). */
export interface TracingChildSpec {
  files: Record<TracingVariant, string>;
  /** the benchmark program's source */
  source: string;
  argv: string[];
  memBytes?: number;
  /** the build loaded first (and run first in even rounds) */
  first: TracingVariant;
  warmups: number;
  rounds: number;
}

/** CPU ns per op of every timed run of each build, and per round the two with-runs'
 *  total over the two without-runs' (a ratio that slow phases of the machine and
 *  drift affect little, since they last longer than a round). */
export type TracingSamples = Record<TracingVariant, number[]> & { ratios: number[] };

type RunInVm = typeof runInVm;

async function load(file: string, copy: number): Promise<RunInVm> {
  return ((await import(`${pathToFileURL(file).href}?copy=${copy}`)) as { runInVm: RunInVm }).runInVm;
}

async function main(spec: TracingChildSpec): Promise<TracingSamples> {
  const second: TracingVariant = spec.first === 'with' ? 'without' : 'with';
  const first1 = await load(spec.files[spec.first], 1);
  const second1 = await load(spec.files[second], 1);
  const second2 = await load(spec.files[second], 2);
  const first2 = await load(spec.files[spec.first], 2);
  const module = compileForVm(spec.source);
  const reference = await runInVm(module, spec.argv, spec.memBytes);
  checkSelf(reference);
  const ops = opsFrom(reference.stdout);
  const time = async (run: RunInVm): Promise<number> => {
    const r = await run(module, spec.argv, spec.memBytes, cpuMs);
    checkRun(r, reference.stdout);
    return (r.ms * 1e6) / ops;
  };
  const samples: TracingSamples = { with: [], without: [], ratios: [] };
  for (let round = 0; round < spec.warmups + spec.rounds; round++) {
    const ns: Record<TracingVariant, number[]> = { with: [], without: [] };
    for (const [a, b] of [[first1, second1], [first2, second2]]) {
      if (round % 2 === 0) {
        ns[spec.first].push(await time(a));
        ns[second].push(await time(b));
      } else {
        ns[second].push(await time(b));
        ns[spec.first].push(await time(a));
      }
    }
    if (round < spec.warmups) continue;
    samples.with.push(...ns.with);
    samples.without.push(...ns.without);
    samples.ratios.push((ns.with[0] + ns.with[1]) / (ns.without[0] + ns.without[1]));
  }
  return samples;
}

main(JSON.parse(process.argv[2]) as TracingChildSpec).then(
  (samples) => process.stdout.write(JSON.stringify(samples)),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
