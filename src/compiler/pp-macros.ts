/* Macro definitions and the expansion algorithm of C99 6.10.3.
 *
 * Expansion follows Prosser's algorithm with a hide set on every token: a
 * token produced by expanding macro M (and by every macro whose expansion
 * produced M's name) may not expand M again, which stops recursion ("blue
 * paint") while still letting `f(f(x))` expand both calls. Arguments are
 * fully expanded before substitution unless they are operands of `#` or `##`;
 * the result is pushed back onto the input and rescanned together with the
 * tokens that follow it. `##` uses placemarkers for empty arguments, and
 * gcc's `, ## __VA_ARGS__` drops the comma when the variable arguments are empty.
 *
 * Positions: tokens from a macro body take the position of the macro's use
 * (what gcc reports); tokens from arguments keep their own. */
import { tokenMatcher } from './chevrotain.js';
import type { CToken } from './lexer.js';
import { lexFragment, tokenLocation } from './lexer.js';
import type { DiagnosticBag, SourceLocation } from './diagnostics.js';
import { Comma, Hash, HashHash, Identifier, IntegerLiteral, Keyword, LParen, RParen, StringLiteral } from './tokens.js';

export interface Macro {
  name: string;
  /** Parameter names of a function-like macro (`__VA_ARGS__` last when variadic); undefined for object-like. */
  params?: string[];
  variadic: boolean;
  body: CToken[];
  /** Where the name was defined; undefined for predefined macros. */
  definedAt?: SourceLocation;
  /** `__FILE__` and `__LINE__`, whose value depends on where they are used, and the `_Pragma` operator. */
  builtin?: 'file' | 'line' | 'pragma';
}

/** A source of tokens that expansion can read from and push tokens back onto. */
export interface TokenStream {
  next(): CToken | undefined;
  /** Puts tokens back in front of the stream; they are read again, in order. */
  unread(tokens: CToken[]): void;
}

/** A token stream over lists of tokens, used for macro arguments and `#if` lines. */
export class ListStream implements TokenStream {
  private readonly frames: { tokens: CToken[]; pos: number }[] = [];

  constructor(tokens: CToken[]) {
    this.unread(tokens);
  }

  next(): CToken | undefined {
    while (this.frames.length > 0) {
      const top = this.frames[this.frames.length - 1];
      if (top.pos < top.tokens.length) return top.tokens[top.pos++];
      this.frames.pop();
    }
    return undefined;
  }

  unread(tokens: CToken[]): void {
    if (tokens.length > 0) this.frames.push({ tokens, pos: 0 });
  }
}

export function isIdentifierLike(token: CToken): boolean {
  return token.tokenType === Identifier || tokenMatcher(token, Keyword);
}

/** Macro bodies are equal when their tokens are spelled and spaced alike (C99 6.10.3p2). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.variadic !== b.variadic || a.params?.join(',') !== b.params?.join(',')) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every(
    (t, i) => t.image === b.body[i].image && (i === 0 || t.spaceBefore === b.body[i].spaceBefore),
  );
}

/** Copies a token, moving it to `at` when given and adding `hide` to its hide set. */
function retag(token: CToken, hide: ReadonlySet<string>, at?: CToken, macro?: Macro): CToken {
  const copy: CToken = { ...token, hideSet: union(token.hideSet, hide), lineStart: false };
  if (at !== undefined) {
    copy.file = at.file;
    copy.startLine = at.startLine;
    copy.endLine = at.endLine;
    copy.startColumn = at.startColumn;
    copy.endColumn = at.endColumn;
    copy.startOffset = at.startOffset;
    copy.endOffset = at.endOffset;
    copy.includedFrom = at.includedFrom;
    if (macro !== undefined && macro.definedAt !== undefined) {
      copy.expandedFrom = { macro: macro.name, file: macro.definedAt.file, line: macro.definedAt.line };
      if (at.expandedFrom !== undefined) copy.expandedFrom.parent = at.expandedFrom;
    }
  }
  return copy;
}

function union(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === undefined || a.size === 0) return b;
  const out = new Set(a);
  for (const name of b) out.add(name);
  return out;
}

