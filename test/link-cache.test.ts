// The library cache: keys follow the inputs, entries round-trip, and a corrupt
// entry is ignored instead of trusted.
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryCacheKey, librarySlot, loadLibrary, storeLibrary } from '../src/compiler/cache.js';
import { generateObject } from '../src/compiler/codegen.js';
import { INT } from '../src/compiler/types.js';
import { defun, func, num, ret, unit } from './codegen-ast.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const freshRoot = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'ipcvm-cache-test-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), '{"version":"9.9.9"}');
  return root;
};
const SLOT = librarySlot('/some/lib');
const sampleObject = () => generateObject(unit([defun(func('f', INT), [], [ret(num(1))])]));

describe('library cache', () => {
  it('derives the key from every input, not from their order', () => {
    const root = freshRoot();
    const a = { name: 'lib/a.c', text: 'int a;' };
    const b = { name: 'include/b.h', text: '#define B 1' };
    const key = libraryCacheKey(root, [a, b]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(libraryCacheKey(root, [b, a])).toBe(key);
    expect(libraryCacheKey(root, [a, { ...b, text: '#define B 2' }])).not.toBe(key);
    expect(libraryCacheKey(root, [a])).not.toBe(key);
    writeFileSync(join(root, 'package.json'), '{"version":"10.0.0"}');
    expect(libraryCacheKey(root, [a, b])).not.toBe(key);
  });

  it('stores objects under node_modules/.cache/ipcvm and loads them back', () => {
    const root = freshRoot();
    const key = libraryCacheKey(root, [{ name: 'x', text: String(Math.random()) }]);
    const objects = [sampleObject()];
    storeLibrary(root, SLOT, key, objects);
    expect(readdirSync(join(root, 'node_modules', '.cache', 'ipcvm'))).toEqual([`libc-${SLOT}-${key}.json`]);
    expect(loadLibrary(root, SLOT, key)).toEqual(objects);
  });

  it('ignores corrupt or mismatched entries', () => {
    const root = freshRoot();
    const dir = join(root, 'node_modules', '.cache', 'ipcvm');
    mkdirSync(dir, { recursive: true });
    const keys = [1, 2, 3].map((i) => libraryCacheKey(root, [{ name: 'corrupt', text: `${i} ${Math.random()}` }]));
    writeFileSync(join(dir, `libc-${SLOT}-${keys[0]}.json`), '{"key":');
    writeFileSync(join(dir, `libc-${SLOT}-${keys[1]}.json`), JSON.stringify({ key: 'other', objects: [] }));
    writeFileSync(join(dir, `libc-${SLOT}-${keys[2]}.json`), JSON.stringify({ key: keys[2], objects: [{ format: 1, nonsense: true }] }));
    for (const key of keys) expect(loadLibrary(root, SLOT, key)).toBeUndefined();
  });

  it('replaces the stale entry of the same library, and only that', () => {
    const root = freshRoot();
    const other = librarySlot('/another/lib');
    const k1 = libraryCacheKey(root, [{ name: 'v', text: `1 ${Math.random()}` }]);
    const k2 = libraryCacheKey(root, [{ name: 'v', text: `2 ${Math.random()}` }]);
    storeLibrary(root, SLOT, k1, [sampleObject()]);
    storeLibrary(root, other, k1, [sampleObject()]);
    storeLibrary(root, SLOT, k2, [sampleObject()]);
    const names = readdirSync(join(root, 'node_modules', '.cache', 'ipcvm')).sort();
    expect(names).toEqual([`libc-${SLOT}-${k2}.json`, `libc-${other}-${k1}.json`].sort());
  });
});
