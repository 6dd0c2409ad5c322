// `npm run build` joins the compiled CLI (dist/src/cli/main.js and the ~100 modules
// it imports) into a few files with esbuild: loading one module instead of a hundred
// saves most of ipcvm's start-up. The compiler stays a chunk of its own, loaded only
// when a program is not in the compiled-program cache. The manifest lists every
// input with its size and mtime; bin/ipcvm.js runs the bundle only while they all
// still match, so after a plain `tsc` the modules run and nothing stale is used.
import { build } from 'esbuild';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRACING } from '../kernel/tracing-build.js';
import { bundleOptions } from './bundle-options.js';

export const BUNDLE_DIR = 'bundle';
export const MANIFEST_FILE = 'bundle-manifest.json';

/** Bundles distDir/src/cli/main.js into distDir/bundle and writes the manifest. */
export async function writeBundle(distDir: string): Promise<void> {
  const outdir = join(distDir, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  rmSync(join(distDir, MANIFEST_FILE), { force: true });
  const result = await build({
    ...bundleOptions(TRACING),
    entryPoints: [join(distDir, 'src', 'cli', 'main.js')],
    outdir,
    splitting: true,
    metafile: true,
    // Only the benchmark's tracing section loads esbuild (a development dependency).
    external: ['esbuild'],
  });
  const root = resolve(distDir, '..');
  // The tracing switch is given to esbuild as a value (bundle-options.ts), not read by it.
  const switchModule = relative(root, join(distDir, 'src', 'kernel', 'tracing-build.js'));
  const inputs = [...Object.keys(result.metafile.inputs), switchModule].map((p) => {
    const path = resolve(root, p);
    const s = statSync(path);
    return [relative(distDir, path), s.size, s.mtimeMs] as const;
  });
  writeFileSync(join(distDir, MANIFEST_FILE), JSON.stringify({ entry: `${BUNDLE_DIR}/main.js`, inputs }));
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] === here) {
  await writeBundle(resolve(dirname(here), '..', '..'));
}