function intersect(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Set<string> {
  const out = new Set<string>();
  if (a === undefined || b === undefined) return out;
  for (const name of a) if (b.has(name)) out.add(name);
  return out;
}

/** Escapes token text for `#`: backslashes and quotes inside string and character literals. */
export function stringize(tokens: CToken[], at: CToken): CToken {
  let text = '';
  tokens.forEach((t, i) => {
    if (i > 0 && (t.spaceBefore || t.lineStart)) text += ' ';
    const quoted = /^L?['"]/.test(t.image);
    text += quoted ? t.image.replace(/[\\"]/g, (c) => '\\' + c) : t.image;
  });
  const literal = `"${text}"`;
  return { ...lexFragment(literal, tokenLocation(at))[0], spaceBefore: at.spaceBefore };
}

/** Tokens one translation unit's macro expansions may produce: `#define a b b` chains grow exponentially. */
export const MAX_EXPANDED_TOKENS = 1_000_000;
/** Depth of macro calls inside macro arguments (each level is a recursion of the expander). */
export const MAX_ARGUMENT_NESTING = 200;

/** Expands the macros of a table, reporting misuse (argument counts, bad pastes) to `diags`. */
export class MacroExpander {
  /** Set once a limit was hit (and reported as a fatal error): nothing expands any more. */
  limitReached = false;
  private produced = 0;
  private nesting = 0;

  constructor(
    readonly macros: Map<string, Macro>,
    private readonly diags: DiagnosticBag,
    /** Carries out `_Pragma("text")` as `#pragma text` would be. */
    private readonly pragma: (text: string, at: CToken) => void = () => {},
  ) {}

  /** Reads the next token of `input` with every macro in it expanded. */
  expandNext(input: TokenStream): CToken | undefined {
    for (;;) {
      const token = input.next();
      if (token === undefined || !this.tryExpand(token, input)) return token;
    }
  }

  /** Fully expands a list of tokens on its own (a macro argument). */
  expandList(tokens: CToken[]): CToken[] {
    if (this.nesting >= MAX_ARGUMENT_NESTING) {
      this.stop(tokens[0], `macro arguments nested more than ${MAX_ARGUMENT_NESTING} deep`);
      return tokens;
    }
    this.nesting++;
    const input = new ListStream(tokens);
    const out: CToken[] = [];
    for (let t = this.expandNext(input); t !== undefined; t = this.expandNext(input)) out.push(t);
    this.nesting--;
    return out;
  }

  private stop(at: CToken | undefined, message: string): void {
    if (this.limitReached) return;
    this.limitReached = true;
    this.diags.fatal(at === undefined ? { file: 'ipcvm', line: 0, column: 0 } : tokenLocation(at), message);
  }

  /** If `token` names a macro that may expand here, pushes its expansion onto `input` and returns true. */
  tryExpand(token: CToken, input: TokenStream): boolean {
    if (this.limitReached || !isIdentifierLike(token) || token.hideSet?.has(token.image)) return false;
    const macro = this.macros.get(token.image);
    if (macro === undefined) return false;
    if (macro.builtin === 'pragma') return this.pragmaOperator(token, input);
    if (macro.builtin !== undefined) {
      input.unread([builtinToken(macro.builtin, token)]);
      return true;
    }
    if (macro.params === undefined) {
      const hide = union(token.hideSet, new Set([macro.name]));
      input.unread(this.substitute(macro, [], token, hide));
      return true;
    }
    const open = input.next();
    if (open === undefined || open.tokenType !== LParen) {
      if (open !== undefined) input.unread([open]);
      return false;
    }
    const call = this.collectArguments(macro, open, input);
    if (call === undefined) return false;
    const hide = intersect(token.hideSet, call.close.hideSet).add(macro.name);
    input.unread(this.substitute(macro, call.args, token, hide));
    return true;
  }

  /** `_Pragma ( "text" )`: consumed whole; anything else is an error and stays in the input. */
  private pragmaOperator(name: CToken, input: TokenStream): boolean {
    const read: CToken[] = [];
    for (const expected of [LParen, StringLiteral, RParen]) {
      const t = input.next();
      if (t !== undefined) read.push(t);
      if (t?.tokenType !== expected) {
        this.diags.error(tokenLocation(t ?? name), '_Pragma takes a parenthesized string literal');
        input.unread(read);
        return false;
      }
    }
    const text = read[1].image.slice(1, -1).replace(/\\(["\\])/g, '$1');
    this.pragma(text, name);
    return true;
  }

  /** Reads `a, b, ...)` after the `(`; on an error the tokens read are put back and undefined returned. */
  private collectArguments(
    macro: Macro,
    open: CToken,
    input: TokenStream,
  ): { args: CToken[][]; close: CToken } | undefined {
    const params = macro.params ?? [];
    const read: CToken[] = [open];
    const args: CToken[][] = [[]];
    let depth = 0;
    for (;;) {
      const t = input.next();
      if (t === undefined) {
        const last = read[read.length - 1];
        const column = (last.endColumn ?? 0) + 1;
        this.diags.error(
          { ...tokenLocation(last), column, endColumn: column },
          `unterminated argument list invoking macro "${macro.name}"`,
        );
        input.unread(read);
        return undefined;
      }
      read.push(t);
      if (t.tokenType === RParen && depth === 0) {
        return this.checkArgumentCount(macro, args, t) ? { args, close: t } : this.giveBack(read, input);
      }
      if (t.tokenType === LParen) depth++;
      else if (t.tokenType === RParen) depth--;
      const lastIsVariadic = macro.variadic && args.length === params.length;
      if (t.tokenType === Comma && depth === 0 && !lastIsVariadic) args.push([]);
      else args[args.length - 1].push(t);
    }
  }

  private giveBack(read: CToken[], input: TokenStream): undefined {
    input.unread(read);
    return undefined;
  }

  private checkArgumentCount(macro: Macro, args: CToken[][], close: CToken): boolean {
    const params = macro.params ?? [];
    if (params.length === 0 && args.length === 1 && args[0].length === 0) {
      args.pop();
      return true;
    }
    if (macro.variadic && args.length === params.length - 1) args.push([]);
    if (args.length === params.length) return true;
    const message =
      args.length < params.length
        ? `macro "${macro.name}" requires ${params.length} arguments, but only ${args.length} given`
        : `macro "${macro.name}" passed ${args.length} arguments, but takes just ${params.length}`;
    const d = this.diags.error(tokenLocation(close), message);
    if (macro.definedAt !== undefined) {
      this.diags.note(d, { ...macro.definedAt, column: 0 }, `macro "${macro.name}" defined here`);
    }
    return false;
  }

  /** Replaces parameters in the body, applies `#` and `##`, and tags every token with the hide set. */
  private substitute(macro: Macro, args: CToken[][], use: CToken, hide: ReadonlySet<string>): CToken[] {
    const body = macro.body;
    const params = macro.params ?? [];
    const paramIndex = (t: CToken | undefined): number =>
      t !== undefined && macro.params !== undefined && isIdentifierLike(t) ? params.indexOf(t.image) : -1;
    const expanded = new Map<number, CToken[]>();
    const out: CToken[] = [];
    let placemarker = false;
    for (let i = 0; i < body.length; i++) {
      const t = body[i];
      if (t.tokenType === Hash && macro.params !== undefined && paramIndex(body[i + 1]) >= 0) {
        out.push(retag(stringize(args[paramIndex(body[i + 1])], t), hide, use, macro));
        out[out.length - 1].spaceBefore = t.spaceBefore;
        i++;
        placemarker = false;
      } else if (t.tokenType === HashHash && i + 1 < body.length) {
        const right = body[++i];
        const p = paramIndex(right);
        const operand = p >= 0 ? args[p].map((a) => retag(a, hide)) : [retag(right, hide, use, macro)];
        const vaComma = p === params.length - 1 && macro.variadic && !placemarker && out.at(-1)?.tokenType === Comma;
        if (vaComma) {
          if (operand.length === 0) out.pop();
          else out.push(...operand);
        } else if (operand.length > 0) {
          if (placemarker || out.length === 0) out.push(...operand);
          else out.push(...this.paste(out.pop() as CToken, operand[0], use), ...operand.slice(1));
          placemarker = false;
        }
      } else {
        const p = paramIndex(t);
        if (p < 0) {
          out.push(retag(t, hide, use, macro));
          placemarker = false;
          continue;
        }
        const raw = body[i + 1]?.tokenType === HashHash;
        if (!raw && !expanded.has(p)) expanded.set(p, this.expandList(args[p]));
        const tokens = (raw ? args[p] : (expanded.get(p) as CToken[])).map((a) => retag(a, hide));
        if (tokens.length > 0) tokens[0].spaceBefore = t.spaceBefore;
        out.push(...tokens);
        placemarker = tokens.length === 0;
      }
    }
    if (out.length > 0) out[0].spaceBefore = use.spaceBefore;
    this.produced += out.length;
    if (this.produced > MAX_EXPANDED_TOKENS) {
      this.stop(use, `macro expansion produces more than ${MAX_EXPANDED_TOKENS} tokens`);
      return [];
    }
    return out;
  }

  /** `left ## right`: the spellings joined must lex as one token. */
  private paste(left: CToken, right: CToken, use: CToken): CToken[] {
    const tokens = lexFragment(left.image + right.image, tokenLocation(left));
    if (tokens.length === 1 && left.image + right.image === tokens[0].image) {
      const [joined] = tokens;
      return [{ ...left, tokenType: joined.tokenType, tokenTypeIdx: joined.tokenTypeIdx, image: joined.image }];
    }
    this.diags.error(
      tokenLocation(use),
      `pasting "${left.image}" and "${right.image}" does not give a valid preprocessing token`,
    );
    return [left, right];
  }
}

/** The value of `__FILE__` or `__LINE__` at the position of its use. */
function builtinToken(kind: 'file' | 'line', at: CToken): CToken {
  const type = kind === 'line' ? IntegerLiteral : StringLiteral;
  const image = kind === 'line' ? String(at.startLine) : `"${at.file.replace(/[\\"]/g, (c) => '\\' + c)}"`;
  return { ...at, image, tokenType: type, tokenTypeIdx: type.tokenTypeIdx as number };
}
