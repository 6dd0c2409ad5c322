// One program of the tracing-overhead section, run by tracing-overhead.ts as
// `node --single-threaded tracing-child.js SPEC` so that V8 compiles and collects
// garbage on this thread at points the program decides, and the process's CPU time
// is the VM's: on a shared machine that is steadier than wall time. Both builds are
// loaded twice (with, without, without, with: another URL is another instance), so
// neither the first-loaded nor any one copy's luck with V8's optimisations decides
// the figure. Warm-up runs, then rounds that run the four copies, the order
// reversed every other round. Every run's output must equal that of the unbundled
// kernel. Prints the samples (TracingSamples) as JSON on stdout.
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
  const copies: [TracingVariant, RunInVm][] = [
    ['with', await load(spec.files.with, 1)],
    ['without', await load(spec.files.without, 1)],
    ['without', await load(spec.files.without, 2)],
    ['with', await load(spec.files.with, 2)],
  ];
  const module = compileForVm(spec.source);
  const reference = await runInVm(module, spec.argv, spec.memBytes);
  checkSelf(reference);
  const ops = opsFrom(reference.stdout);
  const samples: TracingSamples = { with: [], without: [], ratios: [] };
  const reversed = [...copies].reverse();
  for (let round = 0; round < spec.warmups + spec.rounds; round++) {
    const total = { with: 0, without: 0 };
    for (const [variant, run] of round % 2 === 0 ? copies : reversed) {
      const r = await run(module, spec.argv, spec.memBytes, cpuMs);
      checkRun(r, reference.stdout);
      const ns = (r.ms * 1e6) / ops;
      total[variant] += ns;
      if (round >= spec.warmups) samples[variant].push(ns);
    }
    if (round >= spec.warmups) samples.ratios.push(total.with / total.without);
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
