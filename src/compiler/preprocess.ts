/* The C preprocessor: turns a source file into the token list the parser reads.
 *
 * Input is a stack of frames: one per file being read (an `#include` pushes the
 * next) and, above them, the tokens macro expansion pushed back for rescanning.
 * Directives are recognised while reading a file frame (a `#` starting a
 * logical line), so they also work between the lines of a macro's arguments,
 * as in gcc; tokens of a group excluded by `#if` are skipped there too.
 * Conditionals may not span files: each file frame remembers how deep the
 * conditional stack was when it started. Diagnostics use gcc's wording; a
 * missing header is a fatal error that ends preprocessing. */
import { posix } from 'node:path';
import type { CToken } from './lexer.js';
import { lexSource, locationAfter, tokenLocation } from './lexer.js';
import { DiagnosticBag, makeDiagnostic, type Diagnostic, type IncludeSite } from './diagnostics.js';
import { MacroExpander, type Macro, type TokenStream } from './pp-macros.js';
import { defineMacro, initialMacros, macroName } from './pp-define.js';
import { badNumberMessage, evaluateIfLine } from './pp-expr.js';
import {
  CharLiteral, Greater, Hash, IntegerLiteral, Less, PPNumber, Stray, StringLiteral, UnterminatedComment,
  UnterminatedLiteral,
} from './tokens.js';

export type { CToken, MacroOrigin } from './lexer.js';

export interface PreprocessOptions {
  /** Directories searched for `#include <...>`, and after the including file's directory for `"..."`. */
  includeDirs: string[];
  readFile: (path: string) => string | undefined;
  /** Extra object-like macros, as `-D NAME=VALUE` would give (an empty value means 1). */
  defines?: Record<string, string>;
}

export interface PreprocessResult {
  tokens: CToken[];
  diagnostics: Diagnostic[];
}

/** gcc's default `-fmax-include-depth`. */
const MAX_INCLUDE_DEPTH = 200;

interface FileFrame {
  kind: 'file';
  path: string;
  tokens: CToken[];
  pos: number;
  /** Conditional stack depth when this file started. */
  condBase: number;
  /** `#line` adjustments: presumed line = real line + lineDelta. */
  lineDelta: number;
  presumedFile: string;
  includedFrom?: IncludeSite;
}

interface MacroFrame {
  kind: 'macro';
  tokens: CToken[];
  pos: number;
}

/** One open `#if` group. */
interface Conditional {
  /** The directive that opened or last continued it, for "unterminated #if" and "began here". */
  opener: CToken;
  directive: string;
  /** Tokens of the current group reach the output. */
  active: boolean;
  /** A group of this conditional has already been taken (or the enclosing group is skipped). */
  decided: boolean;
  sawElse: boolean;
}

/** Preprocesses `file` and everything it includes. Never throws for bad input. */
export function preprocess(file: string, options: PreprocessOptions): PreprocessResult {
  return new Preprocessor(options).run(file);
}

class Preprocessor implements TokenStream {
  private readonly diags = new DiagnosticBag();
  private readonly macros: Map<string, Macro>;
  private readonly expander: MacroExpander;
  private readonly frames: (FileFrame | MacroFrame)[] = [];
  private readonly conditionals: Conditional[] = [];
  private readonly onceFiles = new Set<string>();
  private fileDepth = 0;
  private fatalSeen = false;

  constructor(private readonly options: PreprocessOptions) {
    this.macros = initialMacros(options.defines);
    this.expander = new MacroExpander(this.macros, this.diags, (text) => this.pragma(text.trim().split(/\s+/)));
  }

  /** A fatal error (missing header, a limit hit) ends preprocessing. */
  private get stopped(): boolean {
    return this.fatalSeen || this.expander.limitReached;
  }

  run(file: string): PreprocessResult {
    const output: CToken[] = [];
    const text = this.options.readFile(file);
    if (text === undefined) {
      this.diags.fatal({ file: 'ipcvm', line: 0, column: 0 }, `${file}: No such file or directory`);
    } else {
      this.pushFile(file, text, undefined);
    }
    while (!this.stopped && this.frames.length > 0) {
      const token = this.expander.expandNext(this);
      if (token !== undefined) this.emit(token, output);
      else if (!this.stopped) this.endFile();
    }
    return { tokens: output, diagnostics: this.diags.items };
  }

