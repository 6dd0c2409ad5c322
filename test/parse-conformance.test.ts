// Every conformance program (/work/shared/conformance/*/*.c, or the copy named by
// IPCVM_CONFORMANCE) and every C library source (lang/lib/*.c), preprocessed with
// the real headers of lang/include, parses and type-checks without a single
// diagnostic. A file whose headers are missing is skipped with a note, so that an
// incomplete lang/include shows up as skips rather than parser failures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, formatDiagnostics } from '../src/compiler/diagnostics.js';
import { parseTranslationUnit } from '../src/compiler/parser.js';
import { preprocess } from '../src/compiler/preprocess.js';

const root = resolve(import.meta.dirname, '..');
const include = join(root, 'lang', 'include');
const conformance = process.env.IPCVM_CONFORMANCE ?? '/work/shared/conformance';

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function sources(dir: string, nested: boolean): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && nested) files.push(...sources(path, false));
    else if (entry.isFile() && entry.name.endsWith('.c')) files.push(path);
  }
  return files.sort();
}

function check(file: string, skip: (note: string) => void): void {
  const pp = preprocess(file, { includeDirs: [include], readFile });
  const missing = pp.diagnostics.find((d) => d.severity === 'fatal error');
  if (missing !== undefined) {
    skip(`skipped: lang/include is incomplete (${missing.message})`);
    return;
  }
  const diags = new DiagnosticBag();
  for (const d of pp.diagnostics) diags.add(d);
  const unit = parseTranslationUnit(pp.tokens, file, diags);
  expect(formatDiagnostics(diags.items, readFile)).toBe('');
  expect(unit.functions.length).toBeGreaterThan(0);
}

describe('conformance programs parse cleanly', () => {
  const files = sources(conformance, true);
  it.skipIf(files.length > 0)('conformance suite not found (set IPCVM_CONFORMANCE)', () => {});
  for (const file of files) {
    it(file.slice(conformance.length + 1), (ctx) => check(file, (note) => ctx.skip(note)));
  }
});

describe('the C library parses cleanly', () => {
  for (const file of sources(join(root, 'lang', 'lib'), false)) {
    it(file.slice(root.length + 1), (ctx) => check(file, (note) => ctx.skip(note)));
  }
});
