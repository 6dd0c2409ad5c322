// The base of the C grammar: the chevrotain parser class every rule file extends,
// with what the rules share: the scoped table of typedef names that GATEs consult
// to tell `T * x;` (a declaration) from `a * b;` (a product), the lookahead
// predicates built on it, token locations, and the syntax errors the grammar
// reports itself (a stray token where a statement or declaration should start).
//
// Rules are split over a chain of subclasses, one file each: parse-expressions,
// parse-initializers, parse-declarations, parse-statements, parse-unit (the
// concrete CParser); rules that one file uses but a later one defines are
// declared abstract here.

import { EmbeddedActionsParser, EOF, isRecognitionException, type IToken, type ParserMethod, type TokenType } from './chevrotain.js';
import type { CToken } from './lexer.js';
import { tokenLocation } from './lexer.js';
import type {
  At,
  SynDeclarator,
  SynDeclSpecs,
  SynExpr,
  SynInitializer,
  SynStmt,
  SynTypeName,
} from './parse-tree.js';
import * as T from './tokens.js';
import { describeToken, syntaxErrorProvider } from './parse-errors.js';

/** A syntax error found by the grammar's own actions, at the offending token. */
export interface GrammarError {
  readonly token: IToken;
  readonly message: string;
}

const declarationKeywords = new Set<TokenType>([
  T.Typedef, T.Extern, T.Static, T.Auto, T.Register, T.Inline,
  T.Void, T.Char, T.Short, T.Int, T.Long, T.Float, T.Double, T.Signed, T.Unsigned, T.Bool,
  T.Complex, T.Imaginary, T.Struct, T.Union, T.Enum, T.Const, T.Volatile, T.Restrict, T.Attribute,
]);

export abstract class ParserBase extends EmbeddedActionsParser {
  /** Innermost last: each maps a name to true for a typedef, false for any other ordinary identifier. */
  private names: Map<string, boolean>[] = [new Map()];
  grammarErrors: GrammarError[] = [];
  /** Set while parsing an init-declarator: gcc's message for a missing ';' depends on it. */
  lastDeclaratorHadInit = false;

  protected abstract expression: ParserMethod<[], SynExpr>;
  protected abstract assignmentExpression: ParserMethod<[], SynExpr>;
  protected abstract conditionalExpression: ParserMethod<[], SynExpr>;
  protected abstract typeName: ParserMethod<[], SynTypeName>;
  protected abstract declSpecifiers: ParserMethod<[expected?: string], SynDeclSpecs>;
  protected abstract declarator: ParserMethod<[], SynDeclarator>;
  protected abstract initializer: ParserMethod<[], SynInitializer>;
  protected abstract compoundStatement: ParserMethod<[string[]], SynStmt & { kind: 'block' }>;

  constructor() {
    super(T.allTokens, {
      recoveryEnabled: false,
      maxLookahead: 2,
      errorMessageProvider: syntaxErrorProvider,
      // Grammar validation costs a third of the parser's start-up; the test suite
      // (vitest sets VITEST) runs it on every construction, so a broken grammar
      // cannot land, and `ipcvm run` skips it.
      skipValidations: process.env.VITEST === undefined,
    });
  }

  /** Prepares for a new translation unit. */
  resetState(tokens: IToken[]): void {
    this.input = tokens;
    this.names = [new Map()];
    this.grammarErrors = [];
    this.lastDeclaratorHadInit = false;
  }

  /** The k-th token ahead, for reporting where parsing stopped (undefined at the end of input). */
  tokenAt(k: number): CToken | undefined {
    const token = this.LA(k);
    return token.tokenType === EOF ? undefined : (token as CToken);
  }

  // ---- the typedef-name table -------------------------------------------------

  protected pushScope(): void {
    this.names.push(new Map());
  }

  protected popScope(): void {
    if (this.names.length > 1) this.names.pop();
  }

  protected scopeDepth(): number {
    return this.names.length;
  }

  /** After a syntax error unwound rules that had opened scopes. */
  protected restoreScopeDepth(depth: number): void {
    while (this.names.length > depth) this.names.pop();
  }

  protected declareName(name: string | undefined, isTypedef: boolean): void {
    if (name !== undefined) this.names[this.names.length - 1].set(name, isTypedef);
  }

