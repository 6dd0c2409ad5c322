// The compiler driver, what `ipcvm run/build` call: preprocess, parse and generate
// code for each of the user's files, add the C library (lang/lib, compiled once and
// cached, cache.ts), link, verify, and hand back a Module or diagnostics printed as
// gcc and ld print them. It never throws for bad input; an exception from any stage
// is a bug of ours, reported as "ipcvm: internal compiler error: ...".

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Module } from '../isa/module.js';
import { verifyModule } from '../isa/verify.js';
import { libraryCacheKey, librarySlot, loadLibrary, loadUnit, storeLibrary, storeUnit, unitCacheKey, type CacheInput } from './cache.js';
import { CodegenError, generateObject } from './codegen.js';
import { CompileError, DiagnosticBag, formatDiagnostics, isError, type Diagnostic } from './diagnostics.js';
import { link, type LinkError } from './link.js';
import type { ObjectFile } from './object.js';
import { parseTranslationUnit } from './parser.js';
import { preprocess } from './preprocess.js';
import { findProjectRoot } from './program-cache.js';

export { findProjectRoot };

export interface CompileOptions {
  /** Extra directories for `#include`, searched before the system headers. */
  includeDirs?: string[];
  /** The C library sources (default: lang/lib). */
  libDir?: string;
  /** -D NAME=VALUE for the user's files. */
  defines?: Record<string, string>;
  /** Reads the user's files and headers (default: the host file system). */
  readFile?: (path: string) => string | undefined;
}

export interface CompileResult {
  module?: Module;
  diagnostics: Diagnostic[];
  /** Formatted text ready to print (warnings too, when the compile succeeded). */
  text: string;
}

export function compileProgram(files: string[], options: CompileOptions = {}): CompileResult {
  const readDisk = (path: string): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  // A compile with its own view of files (a guest's, through the kernel) still
  // finds the system headers on the host's disk, and nothing else there.
  const guestRead = options.readFile;
  const readAny = guestRead === undefined ? readDisk : (path: string) => guestRead(path) ?? (isSystemHeader(path) ? readDisk(path) : undefined);
  try {
    return compile(files, options, readAny, readDisk);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const d: Diagnostic = { severity: 'error', file: 'ipcvm', line: 0, column: 0, message: `internal compiler error: ${message}` };
    return { diagnostics: [d], text: `ipcvm: internal compiler error: ${message}\n` };
  }
}

/** A header of lang/include, the system headers every compile may read. */
function isSystemHeader(path: string): boolean {
  return resolve(path).startsWith(join(findProjectRoot(), 'lang', 'include') + sep);
}

function compile(
  files: string[],
  options: CompileOptions,
  read: (path: string) => string | undefined,
  readDisk: (path: string) => string | undefined,
): CompileResult {
  const root = findProjectRoot();
  const systemInclude = join(root, 'lang', 'include');
  const includeDirs = [...(options.includeDirs ?? []), systemInclude];
  const diagnostics: Diagnostic[] = [];
  const userObjects: ObjectFile[] = [];
  if (files.length === 0) {
    const d: Diagnostic = { severity: 'fatal error', file: 'ipcvm', line: 0, column: 0, message: 'no input files' };
    return { diagnostics: [d], text: 'ipcvm: fatal error: no input files\ncompilation terminated.\n' };
  }
  for (const file of files) {
    const result = compileUnit(file, includeDirs, read, options.defines, root);
    diagnostics.push(...result.diagnostics);
    if (result.object) userObjects.push(result.object);
  }
  if (diagnostics.some(isError)) return { diagnostics, text: formatDiagnostics(diagnostics, read) };
  const libDir = options.libDir ?? join(root, 'lang', 'lib');
  const library = libraryObjects(root, libDir, systemInclude, readDisk);
  diagnostics.push(...library.diagnostics);
  if (library.objects === undefined) return { diagnostics, text: formatDiagnostics(diagnostics, readDisk) };
  const linked = link(userObjects, library.objects);
  if (linked.module === undefined) {
    const linkDiagnostics = linked.errors.map(linkDiagnostic);
    return {
      diagnostics: [...diagnostics, ...linkDiagnostics],
      text: formatDiagnostics(diagnostics, read) + formatLinkErrors(linked.errors),
    };
  }
  verifyModule(linked.module);
  return { module: linked.module, diagnostics, text: formatDiagnostics(diagnostics, read) };
}