  // ---- the token stream -------------------------------------------------------

  next(): CToken | undefined {
    for (;;) {
      const top = this.frames[this.frames.length - 1];
      if (top === undefined || this.stopped) return undefined;
      if (top.kind === 'macro') {
        if (top.pos < top.tokens.length) return top.tokens[top.pos++];
        this.frames.pop();
        continue;
      }
      const token = top.tokens[top.pos];
      if (token === undefined) return undefined;
      if (token.tokenType === UnterminatedComment) {
        top.pos++;
        this.diags.error({ ...tokenLocation(this.presumed(top, token)), endColumn: undefined }, 'unterminated comment');
        continue;
      }
      if (token.lineStart && token.tokenType === Hash) {
        this.directive(top);
        continue;
      }
      top.pos++;
      if (!this.skipping()) return this.presumed(top, token);
      if (token.tokenType === UnterminatedLiteral) this.warnUnterminated(token);
    }
  }

  unread(tokens: CToken[]): void {
    if (tokens.length > 0) this.frames.push({ kind: 'macro', tokens, pos: 0 });
  }

  private skipping(): boolean {
    const top = this.conditionals[this.conditionals.length - 1];
    return top !== undefined && !top.active;
  }

  /** Applies `#line`: the token as the rest of the world should see it. */
  private presumed(frame: FileFrame, token: CToken): CToken {
    if (frame.lineDelta === 0 && frame.presumedFile === frame.path) return token;
    const line = (token.startLine ?? 0) + frame.lineDelta;
    return { ...token, file: frame.presumedFile, startLine: line, endLine: line };
  }

  private pushFile(path: string, text: string, includedFrom: IncludeSite | undefined): void {
    const frame: FileFrame = {
      kind: 'file', path, tokens: lexSource(path, text, includedFrom), pos: 0, condBase: this.conditionals.length,
      lineDelta: 0, presumedFile: path,
    };
    if (includedFrom !== undefined) frame.includedFrom = includedFrom;
    this.frames.push(frame);
    this.fileDepth++;
  }

  private endFile(): void {
    const frame = this.frames.pop();
    if (frame === undefined || frame.kind !== 'file') throw new Error('endFile: top frame is not a file');
    this.fileDepth--;
    while (this.conditionals.length > frame.condBase) {
      const open = this.conditionals.pop() as Conditional;
      this.diags.error({ ...tokenLocation(open.opener), column: 0 }, `unterminated #${open.directive}`);
    }
  }

  private emit(token: CToken, output: CToken[]): void {
    switch (token.tokenType) {
      case PPNumber:
        this.diags.error(tokenLocation(token), badNumberMessage(token.image));
        return;
      case Stray:
        this.diags.error({ ...tokenLocation(token), endColumn: undefined }, `stray '${token.image}' in program`);
        return;
      case UnterminatedLiteral:
        this.warnUnterminated(token);
        this.diags.error(tokenLocation(token), `missing terminating ${token.image[0]} character`);
        return;
      case CharLiteral:
      case StringLiteral:
        // `L'x'` lexes whole so that `#if L'\0' - 1 > 0` works, but the language has no wchar_t.
        if (token.image.startsWith('L')) {
          this.diags.error(tokenLocation(token), 'wide character constants and strings are not supported');
        }
        output.push(token);
        return;
      default:
        output.push(token);
    }
  }

  private warnUnterminated(token: CToken): void {
    const at = { ...tokenLocation(token), endColumn: undefined };
    this.diags.warning(at, `missing terminating ${token.image[0]} character`);
  }

  // ---- directives ---------------------------------------------------------------

