// The compiled C library, cached on disk so that `ipcvm run` of a small program
// does not recompile lang/lib every time. One JSON file holds every library object,
// named by a sha256 over what could change them: the library sources and headers,
// the compiler's own code (compilerFingerprint), COMPILER_VERSION and the package
// version. The directories are program-cache.ts's cacheDirs. Each library
// directory has its own slot (a hash of its path), so that storing a new build
// replaces that library's stale entry and no other. A corrupt or
// unreadable entry is ignored (and rebuilt by the caller); writes go through a
// temporary file and a rename so concurrent runs never see half a file.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseObject, serializeObject, type ObjectFile } from './object.js';
import { cacheDirs, compilerFingerprint } from './program-cache.js';

/** Bump when code generation changes in a way the source hash would not show. */
export const COMPILER_VERSION = 1;

const CACHE_PREFIX = 'libc-';

// Process-wide memo of library objects already read (tests and `ipcvm sh` compile
// many programs per process).
const loaded = new Map<string, ObjectFile[]>();
const CACHE_SUFFIX = '.json';

export interface CacheInput {
  /** A stable name (path relative to the library root). */
  name: string;
  text: string;
}

/** Hex sha256 identifying one build of the library. */
export function libraryCacheKey(projectRoot: string, inputs: CacheInput[]): string {
  const hash = createHash('sha256');
  const field = (s: string): void => {
    hash.update(String(s.length));
    hash.update(':');
    hash.update(s);
  };
  field(`compiler ${COMPILER_VERSION}`);
  field(`package ${packageVersion(projectRoot)}`);
  field(compilerFingerprint());
  for (const input of [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    field(input.name);
    field(input.text);
  }
  return hash.digest('hex');
}

/** The cache slot of a library directory. */
export function librarySlot(libDir: string): string {
  return createHash('sha256').update(libDir).digest('hex').slice(0, 12);
}

/** Objects stored under key, or undefined when there are none or they are unusable. */
export function loadLibrary(projectRoot: string, slot: string, key: string): ObjectFile[] | undefined {
  const known = loaded.get(cacheFileName(slot, key));
  if (known !== undefined) return known;
  for (const dir of cacheDirs(projectRoot)) {
    let text: string;
    try {
      text = readFileSync(join(dir, cacheFileName(slot, key)), 'utf8');
    } catch {
      continue;
    }
    try {
      const stored = JSON.parse(text) as { key?: unknown; objects?: unknown };
      if (stored.key !== key || !Array.isArray(stored.objects)) continue;
      const objects = stored.objects.map((o) => parseObject(o));
      loaded.set(cacheFileName(slot, key), objects);
      return objects;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Stores objects under key in the first writable cache directory; stale entries there
 *  are removed. Failure to write is not an error: the next run simply compiles again. */
export function storeLibrary(projectRoot: string, slot: string, key: string, objects: ObjectFile[]): void {
  loaded.set(cacheFileName(slot, key), objects);
  const body = `{"key":${JSON.stringify(key)},"objects":[${objects.map(serializeObject).join(',')}]}`;
  for (const dir of cacheDirs(projectRoot)) {
    try {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, cacheFileName(slot, key));
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, body);
      renameSync(temporary, file);
      removeStaleEntries(dir, `${CACHE_PREFIX}${slot}-`, cacheFileName(slot, key));
      return;
    } catch {
      continue;
    }
  }
}

/** Hex sha256 naming one user translation unit's object: the compiler's fingerprint
 *  and the unit's preprocessed tokens with their positions (so every header it
 *  included, and every macro, is covered without tracking dependencies). */
export function unitCacheKey(projectRoot: string, file: string, tokens: readonly CacheToken[]): string {
  const hash = createHash('sha256');
  hash.update(`compiler ${COMPILER_VERSION}\u0000package ${packageVersion(projectRoot)}\u0000${compilerFingerprint()}\u0000${file}\u0000`);
  for (const t of tokens) hash.update(`${t.image}\u0001${t.file}\u0001${t.startLine}\u0001${t.startColumn}\u0000`);
  return hash.digest('hex');
}

export interface CacheToken {
  readonly image: string;
  readonly file: string;
  readonly startLine?: number;
  readonly startColumn?: number;
}

/** The object cached under key, or undefined. */
export function loadUnit(projectRoot: string, key: string): ObjectFile | undefined {
  for (const dir of cacheDirs(projectRoot)) {
    try {
      const stored = JSON.parse(readFileSync(join(dir, UNIT_DIR, `${key}${CACHE_SUFFIX}`), 'utf8')) as { key?: unknown; object?: unknown };
      if (stored.key === key) return parseObject(stored.object);
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Caches a unit's object; the directory keeps at most MAX_CACHED_UNITS entries
 *  (the oldest are removed). Failure to write is not an error. */
export function storeUnit(projectRoot: string, key: string, object: ObjectFile): void {
  const body = `{"key":${JSON.stringify(key)},"object":${serializeObject(object)}}`;
  for (const dir of cacheDirs(projectRoot)) {
    try {
      const unitDir = join(dir, UNIT_DIR);
      mkdirSync(unitDir, { recursive: true });
      const file = join(unitDir, `${key}${CACHE_SUFFIX}`);
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, body);
      renameSync(temporary, file);
      pruneUnits(unitDir);
      return;
    } catch {
      continue;
    }
  }
}

const UNIT_DIR = 'units';
const MAX_CACHED_UNITS = 256;

function pruneUnits(unitDir: string): void {
  const names = readdirSync(unitDir).filter((n) => n.endsWith(CACHE_SUFFIX));
  if (names.length <= MAX_CACHED_UNITS) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(unitDir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_CACHED_UNITS)) {
    try {
      unlinkSync(join(unitDir, n));
    } catch {
      // another process removed it first
    }
  }
}

function cacheFileName(slot: string, key: string): string {
  return `${CACHE_PREFIX}${slot}-${key}${CACHE_SUFFIX}`;
}

function removeStaleEntries(dir: string, prefix: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    if (name !== keep && name.startsWith(prefix) && name.endsWith(CACHE_SUFFIX)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // another process removed it first
      }
    }
  }
}

function packageVersion(projectRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
