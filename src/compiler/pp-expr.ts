/* Evaluates the controlling expression of `#if`/`#elif` (C99 6.10.1). First
 * `defined X` / `defined(X)` are replaced and macros expanded; then integer constants, character
 * constants, identifiers (which count as 0), and every C operator that makes
 * sense on integers, with C's precedence, in intmax_t/uintmax_t: 64-bit BigInts,
 * unsigned when a suffix or the usual conversions make them so, so that
 * `-1 > 0u` holds as in gcc. `&&`, `||` and `?:` do not evaluate their dead
 * operand, so `0 && 1/0` is no error. Messages are gcc's. */
import type { TokenType } from './chevrotain.js';
import type { CToken } from './lexer.js';
import { locationAfter, tokenLocation } from './lexer.js';
import type { DiagnosticBag, SourceLocation } from './diagnostics.js';
import { isIdentifierLike, ListStream, type MacroExpander } from './pp-macros.js';
import * as T from './tokens.js';

interface Value {
  value: bigint;
  unsigned: boolean;
}

class ExprError extends Error {
  constructor(readonly at: SourceLocation, message: string) {
    super(message);
  }
}

const binaryPrecedence = new Map<TokenType, number>([
  [T.Star, 10], [T.Slash, 10], [T.Percent, 10],
  [T.Plus, 9], [T.Minus, 9],
  [T.ShiftLeft, 8], [T.ShiftRight, 8],
  [T.Less, 7], [T.Greater, 7], [T.LessEqual, 7], [T.GreaterEqual, 7],
  [T.EqualEqual, 6], [T.NotEqual, 6],
  [T.Amp, 5], [T.Caret, 4], [T.Pipe, 3], [T.AmpAmp, 2], [T.PipePipe, 1],
]);

/** Expands an `#if` line, replacing `defined X` and `defined(X)` first, and evaluates it. */
export function evaluateIfLine(name: CToken, line: CToken[], expander: MacroExpander, diags: DiagnosticBag): boolean {
  const input = new ListStream(line);
  const expanded: CToken[] = [];
  for (let t = input.next(); t !== undefined; t = input.next()) {
    if (!isIdentifierLike(t) || t.image !== 'defined') {
      if (!expander.tryExpand(t, input)) expanded.push(t);
      continue;
    }
    let operand = input.next();
    const open = operand?.tokenType === T.LParen ? operand : undefined;
    if (open !== undefined) operand = input.next();
    if (operand === undefined || !isIdentifierLike(operand)) {
      const at = operand === undefined ? locationAfter(open ?? t) : tokenLocation(operand);
      diags.error(at, 'operator "defined" requires an identifier');
      return false;
    }
    if (open !== undefined && input.next()?.tokenType !== T.RParen) {
      diags.error(locationAfter(operand), 'missing \')\' after "defined"');
      return false;
    }
    const value = expander.macros.has(operand.image) ? '1' : '0';
    const tokenTypeIdx = T.IntegerLiteral.tokenTypeIdx as number;
    expanded.push({ ...t, image: value, tokenType: T.IntegerLiteral, tokenTypeIdx });
  }
  return evaluateCondition(expanded, name, diags);
}

/** Evaluates an expanded `#if` line; on an error, reports it and answers false as gcc does. */
function evaluateCondition(tokens: CToken[], directive: CToken, diags: DiagnosticBag): boolean {
  if (tokens.length === 0) {
    diags.error(locationAfter(directive), `#${directive.image} with no expression`);
    return false;
  }
  try {
    return new ExprParser(tokens, diags).parseWhole().value !== 0n;
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    diags.error(e.at, e.message);
    return false;
  }
}

function wrap(value: bigint, unsigned: boolean): Value {
  return { value: unsigned ? BigInt.asUintN(64, value) : BigInt.asIntN(64, value), unsigned };
}

function truth(b: boolean): Value {
  return { value: b ? 1n : 0n, unsigned: false };
}

/** Nesting of parentheses, unary operators and `?:` in one `#if`: the evaluator recurses on each. */
const MAX_EXPRESSION_NESTING = 256;

class ExprParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: CToken[], private readonly diags: DiagnosticBag) {}

  parseWhole(): Value {
    const v = this.parseComma(true);
    const extra = this.tokens[this.pos];
    if (extra?.tokenType === T.RParen) throw new ExprError(tokenLocation(extra), "missing '(' in expression");
    if (extra !== undefined) {
      throw new ExprError(tokenLocation(extra), `missing binary operator before token "${extra.image}"`);
    }
    return v;
  }

  private peek(): CToken | undefined {
    return this.tokens[this.pos];
  }

  /** Runs one level of the recursive descent, refusing to go deeper than the limit. */
  private nested<R>(at: CToken | undefined, parse: () => R): R {
    if (this.depth >= MAX_EXPRESSION_NESTING) {
      const where = at ?? this.tokens[this.tokens.length - 1];
      throw new ExprError(tokenLocation(where), `#if expression nested more than ${MAX_EXPRESSION_NESTING} deep`);
    }
    this.depth++;
    const result = parse();
    this.depth--;
    return result;
  }

  private parseComma(live: boolean): Value {
    let v = this.parseConditional(live);
    while (this.peek()?.tokenType === T.Comma) {
      this.pos++;
      v = this.parseConditional(live);
    }
    return v;
  }

  private parseConditional(live: boolean): Value {
    const cond = this.parseBinary(1, live);
    const question = this.peek();
    if (question?.tokenType !== T.Question) return cond;
    this.pos++;
    const taken = cond.value !== 0n;
    const ifTrue = this.nested(question, () => this.parseComma(live && taken));
    const colon = this.peek();
    if (colon?.tokenType !== T.Colon) {
      const at = colon === undefined ? locationAfter(this.tokens[this.tokens.length - 1]) : tokenLocation(colon);
      throw new ExprError(at, "'?' without following ':'");
    }
    this.pos++;
    const ifFalse = this.nested(question, () => this.parseConditional(live && !taken));
    const unsigned = ifTrue.unsigned || ifFalse.unsigned;
    return wrap(taken ? ifTrue.value : ifFalse.value, unsigned);
  }

  private parseBinary(minPrecedence: number, live: boolean): Value {
    let left = this.parseUnary(live);
    for (;;) {
      const op = this.peek();
      const precedence = op === undefined ? undefined : binaryPrecedence.get(op.tokenType);
      if (op === undefined || precedence === undefined || precedence < minPrecedence) return left;
      this.pos++;
      const shortCircuit =
        (op.tokenType === T.AmpAmp && left.value === 0n) || (op.tokenType === T.PipePipe && left.value !== 0n);
      this.expectOperand(op);
      const right = this.parseBinary(precedence + 1, live && !shortCircuit);
      left = this.apply(op, left, right, live);
    }
  }

  private expectOperand(op: CToken): void {
    if (this.peek() === undefined) {
      throw new ExprError(locationAfter(op), `operator '${op.image}' has no right operand`);
    }
  }

  private parseUnary(live: boolean): Value {
    const t = this.peek();
    if (t === undefined) {
      throw new ExprError(locationAfter(this.tokens[this.tokens.length - 1]), '#if with no expression');
    }
    const type = t.tokenType;
    if (type === T.Plus || type === T.Minus || type === T.Tilde || type === T.Bang) {
      this.pos++;
      this.expectOperand(t);
      const v = this.nested(t, () => this.parseUnary(live));
      if (type === T.Plus) return v;
      if (type === T.Minus) return wrap(-v.value, v.unsigned);
      if (type === T.Tilde) return wrap(~v.value, v.unsigned);
      return truth(v.value === 0n);
    }
    return this.parsePrimary(t, live);
  }

  private parsePrimary(t: CToken, live: boolean): Value {
    this.pos++;
    const type = t.tokenType;
    if (type === T.LParen) {
      const close = this.peek();
      if (close?.tokenType === T.RParen) {
        throw new ExprError(tokenLocation(close), "missing expression between '(' and ')'");
      }
      const v = this.nested(t, () => this.parseComma(live));
      if (this.peek()?.tokenType !== T.RParen) throw new ExprError(tokenLocation(t), "missing ')' in expression");
      this.pos++;
      return v;
    }
    if (type === T.IntegerLiteral) return this.integer(t);
    if (type === T.CharLiteral) return { value: BigInt(charConstantValue(t, this.diags)), unsigned: false };
    if (isIdentifierLike(t)) return { value: 0n, unsigned: false };
    if (type === T.FloatLiteral) throw new ExprError(tokenLocation(t), 'floating constant in preprocessor expression');
    if (type === T.PPNumber) throw new ExprError(tokenLocation(t), badNumberMessage(t.image));
    if (binaryPrecedence.has(type)) throw new ExprError(tokenLocation(t), `operator '${t.image}' has no left operand`);
    throw new ExprError(tokenLocation(t), `token "${t.image}" is not valid in preprocessor expressions`);
  }

  private integer(t: CToken): Value {
    const digits = t.image.replace(/[uUlL]+$/, '');
    const value = BigInt(/^0[0-7]+$/.test(digits) ? '0o' + digits.slice(1) : digits);
    const explicitlyUnsigned = /[uU]/.test(t.image);
    const beyondSigned = value >= 1n << 63n;
    if (value >= 1n << 64n) {
      this.diags.warning(tokenLocation(t), 'integer constant is too large for its type');
    } else if (beyondSigned && !explicitlyUnsigned && /^[1-9]/.test(digits)) {
      this.diags.warning(tokenLocation(t), 'integer constant is so large that it is unsigned');
    }
    return wrap(value, explicitlyUnsigned || beyondSigned);
  }

  private apply(op: CToken, left: Value, right: Value, live: boolean): Value {
    const unsigned = left.unsigned || right.unsigned;
    const l = unsigned ? BigInt.asUintN(64, left.value) : left.value;
    const r = unsigned ? BigInt.asUintN(64, right.value) : right.value;
    const type = op.tokenType;
    if ((type === T.Slash || type === T.Percent) && r === 0n) {
      if (live) throw new ExprError(tokenLocation(op), 'division by zero in #if');
      return wrap(0n, unsigned);
    }
    if (type === T.Star) return wrap(l * r, unsigned);
    if (type === T.Slash) return wrap(l / r, unsigned);
    if (type === T.Percent) return wrap(l % r, unsigned);
    if (type === T.Plus) return wrap(l + r, unsigned);
    if (type === T.Minus) return wrap(l - r, unsigned);
    if (type === T.ShiftLeft || type === T.ShiftRight) return shift(left, right.value, type === T.ShiftLeft);
    if (type === T.Less) return truth(l < r);
    if (type === T.Greater) return truth(l > r);
    if (type === T.LessEqual) return truth(l <= r);
    if (type === T.GreaterEqual) return truth(l >= r);
    if (type === T.EqualEqual) return truth(l === r);
    if (type === T.NotEqual) return truth(l !== r);
    if (type === T.Amp) return wrap(l & r, unsigned);
    if (type === T.Caret) return wrap(l ^ r, unsigned);
    if (type === T.Pipe) return wrap(l | r, unsigned);
    if (type === T.AmpAmp) return truth(l !== 0n && r !== 0n);
    if (type === T.PipePipe) return truth(l !== 0n || r !== 0n);
    throw new Error(`evaluateCondition: no rule for operator ${op.image}`);
  }
}

