// The whole-program cache behind `ipcvm run prog.c` (src/compiler/program-cache.ts,
// src/cli/load.ts): a hit skips the compiler, and anything the compile read —
// the program, its headers, a header that would now shadow another — or the
// compiler itself invalidates the entry; damaged entries are ignored; warnings
// print on every run.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeModule } from '../src/isa/ipx.js';
import { loadProgram, ProgramError } from '../src/cli/load.js';
import { MAX_PROGRAMS, ProgramCache } from '../src/compiler/program-cache.js';

const compiles = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/compiler/driver.js', async (importOriginal) => {
  const driver = await importOriginal<typeof import('../src/compiler/driver.js')>();
  return {
    ...driver,
    compileProgram: (...args: Parameters<typeof driver.compileProgram>) => {
      compiles.count++;
      return driver.compileProgram(...args);
    },
  };
});

let dir: string;
let cacheDir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipcvm-startup-'));
  cacheDir = join(dir, 'cache');
  compiles.count = 0;
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const load = (file: string) => loadProgram(file, { dirs: [cacheDir] });

const PROGRAM = '#include <stdio.h>\n#include "defs.h"\nint main(void) { printf("%d\\n", VALUE); return 0; }\n';

describe('whole-program cache', () => {
  it('compiles once, then serves the same module without the compiler', async () => {
    write('defs.h', '#define VALUE 1\n');
    const main = write('main.c', PROGRAM);
    const first = await load(main);
    const second = await load(main);
    expect(compiles.count).toBe(1);
    expect(encodeModule(second)).toEqual(encodeModule(first));
  });

  it('recompiles when an included header changes, and not when it is rewritten unchanged', async () => {
    const header = write('defs.h', '#define VALUE 1\n');
    const main = write('main.c', PROGRAM);
    const one = await load(main);
    writeFileSync(header, '#define VALUE 2\n');
    const two = await load(main);
    expect(compiles.count).toBe(2);
    expect(encodeModule(two)).not.toEqual(encodeModule(one));
    writeFileSync(header, '#define VALUE 2\n');
    await load(main);
    expect(compiles.count).toBe(2);
  });

  it('recompiles when the program changes', async () => {
    write('defs.h', '#define VALUE 1\n');
    const main = write('main.c', PROGRAM);
    await load(main);
    writeFileSync(main, PROGRAM.replace('VALUE', 'VALUE + 1'));
    await load(main);
    expect(compiles.count).toBe(2);
  });

  it('recompiles when a new file would be found first by an #include', async () => {
    const main = write('main.c', '#include "stdio.h"\nint main(void) { return 0; }\n');
    await load(main);
    await load(main);
    expect(compiles.count).toBe(1);
    write('stdio.h', 'int puts(const char *s);\n'); // now shadows lang/include/stdio.h
    await load(main);
    expect(compiles.count).toBe(2);
  });

  it('ignores a damaged or truncated entry', async () => {
    write('defs.h', '#define VALUE 1\n');
    const main = write('main.c', PROGRAM);
    const good = encodeModule(await load(main));
    const entry = join(cacheDir, 'programs', readdirSync(join(cacheDir, 'programs'))[0]);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 5] ^= 0xff;
    writeFileSync(entry, bytes);
    expect(encodeModule(await load(main))).toEqual(good);
    expect(compiles.count).toBe(2);
    writeFileSync(entry, bytes.subarray(0, bytes.length >> 1));
    expect(encodeModule(await load(main))).toEqual(good);
    expect(compiles.count).toBe(3);
    await load(main); // rewritten whole by the last compile
    expect(compiles.count).toBe(3);
  });

  it('prints a program\'s warnings on every run, cached or not', async () => {
    const main = write('warn.c', '#warning careful\nint main(void) { return 0; }\n');
    await load(main);
    const firstRun = stderr;
    stderr = '';
    await load(main);
    expect(compiles.count).toBe(1);
    expect(firstRun).toContain('warning: #warning careful');
    expect(stderr).toBe(firstRun);
  });

  it('does not cache a program that fails to compile', async () => {
    const main = write('bad.c', 'int main(void) { return undeclared; }\n');
    await expect(load(main)).rejects.toBeInstanceOf(ProgramError);
    const firstRun = stderr;
    await expect(load(main)).rejects.toBeInstanceOf(ProgramError);
    expect(compiles.count).toBe(2);
    expect(firstRun).toContain('undeclared');
  });

  it('never serves a module stored by another compiler build', () => {
    const main = write('main.c', 'int main(void) { return 0; }\n');
    const stored = new ProgramCache(main, { dirs: [cacheDir], fingerprint: 'build A' });
    stored.readFile(main);
    stored.store(new Uint8Array([1, 2, 3]), '');
    expect(new ProgramCache(main, { dirs: [cacheDir], fingerprint: 'build B' }).lookup()).toBeUndefined();
    const hit = new ProgramCache(main, { dirs: [cacheDir], fingerprint: 'build A' }).lookup();
    expect([...(hit?.module ?? [])]).toEqual([1, 2, 3]);
  });

  it('keeps at most MAX_PROGRAMS entries', () => {
    for (let i = 0; i < MAX_PROGRAMS + 5; i++) {
      new ProgramCache(join(dir, `p${i}.c`), { dirs: [cacheDir], fingerprint: 'f' }).store(new Uint8Array([i]), '');
    }
    expect(readdirSync(join(cacheDir, 'programs')).length).toBe(MAX_PROGRAMS);
  });

  it('neither reads nor writes a cache directory anyone may write to', async () => {
    if (process.getuid === undefined) return;
    mkdirSync(cacheDir);
    chmodSync(cacheDir, 0o777);
    const main = write('main.c', 'int main(void) { return 0; }\n');
    await load(main);
    await load(main);
    expect(compiles.count).toBe(2);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
