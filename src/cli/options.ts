// Parsing and validation of the `run` options shared by the CLI commands. Bad values
// are user errors with a clear message (UsageError), never exceptions with a stack.

export class UsageError extends Error {}

const SIZE_SUFFIX: Record<string, number> = { '': 1, k: 1024, m: 1024 * 1024, g: 1024 * 1024 * 1024 };

/** "64M", "512k", "1G", "65536" → bytes. */
export function parseSize(text: string, option: string): number {
  const m = /^(\d+)([kKmMgG]?)(i?[bB])?$/.exec(text.trim());
  if (!m) throw new UsageError(`${option}: '${text}' is not a size (use e.g. 64M, 512K, 1G)`);
  const bytes = Number(m[1]) * SIZE_SUFFIX[m[2].toLowerCase()];
  if (!Number.isSafeInteger(bytes)) throw new UsageError(`${option}: '${text}' is too large`);
  return bytes;
}

/** A non-negative integer option. */
export function parseCount(text: string, option: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${option}: '${text}' is not a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${option}: ${text} is out of range (${min}..${max})`);
  return n;
}

export function parseChoice<T extends string>(text: string, option: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${option}: '${text}' is not one of ${choices.join(', ')}`);
}