  /** true for a typedef name, false for another declared name, undefined for an undeclared one. */
  private lookupName(name: string): boolean | undefined {
    for (let i = this.names.length - 1; i >= 0; i--) {
      const entry = this.names[i].get(name);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  protected isTypedefName(name: string): boolean {
    return this.lookupName(name) === true;
  }

  // ---- lookahead predicates -----------------------------------------------------

  protected isTypedefToken(token: IToken): boolean {
    return token.tokenType === T.Identifier && this.isTypedefName(token.image);
  }

  /** The k-th token starts declaration specifiers (or a type name). */
  protected startsSpecifiers(k: number): boolean {
    const token = this.LA(k);
    return declarationKeywords.has(token.tokenType) || this.isTypedefToken(token);
  }

  /** An undeclared name followed by a name or `*` is taken, as gcc does, for a type name
   *  someone forgot to declare (`pid_t p;` without <sys/types.h>): sema says "unknown type name". */
  protected startsUnknownTypeName(): boolean {
    const first = this.LA(1);
    if (first.tokenType !== T.Identifier || this.lookupName(first.image) !== undefined) return false;
    const next = this.LA(2).tokenType;
    return next === T.Identifier || next === T.Star;
  }

  /** Declaration specifiers, possibly starting with an unknown type name, start here. */
  protected startsDeclSpecifiers(): boolean {
    return this.startsSpecifiers(1) || this.startsUnknownTypeName();
  }

  /** A block item starting here is a declaration (a typedef name followed by ':' is a label). */
  protected startsDeclaration(): boolean {
    const first = this.LA(1);
    if (declarationKeywords.has(first.tokenType)) return true;
    return (this.isTypedefToken(first) && this.LA(2).tokenType !== T.Colon) || this.startsUnknownTypeName();
  }

  /** A (non-abstract) declarator can start here. */
  protected startsDeclarator(): boolean {
    const type = this.LA(1).tokenType;
    return type === T.Identifier || type === T.Star || type === T.LParen;
  }

  /** Inside a declarator, `(` opens a nested declarator rather than a parameter list. */
  protected opensNestedDeclarator(): boolean {
    if (this.LA(1).tokenType !== T.LParen) return false;
    const next = this.LA(2);
    const type = next.tokenType;
    if (type === T.Star || type === T.LParen || type === T.LBracket || type === T.Attribute) return true;
    return type === T.Identifier && !this.isTypedefName(next.image);
  }

  // ---- locations and errors --------------------------------------------------------

  protected at(token: IToken): At {
    return tokenLocation(token as CToken);
  }

  /** The location of the next token (for an empty production such as an abstract declarator). */
  protected nextAt(): At {
    const next = this.LA(1);
    return next.tokenType === EOF ? this.at(this.LA(0)) : this.at(next);
  }

  /** Reports `message` followed by gcc's description of the next token. */
  protected reportAtNext(message: string): void {
    const token = this.LA(1);
    this.grammarErrors.push({ token, message: `${message} ${describeToken(token)}` });
  }

  /** Runs a rule; after a syntax error skips to a synchronisation point and yields undefined. */
  protected recovering<R>(atFileScope: boolean, parse: () => R): R | undefined {
    const depth = this.ACTION(() => this.scopeDepth());
    const first = this.ACTION(() => this.LA(1));
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof Error) || !isRecognitionException(e)) throw e;
      this.ACTION(() => {
        this.restoreScopeDepth(depth);
        this.skipToSyncPoint(atFileScope, this.bracesOpenedSince(first));
      });
      return undefined;
    }
  }

  /** How many braces the tokens from `first` up to the next token leave open. */
  protected bracesOpenedSince(first: IToken): number {
    const input = this.input;
    const next = this.LA(1);
    let depth = 0;
    for (let i = input.indexOf(first); i >= 0 && i < input.length && input[i] !== next; i++) {
      if (input[i].tokenType === T.LBrace) depth++;
      else if (input[i].tokenType === T.RBrace) depth--;
    }
    return Math.max(depth, 0);
  }

  /** Skips what is left of a broken statement or declaration: through the next `;`
   *  outside braces, or through a `}` closing a brace opened while skipping; stops
   *  before a `}` that closes an enclosing block (or, at file scope, after it). */
  protected skipToSyncPoint(atFileScope: boolean, openBraces: number): void {
    let depth = openBraces;
    for (;;) {
      const type = this.LA(1).tokenType;
      if (type === EOF) return;
      if (type === T.LBrace) depth++;
      if (type === T.RBrace) {
        if (depth === 0 && !atFileScope) return;
        depth--;
        this.SKIP_TOKEN();
        if (depth > 0) continue;
        if (atFileScope && this.LA(1).tokenType === T.Semicolon) this.SKIP_TOKEN();
        return;
      }
      this.SKIP_TOKEN();
      if (type === T.Semicolon && depth === 0) return;
    }
  }
}
