/* Every conformance program preprocesses cleanly against the shipped headers
 * (lang/include), and lang/preprocessor.c expands as gcc -E expands it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { preprocess } from '../src/compiler/preprocess.js';
import { formatDiagnostics } from '../src/compiler/diagnostics.js';

const CONFORMANCE = '/work/shared/conformance';
const INCLUDE = new URL('../lang/include', import.meta.url).pathname;

const readFile = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const run = (file: string) => preprocess(file, { includeDirs: [INCLUDE], readFile });

function programs(): string[] {
  return readdirSync(CONFORMANCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(`${CONFORMANCE}/${dir.name}`)
        .filter((name) => name.endsWith('.c'))
        .map((name) => `${CONFORMANCE}/${dir.name}/${name}`),
    );
}

describe.skipIf(!existsSync(CONFORMANCE))('conformance programs', () => {
  test('every program preprocesses without a diagnostic', () => {
    const files = programs();
    expect(files.length).toBeGreaterThan(0);
    const printed = files.map((file) => formatDiagnostics(run(file).diagnostics, readFile)).join('');
    expect(printed).toBe('');
  });

  test('lang/preprocessor.c expands as gcc -E expands it', () => {
    const result = run(`${CONFORMANCE}/lang/preprocessor.c`);
    const lines = new Map<number, string[]>();
    for (const t of result.tokens.filter((token) => token.file.endsWith('preprocessor.c'))) {
      const line = t.startLine ?? 0;
      lines.set(line, [...(lines.get(line) ?? []), t.image]);
    }
    const line = (n: number): string | undefined => lines.get(n)?.join(' ');
    // From `gcc -E -P`, re-spaced one token apart.
    expect(line(86)).toBe('printf ( "%-28s = %d\\n" , "SQUARE_BAD(1 + 2)" , 1 + 2 * 1 + 2 ) ;');
    expect(line(92)).toBe(
      'printf ( "%-28s = %d\\n" , "CALL_TWICE(SQUARE, 3)" , ( ( ( ( 3 ) * ( 3 ) ) ) * ( ( ( 3 ) * ( 3 ) ) ) ) ) ;',
    );
    expect(line(95)).toBe('printf ( "%-28s = %d\\n" , "twice(5)" , ( twice ( 5 ) + 1000 ) ) ;');
    expect(line(96)).toBe('printf ( "%-28s = %d\\n" , "(twice)(5)" , ( twice ) ( 5 ) ) ;');
    expect(line(100)).toBe('do { int tmp_ = ( x ) ; ( x ) = ( y ) ; ( y ) = tmp_ ; } while ( 0 ) ;');
    expect(line(107)).toBe(
      'printf ( "%s | %s | %s | %s\\n" , "hello" ", " "macro" , "high" , "three" , "defined in pp_config.h" ) ;',
    );
    expect(line(112)).toBe('printf ( "MAX undefined\\n" ) ;');
    expect(line(110)).toBeUndefined();
  });
});
