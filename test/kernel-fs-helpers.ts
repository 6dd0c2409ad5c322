// Shared pieces of the pipe, FIFO and file system tests: a data image builder for
// hand-assembled guest programs (NUL-terminated paths, zeroed buffers, named by
// their offset) and the small code sequences the tests repeat.
import { DATA_BASE } from '../src/isa/abi.js';
import type { Item } from './isa-assemble.js';
import { addr, sys } from './kernel-helpers.js';

export class DataImage {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  /** A NUL-terminated string; returns its offset (use with data()). */
  str(text: string): number {
    return this.bytes(new TextEncoder().encode(text + '\0'));
  }

  /** Raw bytes, 4-aligned; returns the offset. */
  bytes(b: Uint8Array): number {
    const at = this.size;
    const padded = new Uint8Array((b.length + 3) & ~3);
    padded.set(b);
    this.parts.push(padded);
    this.size += padded.length;
    return at;
  }

  /** n zero bytes; returns the offset. */
  zeros(n: number): number {
    return this.bytes(new Uint8Array(n));
  }

  image(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** The guest address of data offset off (for IMM). */
export const dataAddr = (off: number): number => DATA_BASE + off;

/** write(1, &local, 4) */
export const emit = (off: number): Item[] => sys('write', 1, addr(off), 4);
/** local = a; write(1, &local, 4): the accumulator, as a word on stdout. */
export const emitA = (off: number): Item[] => [['SLI', off], ...emit(off)];

/** a = (a == k) */
export const isA = (k: number): Item[] => [['PSH'], ['IMM', k], ['EQ']];