  /** Reads the directive line starting at `frame.pos` (a `#`) and carries it out. */
  private directive(frame: FileFrame): void {
    const hash = this.presumed(frame, frame.tokens[frame.pos++]);
    const line: CToken[] = [];
    const ends = (t: CToken): boolean => t.lineStart || t.tokenType === UnterminatedComment;
    while (frame.pos < frame.tokens.length && !ends(frame.tokens[frame.pos])) {
      line.push(this.presumed(frame, frame.tokens[frame.pos++]));
    }
    const name = line.shift();
    if (name === undefined) return;
    const skipping = this.skipping();
    switch (name.image) {
      case 'if': return this.openConditional(name, () => !skipping && this.condition(name, line));
      case 'ifdef': return this.openConditional(name, () => !skipping && this.isDefined(name, line));
      case 'ifndef': return this.openConditional(name, () => !skipping && !this.isDefined(name, line));
      case 'elif': return this.elif(name, line, frame);
      case 'else': return this.else(name, line, frame);
      case 'endif': return this.endif(name, line, frame);
    }
    if (skipping) return;
    if (name.tokenType === IntegerLiteral) return this.lineDirective(frame, name, [name, ...line]);
    switch (name.image) {
      case 'define': return defineMacro(this.macros, name, line, this.diags);
      case 'undef': return this.undef(name, line);
      case 'include': return this.include(frame, hash, name, line);
      case 'line': return this.lineDirective(frame, name, line);
      case 'error': this.diags.error(tokenLocation(name), `#error ${spell(line)}`); return;
      case 'warning': this.diags.warning(tokenLocation(name), `#warning ${spell(line)} [-Wcpp]`); return;
      case 'pragma': return this.pragma(line.map((t) => t.image));
      case 'ident': case 'sccs': return;
      default:
        this.diags.error(tokenLocation(name), `invalid preprocessing directive #${name.image}`);
    }
  }

  private openConditional(opener: CToken, decide: () => boolean): void {
    const enclosingActive = !this.skipping();
    const active = decide();
    const decided = active || !enclosingActive;
    this.conditionals.push({ opener, directive: opener.image, active, decided, sawElse: false });
  }

  /** The innermost conditional opened in the current file; an error for `#else`/`#elif`/`#endif` without one. */
  private currentConditional(name: CToken, frame: FileFrame): Conditional | undefined {
    if (this.conditionals.length > frame.condBase) return this.conditionals[this.conditionals.length - 1];
    this.diags.error(tokenLocation(name), `#${name.image} without #if`);
    return undefined;
  }

  private afterElse(name: CToken, cond: Conditional): boolean {
    if (!cond.sawElse) return false;
    const d = this.diags.error(tokenLocation(name), `#${name.image} after #else`);
    const began = makeDiagnostic('error', { ...tokenLocation(cond.opener), column: 0 }, 'the conditional began here');
    (d.notes ??= []).push(began);
    return true;
  }

  private elif(name: CToken, line: CToken[], frame: FileFrame): void {
    const cond = this.currentConditional(name, frame);
    if (cond === undefined || this.afterElse(name, cond)) return;
    cond.directive = 'elif';
    if (cond.decided) {
      cond.active = false;
      return;
    }
    cond.active = this.condition(name, line);
    cond.decided = cond.active;
  }

  private else(name: CToken, line: CToken[], frame: FileFrame): void {
    const cond = this.currentConditional(name, frame);
    if (cond === undefined || this.afterElse(name, cond)) return;
    this.warnExtra(name, line);
    cond.sawElse = true;
    cond.directive = 'else';
    cond.active = !cond.decided;
    cond.decided = true;
  }

  private endif(name: CToken, line: CToken[], frame: FileFrame): void {
    if (this.currentConditional(name, frame) === undefined) return;
    this.warnExtra(name, line);
    this.conditionals.pop();
  }

  private warnExtra(name: CToken, line: CToken[]): void {
    if (line.length === 0 || this.skipping()) return;
    const option = name.image === 'else' || name.image === 'endif' ? ' [-Wendif-labels]' : '';
    this.diags.warning(tokenLocation(line[0]), `extra tokens at end of #${name.image} directive${option}`);
  }

  private isDefined(name: CToken, line: CToken[]): boolean {
    const macro = macroName(name, line, this.diags);
    if (macro === undefined) return false;
    this.warnExtra(name, line.slice(1));
    return this.macros.has(macro.image);
  }

  private condition(name: CToken, line: CToken[]): boolean {
    return evaluateIfLine(name, line, this.expander, this.diags);
  }

  private undef(name: CToken, line: CToken[]): void {
    const macro = macroName(name, line, this.diags);
    if (macro === undefined) return;
    this.warnExtra(name, line.slice(1));
    this.macros.delete(macro.image);
  }

  /** `#pragma once` is honoured; every other pragma is accepted and ignored, as unknown pragmas are in gcc. */
  private pragma(words: string[]): void {
    const file = this.currentFile();
    if (words.length === 1 && words[0] === 'once' && file !== undefined) this.onceFiles.add(file.path);
  }