/** One translation unit to an object, or the diagnostics saying why not. With a
 *  project root, a unit that compiles without any diagnostic is cached by its
 *  preprocessed tokens (building the parser dominates a small program's start-up). */
function compileUnit(
  file: string,
  includeDirs: string[],
  readFile: (path: string) => string | undefined,
  defines: Record<string, string> | undefined,
  cacheRoot?: string,
): { object?: ObjectFile; diagnostics: Diagnostic[] } {
  const bag = new DiagnosticBag();
  try {
    const pp = preprocess(file, { includeDirs, readFile, ...(defines ? { defines } : {}) });
    pp.diagnostics.forEach((d) => bag.add(d));
    if (pp.diagnostics.some((d) => d.severity === 'fatal error')) return { diagnostics: bag.items };
    const key = cacheRoot !== undefined && pp.diagnostics.length === 0 ? unitCacheKey(cacheRoot, file, pp.tokens) : undefined;
    const cached = key !== undefined && cacheRoot !== undefined ? loadUnit(cacheRoot, key) : undefined;
    if (cached !== undefined) return { object: cached, diagnostics: [] };
    const unit = parseTranslationUnit(pp.tokens, file, bag);
    if (bag.hasErrors) return { diagnostics: bag.items };
    const object = generateObject(unit);
    if (key !== undefined && cacheRoot !== undefined && bag.items.length === 0) storeUnit(cacheRoot, key, object);
    return { object, diagnostics: bag.items };
  } catch (e) {
    if (e instanceof CodegenError) {
      bag.error({ file: e.loc.file, line: e.loc.line, column: e.loc.col }, e.message);
      return { diagnostics: bag.items };
    }
    if (e instanceof CompileError) {
      e.diagnostics.forEach((d) => bag.add(d));
      return { diagnostics: bag.items };
    }
    throw e;
  }
}

/** The library objects, from the cache or compiled now (and then cached). */
function libraryObjects(
  root: string,
  libDir: string,
  includeDir: string,
  readDisk: (path: string) => string | undefined,
): { objects?: ObjectFile[]; diagnostics: Diagnostic[] } {
  const sources = listFiles(libDir, (n) => n.endsWith('.c'));
  const inputs: CacheInput[] = [
    // Absolute paths end up in the objects' line tables, so they are part of the key.
    { name: 'paths', text: `${libDir}\n${includeDir}` },
    ...listFiles(libDir, (n) => n.endsWith('.c') || n.endsWith('.h')).map((p) => ({ name: `lib/${relative(libDir, p)}`, text: readDisk(p) ?? '' })),
    ...listFiles(includeDir, (n) => n.endsWith('.h')).map((p) => ({ name: `include/${relative(includeDir, p)}`, text: readDisk(p) ?? '' })),
  ];
  const key = libraryCacheKey(root, inputs);
  const slot = librarySlot(libDir);
  const cached = loadLibrary(root, slot, key);
  if (cached !== undefined) return { objects: cached, diagnostics: [] };
  const objects: ObjectFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of sources) {
    const result = compileUnit(file, [includeDir], readDisk, undefined);
    diagnostics.push(...result.diagnostics.filter(isError));
    if (result.object) objects.push(result.object);
  }
  if (diagnostics.length > 0) return { diagnostics };
  storeLibrary(root, slot, key, objects);
  return { objects, diagnostics };
}

/** Files under dir (recursively) whose name passes the filter, sorted; none if dir is missing. */
function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out.sort();
}

function linkDiagnostic(e: LinkError): Diagnostic {
  return { severity: 'error', file: e.file ?? 'ld', line: e.line ?? 0, column: 0, message: e.message };
}

/** As ld and collect2 print them: an "in function" header, then file:line: message. */
function formatLinkErrors(errors: LinkError[]): string {
  let out = '';
  let lastHeader = '';
  for (const e of errors) {
    if (e.inFunction !== undefined && e.file !== undefined) {
      const header = `ld: ${e.file}: in function \`${e.inFunction}':\n`;
      if (header !== lastHeader) out += header;
      lastHeader = header;
      out += `${e.file}:${e.line ?? 0}: ${e.message}\n`;
    } else {
      lastHeader = '';
      out += e.file !== undefined ? `ld: ${e.file}:${e.line ?? 0}: ${e.message}\n` : `ld: ${e.message}\n`;
    }
  }
  return `${out}collect2: error: ld returned 1 exit status\n`;
}
