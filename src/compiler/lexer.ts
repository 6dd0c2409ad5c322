/* Turns the text of one source file into CTokens that know their real place:
 * file, line, and gcc's display column (tabs advance to the next multiple of 8).
 *
 * Backslash-newline splices are removed before lexing, so they may appear
 * anywhere (inside identifiers, strings, `//` comments); a table of splice
 * points maps every offset of the spliced text back to the original line and
 * column. Layout tokens are dropped here: each remaining token instead records
 * whether it starts a logical line (`lineStart`, for directives) and whether
 * whitespace or a comment precedes it (`spaceBefore`, for `NAME(` versus
 * `NAME (`, stringizing and `#include` names). */
import { Lexer, type IToken, type TokenType } from './chevrotain.js';
import { allTokens, isLayoutType, Newline, UnterminatedComment } from './tokens.js';
import { displayColumn, type IncludeSite, type SourceLocation } from './diagnostics.js';

/** Where a macro was defined, recorded on the tokens its expansion produced. */
export interface MacroOrigin {
  macro: string;
  file: string;
  line: number;
  /** The expansion that produced the macro's name token, if it came from one. */
  parent?: MacroOrigin;
}

/** A token with its real position. Tokens made by macro expansion carry the position of the macro's use. */
export interface CToken extends IToken {
  file: string;
  lineStart: boolean;
  spaceBefore: boolean;
  expandedFrom?: MacroOrigin;
  includedFrom?: IncludeSite;
  /** Macro names this token may no longer expand (the "blue paint" of the expansion algorithm). */
  hideSet?: ReadonlySet<string>;
}

const cLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** Makes a token; `endColumn` is inclusive, as in chevrotain. */
export function makeToken(
  tokenType: TokenType,
  image: string,
  at: SourceLocation,
  flags: { lineStart: boolean; spaceBefore: boolean },
): CToken {
  const endColumn = at.endColumn ?? at.column + Math.max(image.length, 1) - 1;
  const token: CToken = {
    image,
    tokenType,
    tokenTypeIdx: tokenType.tokenTypeIdx as number,
    startOffset: 0,
    endOffset: image.length - 1,
    startLine: at.line,
    endLine: at.line,
    startColumn: at.column,
    endColumn,
    file: at.file,
    lineStart: flags.lineStart,
    spaceBefore: flags.spaceBefore,
  };
  if (at.includedFrom !== undefined) token.includedFrom = at.includedFrom;
  return token;
}

/** The location of a token, for diagnostics: its first column with a `~` range over the rest. */
export function tokenLocation(token: CToken): SourceLocation {
  const at: SourceLocation = {
    file: token.file,
    line: token.startLine ?? 0,
    column: token.startColumn ?? 0,
  };
  if (token.endLine === token.startLine && token.endColumn !== undefined) at.endColumn = token.endColumn;
  if (token.includedFrom !== undefined) at.includedFrom = token.includedFrom;
  return at;
}

/** The location just past a token, where gcc reports what is missing after it. */
export function locationAfter(token: CToken): SourceLocation {
  const column = (token.endColumn ?? 0) + 1;
  return { ...tokenLocation(token), column, endColumn: column };
}

/** Maps offsets of the spliced text back to lines and display columns of the original. */
class PositionMap {
  private readonly lineStarts: number[] = [0];
  /** Spliced-text offsets at which a backslash-newline was removed, and the original length removed so far. */
  private readonly spliceAt: number[] = [];
  private readonly removedUpTo: number[] = [];

  constructor(private readonly original: string, private readonly includedFrom?: IncludeSite) {
    for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Returns the text with every backslash-newline removed, recording where. */
  splice(): string {
    const splices = /\\\r?\n/g;
    let out = '';
    let last = 0;
    let removed = 0;
    for (let m = splices.exec(this.original); m !== null; m = splices.exec(this.original)) {
      out += this.original.slice(last, m.index);
      removed += m[0].length;
      this.spliceAt.push(out.length);
      this.removedUpTo.push(removed);
      last = m.index + m[0].length;
    }
    return out + this.original.slice(last);
  }

  originalOffset(splicedOffset: number): number {
    let lo = 0;
    let hi = this.spliceAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spliceAt[mid] <= splicedOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? splicedOffset : splicedOffset + this.removedUpTo[lo - 1];
  }

  /** The last position computed: tokens arrive in order, so columns continue from it. */
  private last = { lineIndex: 0, offset: 0, column: 1 };

  /** Line and display column of an original offset. */
  position(offset: number): { line: number; column: number } {
    const last = this.last;
    const lineEnd = this.lineStarts[last.lineIndex + 1] ?? Infinity;
    if (offset < last.offset || offset >= lineEnd) {
      const lineIndex = this.lineIndexOf(offset);
      this.last = { lineIndex, offset: this.lineStarts[lineIndex], column: 1 };
    }
    const column = displayColumn(this.original, this.last.offset, offset, this.last.column);
    this.last = { lineIndex: this.last.lineIndex, offset, column };
    return { line: this.last.lineIndex + 1, column };
  }

  private lineIndexOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  locate(file: string, splicedStart: number, splicedEnd: number): SourceLocation {
    const start = this.position(this.originalOffset(splicedStart));
    const end = this.position(this.originalOffset(splicedEnd));
    const at: SourceLocation = { file, line: start.line, column: start.column };
    if (end.line === start.line) at.endColumn = end.column;
    if (this.includedFrom !== undefined) at.includedFrom = this.includedFrom;
    return at;
  }
}

/**
 * Lexes a whole source file. The lexer never fails; an unterminated comment
 * becomes the file's last token, for the preprocessor to report when it gets there.
 */
export function lexSource(file: string, text: string, includedFrom?: IncludeSite): CToken[] {
  const map = new PositionMap(text, includedFrom);
  const spliced = map.splice();
  const tokens: CToken[] = [];
  let lineStart = true;
  let spaceBefore = false;
  for (const raw of cLexer.tokenize(spliced).tokens) {
    const type = raw.tokenType;
    if (type === Newline) {
      lineStart = true;
      spaceBefore = false;
    } else if (isLayoutType(type)) {
      spaceBefore = true;
    } else {
      const endOffset = raw.startOffset + raw.image.length - 1;
      const at = map.locate(file, raw.startOffset, endOffset);
      const token = makeToken(type, raw.image, at, { lineStart, spaceBefore });
      token.startOffset = map.originalOffset(raw.startOffset);
      token.endOffset = map.originalOffset(endOffset);
      token.endLine = map.position(token.endOffset).line;
      tokens.push(token);
      lineStart = false;
      spaceBefore = false;
    }
  }
  return tokens;
}

/** Lexes text made by the preprocessor (a `##` paste, a `-D` value); every token gets the position `at`. */
export function lexFragment(text: string, at: SourceLocation): CToken[] {
  const tokens: CToken[] = [];
  let spaceBefore = false;
  for (const raw of cLexer.tokenize(text).tokens) {
    if (isLayoutType(raw.tokenType) || raw.tokenType === UnterminatedComment) {
      spaceBefore = true;
      continue;
    }
    tokens.push(makeToken(raw.tokenType, raw.image, at, { lineStart: false, spaceBefore }));
    spaceBefore = false;
  }
  return tokens;
}