  private currentFile(): FileFrame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const frame = this.frames[i];
      if (frame.kind === 'file') return frame;
    }
    return undefined;
  }

  /** `#line N ["file"]`, also gcc's `# N "file"` line markers; the operands are macro-expanded. */
  private lineDirective(frame: FileFrame, name: CToken, line: CToken[]): void {
    const operands = this.expander.expandList(line);
    const number = operands[0];
    if (number === undefined || !/^[0-9]+$/.test(number.image)) {
      const at = number === undefined ? locationAfter(name) : tokenLocation(number);
      this.diags.error(at, `"${number?.image ?? ''}" after #line is not a positive integer`);
      return;
    }
    const realNextLine = (line[line.length - 1].endLine ?? 0) - frame.lineDelta + 1;
    frame.lineDelta = Number(number.image) - realNextLine;
    const fileName = operands[1];
    if (fileName?.tokenType === StringLiteral) frame.presumedFile = fileName.image.slice(1, -1);
    else if (fileName !== undefined) this.diags.error(tokenLocation(fileName), `invalid filename "${fileName.image}"`);
  }

  // ---- #include ---------------------------------------------------------------------

  private include(frame: FileFrame, hash: CToken, name: CToken, line: CToken[]): void {
    const direct = includeTarget(line);
    const target = direct ?? includeTarget(this.expander.expandList(line));
    if (direct !== undefined) this.warnExtra(name, line.slice(line.indexOf(direct.last) + 1));
    if (target === undefined) {
      const at = line.length === 0 ? locationAfter(name) : tokenLocation(line[0]);
      this.diags.error(at, '#include expects "FILENAME" or <FILENAME>');
      return;
    }
    const at = { ...tokenLocation(target.first), endColumn: target.last.endColumn };
    if (target.path === '') {
      this.diags.error(at, 'empty filename in #include');
      return;
    }
    if (this.fileDepth >= MAX_INCLUDE_DEPTH) {
      this.diags.error(
        locationAfter(line[line.length - 1]),
        `#include nested depth ${this.fileDepth} exceeds maximum of ${MAX_INCLUDE_DEPTH} ` +
          '(use -fmax-include-depth=DEPTH to increase the maximum)',
      );
      return;
    }
    const found = this.findInclude(frame.path, target.path, target.quoted);
    if (found === undefined) {
      this.diags.fatal(at, `${target.path}: No such file or directory`);
      this.fatalSeen = true;
      return;
    }
    if (this.onceFiles.has(found.path)) return;
    const site: IncludeSite = { file: hash.file, line: hash.startLine ?? 0 };
    if (frame.includedFrom !== undefined) site.parent = frame.includedFrom;
    this.pushFile(found.path, found.text, site);
  }

  private findInclude(from: string, name: string, quoted: boolean): { path: string; text: string } | undefined {
    const candidates = name.startsWith('/') ? [name] : [
      ...(quoted ? [posix.join(posix.dirname(from), name)] : []),
      ...this.options.includeDirs.map((dir) => posix.join(dir, name)),
    ];
    for (const path of candidates) {
      const text = this.options.readFile(path);
      if (text !== undefined) return { path, text };
    }
    return undefined;
  }
}

/** The file named by `"name"` or `<name>` at the start of an #include line. */
function includeTarget(line: CToken[]): { path: string; quoted: boolean; first: CToken; last: CToken } | undefined {
  const first = line[0];
  if (first === undefined) return undefined;
  if (first.tokenType === StringLiteral) return { path: first.image.slice(1, -1), quoted: true, first, last: first };
  if (first.tokenType !== Less) return undefined;
  const close = line.findIndex((t) => t.tokenType === Greater);
  if (close < 0) return undefined;
  const path = line.slice(1, close).map((t, i) => (i > 0 && t.spaceBefore ? ' ' : '') + t.image).join('');
  return { path, quoted: false, first, last: line[close] };
}

/** The tokens of a directive's operand as gcc spells them in `#error`: single spaces between. */
function spell(tokens: CToken[]): string {
  return tokens.map((t, i) => (i > 0 && t.spaceBefore ? ' ' : '') + t.image).join('');
}
