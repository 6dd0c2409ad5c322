// The esbuild bundle of the CLI (src/tools/bundle.ts) and how bin/ipcvm.js picks it:
// the bundle must behave exactly as the compiled modules, and the bin must fall back
// to the modules as soon as any file the bundle was made from has changed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../src/tools/bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function node(args: string[], cwd: string): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status };
}

describe('bin/ipcvm.js', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ipcvm-bin-'));
    mkdirSync(join(dir, 'bin'));
    for (const name of ['ipcvm.js', 'package.json']) copyFileSync(join(root, 'bin', name), join(dir, 'bin', name));
    mkdirSync(join(dir, 'dist', 'src', 'cli'), { recursive: true });
    mkdirSync(join(dir, 'dist', 'bundle'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const say = (what: string) => `export async function main() { console.log('${what}'); return 0; }\n`;
    writeFileSync(join(dir, 'dist', 'src', 'cli', 'main.js'), say('modules'));
    writeFileSync(join(dir, 'dist', 'bundle', 'main.js'), say('bundle'));
    const s = statSync(join(dir, 'dist', 'src', 'cli', 'main.js'));
    const manifest = { entry: 'bundle/main.js', inputs: [['src/cli/main.js', s.size, s.mtimeMs]] };
    writeFileSync(join(dir, 'dist', MANIFEST_FILE), JSON.stringify(manifest));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle while its inputs are unchanged, the modules once one changed', () => {
    expect(node(['bin/ipcvm.js'], dir).stdout).toBe('bundle\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'dist', 'src', 'cli', 'main.js'), later, later);
    expect(node(['bin/ipcvm.js'], dir).stdout).toBe('modules\n');
  });

  it('runs the modules when there is no manifest', () => {
    rmSync(join(dir, 'dist', MANIFEST_FILE));
    expect(node(['bin/ipcvm.js'], dir).stdout).toBe('modules\n');
  });
});

describe('the CLI bundle', () => {
  const manifest = join(dist, MANIFEST_FILE);
  // npm test builds the bundle after tsc; running vitest alone may leave it stale.
  const current =
    existsSync(manifest) &&
    (JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: [string, number, number][] }).inputs.every(([p, size, mtime]) => {
      const s = statSync(join(dist, p), { throwIfNoEntry: false });
      return s !== undefined && s.size === size && s.mtimeMs === mtime;
    });

  it.runIf(current)('runs programs exactly as the compiled modules do', () => {
    const viaModules = join(mkdtempSync(join(tmpdir(), 'ipcvm-modules-')), 'run.mjs');
    writeFileSync(
      viaModules,
      `const { main } = await import(${JSON.stringify(pathToFileURL(join(dist, 'src', 'cli', 'main.js')).href)});\n` +
        `process.exitCode = await main(['node', 'ipcvm', ...process.argv.slice(2)]);\n`,
    );
    try {
      for (const program of ['programs/hello.c', 'programs/labs/pipes/02_pipeline.c', 'programs/labs/signals/03_sigchld_reaping.c']) {
        const bundled = node(['bin/ipcvm.js', 'run', program], root);
        expect(bundled.status).toBe(0);
        expect(bundled.stdout).toBe(node([viaModules, 'run', program], root).stdout);
      }
    } finally {
      rmSync(dirname(viaModules), { recursive: true, force: true });
    }
  });
});
