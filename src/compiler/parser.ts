// The parser's entry point: tokens from the preprocessor in, the typed AST out.
// The chevrotain grammar (parse-*.ts) builds a syntax tree and reports syntax
// errors; when there are none, semantic analysis (sema-*.ts) resolves names,
// computes types, checks them and produces the TranslationUnit of ast.ts.
// Semantic analysis is skipped after a syntax error: the dropped pieces would
// only cause misleading follow-up errors.

import { EOF, type IRecognitionException, type IToken } from './chevrotain.js';
import type { TranslationUnit } from './ast.js';
import type { Diagnostic, DiagnosticBag, SourceLocation } from './diagnostics.js';
import { CompileError, makeDiagnostic } from './diagnostics.js';
import type { CToken } from './lexer.js';
import { tokenLocation } from './lexer.js';
import { describeToken, missingClosingMessages } from './parse-errors.js';
import { CParser } from './parse-unit.js';
import type { SynTranslationUnit } from './parse-tree.js';
import { analyzeTranslationUnit } from './sema-unit.js';
import * as T from './tokens.js';

let sharedParser: CParser | undefined;

/** Building the grammar is costly (chevrotain analyses it), so one parser serves every parse. */
function grammar(): CParser {
  sharedParser ??= new CParser();
  return sharedParser;
}

/** Tokens the preprocessor has already reported and gcc drops (a stray `@`, an unclosed quote). */
function isDroppedToken(token: CToken): boolean {
  const type = token.tokenType;
  return type === T.Stray || type === T.UnterminatedLiteral || type === T.UnterminatedComment;
}

/** Parses one translation unit; reports syntax and semantic errors to `diags`. Throws a
 *  CompileError only for a program nested too deeply for the recursive parser. */
export function parseTranslationUnit(tokens: CToken[], file: string, diags: DiagnosticBag): TranslationUnit {
  const syntax = parseSyntax(tokens, diags);
  if (syntax === undefined) return { file, functions: [], globals: [], externs: [] };
  try {
    return analyzeTranslationUnit(syntax, file, diags);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(tokens[0], file);
    throw e;
  }
}

/** The fatal error for a stack overflow: parentheses, blocks or operators nested beyond our recursion. */
function tooDeep(near: CToken | undefined, file: string): CompileError {
  const at: SourceLocation = near === undefined ? { file, line: 1, column: 0 } : tokenLocation(near);
  return new CompileError([makeDiagnostic('fatal error', at, 'program nested too deeply (expressions, declarators or blocks)')]);
}

/** The syntax tree, or undefined after syntax errors (reported to `diags`). */
export function parseSyntax(tokens: CToken[], diags: DiagnosticBag): SynTranslationUnit | undefined {
  const input = tokens.filter((t) => !isDroppedToken(t));
  const parser = grammar();
  parser.resetState(input);
  let unit: SynTranslationUnit;
  try {
    unit = parser.translationUnit();
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(parser.tokenAt(1), input[0]?.file ?? '');
    throw e;
  }
  if (parser.errors.length === 0 && parser.grammarErrors.length === 0) return unit;
  const found: { index: number; diagnostic: Diagnostic }[] = [];
  const indexOf = new Map<IToken, number>(input.map((t, i) => [t, i]));
  const place = (token: IToken): number => indexOf.get(token) ?? input.length;
  for (const error of parser.errors) {
    found.push({ index: place(error.token), diagnostic: recognitionDiagnostic(error, input) });
  }
  for (const error of parser.grammarErrors) {
    const at = locationOf(error.token, input);
    found.push({ index: place(error.token), diagnostic: makeDiagnostic('error', at, error.message) });
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  for (const { diagnostic: d } of found) {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diags.add(d);
  }
  return undefined;
}

function recognitionDiagnostic(error: IRecognitionException, input: CToken[]): Diagnostic {
  const token = error.token;
  const message = `${error.message} ${describeToken(token)}`;
  const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
  if (missingClosingMessages.has(error.message) && previous !== undefined && previous.tokenType !== EOF && previous.startLine !== undefined) {
    const prev = previous as CToken;
    const after: SourceLocation = { file: prev.file, line: prev.endLine ?? prev.startLine ?? 0, column: (prev.endColumn ?? 0) + 1 };
    if (prev.includedFrom !== undefined) after.includedFrom = prev.includedFrom;
    return makeDiagnostic('error', after, message);
  }
  return makeDiagnostic('error', locationOf(token, input), message);
}

/** A token's location; the end of input is reported at the first token of the last line, as gcc does. */
function locationOf(token: IToken, input: CToken[]): SourceLocation {
  if (token.tokenType !== EOF) return tokenLocation(token as CToken);
  const last = input[input.length - 1];
  if (last === undefined) return { file: '', line: 1, column: 1 };
  let first = input.length - 1;
  while (first > 0 && input[first - 1].file === last.file && input[first - 1].startLine === last.startLine) first--;
  return tokenLocation(input[first]);
}
