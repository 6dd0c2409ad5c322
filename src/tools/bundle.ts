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

export const BUNDLE_DIR = 'bundle';
export const MANIFEST_FILE = 'bundle-manifest.json';

/** Bundles distDir/src/cli/main.js into distDir/bundle and writes the manifest. */
export async function writeBundle(distDir: string): Promise<void> {
  const outdir = join(distDir, BUNDLE_DIR);
  rmSync(outdir, { recursive: true, force: true });
  rmSync(join(distDir, MANIFEST_FILE), { force: true });
  const result = await build({
    entryPoints: [join(distDir, 'src', 'cli', 'main.js')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    // commander is CommonJS: give its require() calls of Node's modules a real require.
    banner: { js: "import { createRequire as __ipcvmCreateRequire } from 'node:module'; const require = __ipcvmCreateRequire(import.meta.url);" },
  });
  const root = resolve(distDir, '..');
  const inputs = Object.keys(result.metafile.inputs).map((p) => {
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