/** Shifts in the left operand's type; a negative count shifts the other way, as in gcc's cpp. */
function shift(left: Value, count: bigint, toLeft: boolean): Value {
  const n = count < 0n ? -count : count;
  const capped = n > 64n ? 64n : n;
  const leftward = count < 0n ? !toLeft : toLeft;
  const base = left.unsigned ? BigInt.asUintN(64, left.value) : left.value;
  return wrap(leftward ? base << capped : base >> capped, left.unsigned);
}

/** gcc's message for a preprocessing number that is no valid constant. */
export function badNumberMessage(image: string): string {
  const octal = /^0[0-9]+$/.exec(image);
  if (octal !== null) return `invalid digit "${/[89]/.exec(image)?.[0] ?? ''}" in octal constant`;
  const integerPart = /^(?:0[xX][0-9a-fA-F]*|[0-9]+)/.exec(image)?.[0] ?? '';
  const suffix = image.slice(integerPart.length === 2 && /^0[xX]$/.test(integerPart) ? 1 : integerPart.length);
  return `invalid suffix "${suffix}" on integer constant`;
}

const simpleEscapes: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63, e: 27,
};

/** Decodes the characters of a string or character literal body (C escapes) into byte values. */
export function decodeEscapes(body: string): { bytes: number[]; unknownEscape?: string } {
  const bytes: number[] = [];
  let unknownEscape: string | undefined;
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      for (const b of Buffer.from(body[i], 'utf8')) bytes.push(b);
      continue;
    }
    const c = body[++i];
    const octal = /^[0-7]{1,3}/.exec(body.slice(i));
    const hex = /^x([0-9a-fA-F]+)/.exec(body.slice(i));
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (hex !== null) {
      bytes.push(parseInt(hex[1].slice(-2), 16));
      i += hex[0].length - 1;
    } else if (c in simpleEscapes) {
      bytes.push(simpleEscapes[c]);
    } else {
      unknownEscape ??= c;
      bytes.push(c.charCodeAt(0) & 0xff);
    }
  }
  return unknownEscape === undefined ? { bytes } : { bytes, unknownEscape };
}

/** The int value of a character constant: signed char as on x86, wide ones not sign-extended. */
export function charConstantValue(t: CToken, diags: DiagnosticBag): number {
  const wide = t.image.startsWith('L');
  const { bytes, unknownEscape } = decodeEscapes(t.image.slice(wide ? 2 : 1, -1));
  if (unknownEscape !== undefined) diags.warning(tokenLocation(t), `unknown escape sequence: '\\${unknownEscape}'`);
  if (bytes.length === 0) {
    diags.error(tokenLocation(t), 'empty character constant');
    return 0;
  }
  if (wide) return bytes[bytes.length - 1];
  if (bytes.length === 1) return bytes[0] > 127 ? bytes[0] - 256 : bytes[0];
  diags.warning(tokenLocation(t), 'multi-character character constant [-Wmultichar]');
  return bytes.slice(-4).reduce((acc, b) => ((acc << 8) | b) | 0, 0);
}
