// The two builds the tracing-overhead section times against each other: the VM and
// kernel (dist/bench/vm-run.js and everything it imports) bundled with the CLI
// bundle's options (src/tools/bundle-options.ts), once as they ship ('with': the
// hooks compiled in) and once with TRACING defined false ('without'): every hook
// site is then dead code, which esbuild drops. Nothing else differs.
// esbuild is a development dependency, so it is loaded only here, on demand.
import { join } from 'node:path';
import { bundleOptions } from '../src/tools/bundle-options.js';

export type TracingVariant = 'with' | 'without';

export const TRACING_VARIANTS: readonly TracingVariant[] = ['with', 'without'];

/** Bundles entry (a build of bench/vm-run) into outDir as with.js and without.js and
 *  returns their paths. Throws when esbuild is not installed, or when the entry does
 *  not import the tracing switch (the two files would be the same program). */
export async function buildTracingBundles(entry: string, outDir: string): Promise<Record<TracingVariant, string>> {
  const { build } = await import('esbuild');
  const files: Record<TracingVariant, string> = { with: join(outDir, 'with.js'), without: join(outDir, 'without.js') };
  for (const variant of TRACING_VARIANTS) await build({ ...bundleOptions(variant === 'with'), entryPoints: [entry], outfile: files[variant] });
  return files;
}
