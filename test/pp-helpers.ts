/* Shared by the preprocessor tests: an in-memory file system and short ways to
 * look at what the preprocessor produced. */
import { preprocess, type PreprocessResult } from '../src/compiler/preprocess.js';
import { formatDiagnostics } from '../src/compiler/diagnostics.js';
import { lexSource } from '../src/compiler/lexer.js';

export type Files = Record<string, string>;

export function run(files: Files, main = 'main.c', includeDirs = ['/inc'], defines?: Record<string, string>): PreprocessResult {
  return preprocess(main, { includeDirs, readFile: (path) => files[path], defines });
}

/** The output token spellings joined by single spaces. */
export function text(result: PreprocessResult): string {
  return result.tokens.map((t) => t.image).join(' ');
}

/** Preprocesses `source` as main.c and returns the spelled tokens; fails on any diagnostic. */
export function expand(source: string, files: Files = {}): string {
  const result = run({ ...files, 'main.c': source });
  if (result.diagnostics.length > 0) throw new Error(printed(result, { ...files, 'main.c': source }));
  return text(result);
}

/** What gcc printed, re-spelled with single spaces between tokens, so layout does not matter. */
export function spaced(gccOutput: string): string {
  return lexSource('gcc', gccOutput).map((t) => t.image).join(' ');
}

/** The diagnostics as they would be printed. */
export function printed(result: PreprocessResult, files: Files): string {
  return formatDiagnostics(result.diagnostics, (path) => files[path]);
}

/** Preprocesses `source` as main.c and returns the printed diagnostics. */
export function diagnose(source: string, files: Files = {}): string {
  const all = { ...files, 'main.c': source };
  return printed(run(all), all);
}
