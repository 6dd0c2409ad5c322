// Literal constants: integer constants typed as gcc types them for ILP32 (with no
// long long: a decimal constant above INT_MAX becomes unsigned long with gcc's
// "so large that it is unsigned" warning), character constants (type int, value
// of a signed char), and string literals decoded to bytes (UTF-8 for non-ASCII
// source characters).

import { classifyNumber } from './tokens.js';
import { INT, LONG, UINT, ULONG, type IntType } from './types.js';

export interface IntegerConstant {
  readonly value: number; // int32 pattern
  readonly type: IntType;
  readonly problem?: { severity: 'error' | 'warning'; message: string };
}

const UINT_MAX = 0xffffffffn;
const INT_MAX = 0x7fffffffn;

export function parseIntegerConstant(text: string): IntegerConstant {
  const kind = classifyNumber(text);
  if (kind === 'float') {
    return { value: 0, type: INT, problem: { severity: 'error', message: 'floating-point constants are not supported' } };
  }
  const match = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(text);
  // A malformed number (`08`, `3x`) was reported by the preprocessor, as gcc does; it counts as 0 here.
  if (kind === 'bad' || match === null) return { value: 0, type: INT };
  const [, digits, suffix] = match;
  const lower = suffix.toLowerCase();
  if (lower.includes('ll')) {
    return { value: 0, type: INT, problem: { severity: 'error', message: 'long long is not supported' } };
  }
  const value = digits.length > 1 && digits[0] === '0' && !/[xX]/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  const decimal = digits[0] !== '0';
  const unsigned = lower.includes('u');
  const long = lower.includes('l');
  const int32 = Number(BigInt.asIntN(32, value));
  if (value > UINT_MAX) {
    return {
      value: int32,
      type: unsigned || !decimal ? ULONG : LONG,
      problem: { severity: 'warning', message: 'integer constant is too large for its type' },
    };
  }
  if (unsigned) return { value: int32, type: long ? ULONG : UINT };
  if (value <= INT_MAX) return { value: int32, type: long ? LONG : INT };
  if (!decimal) return { value: int32, type: long ? ULONG : UINT };
  return { value: int32, type: ULONG, problem: { severity: 'warning', message: 'integer constant is so large that it is unsigned' } };
}

const simpleEscapes: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63,
};

/** Decodes the body of a char or string literal (quotes removed) into bytes. */
export function decodeEscapes(body: string): { bytes: number[]; problem?: string } {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let problem: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      const code = body.codePointAt(i) ?? 0;
      if (code < 0x80) bytes.push(code);
      else {
        const text = String.fromCodePoint(code);
        bytes.push(...encoder.encode(text));
        i += text.length - 1;
      }
      continue;
    }
    const next = body[++i];
    if (next in simpleEscapes) {
      bytes.push(simpleEscapes[next]);
    } else if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      bytes.push(parseInt(digits, 8) & 0xff);
    } else if (next === 'x') {
      let digits = '';
      while (/[0-9a-fA-F]/.test(body[i + 1] ?? '')) digits += body[++i];
      if (digits === '') problem = '\\x used with no following hex digits';
      else if (parseInt(digits, 16) > 0xff) problem = 'hex escape sequence out of range';
      bytes.push(parseInt(digits || '0', 16) & 0xff);
    } else {
      problem = `unknown escape sequence: '\\${next}'`;
      bytes.push(next.charCodeAt(0));
    }
  }
  return { bytes, problem };
}

export interface CharConstant {
  readonly value: number;
  readonly warning?: string;
}

/** A character constant: type int, the value of its (signed) char; several chars pack as gcc does. */
export function parseCharConstant(text: string): CharConstant {
  const { bytes, problem } = decodeEscapes(text.slice(1, -1));
  if (bytes.length === 0) return { value: 0, warning: 'empty character constant' };
  if (bytes.length === 1) return { value: (bytes[0] << 24) >> 24, warning: problem };
  let value = 0;
  for (const b of bytes) value = ((value << 8) | b) | 0;
  return { value, warning: problem ?? 'multi-character character constant [-Wmultichar]' };
}

/** The bytes of adjacent string literals concatenated, with the terminating NUL. */
export function stringBytes(pieces: readonly string[]): { bytes: Uint8Array; problem?: string } {
  const all: number[] = [];
  let problem: string | undefined;
  for (const piece of pieces) {
    const decoded = decodeEscapes(piece.slice(1, -1));
    all.push(...decoded.bytes);
    problem ??= decoded.problem;
  }
  all.push(0);
  return { bytes: Uint8Array.from(all), problem };
}
