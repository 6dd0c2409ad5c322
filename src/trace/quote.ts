// Guest bytes as strace prints them: a C string literal with escapes, cut after
// STRING_LIMIT bytes with `...` after the closing quote (strace's default -s 32).
// The escapes are strace's: \t \n \v \f \r \" \\ by name, other bytes outside
// printable ASCII in octal -- as few digits as possible, three when the next byte
// is an octal digit, so "\1" "8" prints \18 but "\1" "7" prints \0017.

/** Bytes of a buffer shown before `...` (strace -s 32). */
export const STRING_LIMIT = 32;

const NAMED: Record<number, string> = { 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

function isOctalDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x37;
}

/** `"..."` for bytes[0..shown), then `...` when `total` (the length of the whole
 *  buffer) is larger than what is shown. */
export function quoteBytes(bytes: Uint8Array, total = bytes.length): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const named = NAMED[c];
    if (named) out += named;
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else if (isOctalDigit(bytes[i + 1])) out += '\\' + c.toString(8).padStart(3, '0');
    else out += '\\' + c.toString(8);
  }
  return out + '"' + (total > bytes.length ? '...' : '');
}

/** A buffer of `length` bytes, of which the first STRING_LIMIT are printed. */
export function quoteBuffer(bytes: Uint8Array, length: number): string {
  return quoteBytes(bytes.subarray(0, Math.min(length, STRING_LIMIT)), length);
}
