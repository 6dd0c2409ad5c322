// The .ipx format: round trips, each decoding error with its message, and a fuzzer
// checking that decode + verify is total on corrupt files.
import { describe, expect, it } from 'vitest';
import { disassemble } from '../src/isa/disasm.js';
import { decodeModule, encodeModule, ModuleError } from '../src/isa/ipx.js';
import type { Module } from '../src/isa/module.js';
import { verifyModule } from '../src/isa/verify.js';
import { assemble, sampleModule, seededRandom } from './isa-assemble.js';

const SECTION_IDS = { code: 1, data: 2, bss: 3, entry: 4, sigreturn: 5, functions: 6, globals: 7, files: 8, lines: 9 };
type Section = keyof typeof SECTION_IDS;

const u32At = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
function withU32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value >>> 0, true);
  return copy;
}
/** Byte offset of a section's table entry (id, offset, length) and of its contents. */
function sectionOf(bytes: Uint8Array, name: Section): { entry: number; offset: number } {
  for (let i = 0; i < u32At(bytes, 12); i++) {
    const entry = 16 + 12 * i;
    if (u32At(bytes, entry) === SECTION_IDS[name]) return { entry, offset: u32At(bytes, entry + 4) };
  }
  throw new Error(`no section ${name}`);
}

function decodeError(bytes: Uint8Array): string {
  try {
    decodeModule(bytes);
  } catch (e) {
    if (e instanceof ModuleError) return e.message;
    throw e;
  }
  return 'decoded';
}

describe('encodeModule / decodeModule', () => {
  it('round-trips the sample module', () => {
    const m = sampleModule();
    const bytes = encodeModule(m);
    expect(decodeModule(bytes)).toEqual(m);
    expect(encodeModule(decodeModule(bytes))).toEqual(bytes);
  });

  it('round-trips empty tables and non-ASCII names', () => {
    const m = assemble({ 'grüße_函数': [['ENT', 0], ['LEV']] }, { files: ['dir/ünï.c', ''] });
    expect(decodeModule(encodeModule(m))).toEqual(m);
  });

  it('writes the magic, the version and a table of nine sections', () => {
    const bytes = encodeModule(sampleModule());
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('IPX1');
    expect([u32At(bytes, 4), u32At(bytes, 8), u32At(bytes, 12)]).toEqual([1, 0, 9]);
    expect(sectionOf(bytes, 'code').offset).toBe(16 + 9 * 12);
  });

  it('decodes from a subarray at an unaligned offset', () => {
    const bytes = encodeModule(sampleModule());
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(decodeModule(padded.subarray(3))).toEqual(sampleModule());
  });
});

describe('decodeModule errors', () => {
  const good = encodeModule(sampleModule());

  it('rejects a short file, bad magic, another version, unknown flags', () => {
    expect(decodeError(good.subarray(0, 8))).toBe('file too short for an ipx header (8 bytes), at byte 0x0');
    const magic = good.slice();
    magic[3] = 0x32;
    expect(decodeError(magic)).toBe('bad magic "IPX2" (expected "IPX1"), at byte 0x0');
    expect(decodeError(withU32(good, 4, 2))).toBe('unsupported version 2 (expected 1), at byte 0x4');
    expect(decodeError(withU32(good, 8, 4))).toBe('unknown flags 0x4, at byte 0x8');
  });

  it('rejects a broken section table', () => {
    expect(decodeError(withU32(good, 12, 0xffffffff))).toBe(
      'section table of 4294967295 entries runs past the end of the file, at byte 0xc',
    );
    expect(decodeError(withU32(good, 16, 12))).toBe('unknown section id 12, at byte 0x10');
    expect(decodeError(withU32(good, 16, 0))).toBe('unknown section id 0, at byte 0x10');
    expect(decodeError(withU32(good, 28, 1))).toBe("duplicate section 'code', at byte 0x1c");
    expect(decodeError(withU32(good, 12, 8))).toBe("missing section 'lines', at byte 0x10");
  });

  it('rejects a section that extends past the end of the file', () => {
    const { entry, offset } = sectionOf(good, 'code');
    expect(decodeError(withU32(good, entry + 8, 0xffffffff))).toBe(
      `section 'code' extends past end of file (offset 0x${offset.toString(16)}, length 0xffffffff), at byte 0x10`,
    );
    expect(decodeError(withU32(good, entry + 4, good.length + 1))).toBe(
      `section 'code' extends past end of file (offset 0x${(good.length + 1).toString(16)}, length 0xe0), at byte 0x10`,
    );
  });

  it('rejects sections whose contents do not fill them exactly', () => {
    const code = sectionOf(good, 'code');
    expect(decodeError(withU32(good, code.entry + 8, 5))).toBe(
      `section 'code' holds 5 bytes, not a whole number of 4-byte entries, at byte 0x${code.offset.toString(16)}`,
    );
    const bss = sectionOf(good, 'bss');
    expect(decodeError(withU32(good, bss.entry + 8, 2))).toBe(
      `unexpected end of section 'bss', at byte 0x${bss.offset.toString(16)}`,
    );
    expect(decodeError(withU32(good, bss.entry + 8, 8))).toBe(
      `4 unused bytes at the end of section 'bss', at byte 0x${(bss.offset + 4).toString(16)}`,
    );
    const lines = sectionOf(good, 'lines');
    expect(decodeError(withU32(good, lines.entry + 8, 16))).toBe(
      `section 'lines' holds 16 bytes, not a whole number of 12-byte entries, at byte 0x${lines.offset.toString(16)}`,
    );
  });

  it('caps hostile counts and string lengths by the bytes present', () => {
    const functions = sectionOf(good, 'functions');
    const at = `at byte 0x${functions.offset.toString(16)}`;
    expect(decodeError(withU32(good, functions.offset, 0xffffffff))).toBe(
      `function count 4294967295 exceeds what section 'functions' can hold, ${at}`,
    );
    expect(decodeError(withU32(good, functions.offset + 4, 0xfffffff0))).toBe(
      `string length 4294967280 runs past the end of section 'functions', at byte 0x${(functions.offset + 4).toString(16)}`,
    );
    const files = sectionOf(good, 'files');
    expect(decodeError(withU32(good, files.offset, 1_000_000))).toBe(
      `file count 1000000 exceeds what section 'files' can hold, at byte 0x${files.offset.toString(16)}`,
    );
  });

  it('rejects names that are not UTF-8', () => {
    const functions = sectionOf(good, 'functions');
    const bad = good.slice();
    bad[functions.offset + 8] = 0xff; // first byte of the first name, "_start"
    expect(decodeError(bad)).toBe(`string is not valid UTF-8, at byte 0x${(functions.offset + 4).toString(16)}`);
  });
});

// ---------------------------------------------------------------- fuzzing

type Outcome = 'rejected' | 'accepted';

/** decode + verify must reject with ModuleError or yield a module the tools handle. */
function decodeAndVerify(bytes: Uint8Array, label: string): Outcome {
  let m: Module;
  try {
    m = decodeModule(bytes);
    verifyModule(m);
  } catch (e) {
    if (e instanceof ModuleError) return 'rejected';
    throw new Error(`${label}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const again = decodeModule(encodeModule(m));
  expect(again, label).toEqual(m);
  expect(() => verifyModule(again), label).not.toThrow();
  disassemble(m);
  return 'accepted';
}

const fuzzModules: [string, () => Module][] = [
  ['sample', sampleModule],
  ['tiny', () => assemble({ f: [['ENT', 0], ['LEV']] })],
  [
    'two functions with a switch',
    () =>
      assemble(
        { main: [['ENT', 4], ['LLI', 8], ['JTAB', 1, 2, 'out', 'a', 'b'], 'a:', ['CALL', 'g'], 'b:', 'out:', ['LEV']], g: [['ENT', 0], ['IMM', 3], ['LEV']] },
        { files: ['m.c'], lines: Int32Array.from([0, 0, 1, 2, 0, 2]) },
      ),
  ],
];

describe('decode + verify on corrupt files', () => {
  for (const [name, make] of fuzzModules) {
    it(`${name}: every byte flipped is rejected or verified`, () => {
      const bytes = encodeModule(make());
      expect(decodeAndVerify(bytes, `${name} unmodified`)).toBe('accepted');
      const counts = { rejected: 0, accepted: 0 };
      for (let at = 0; at < bytes.length; at++) {
        for (const mask of [0xff, 0x01, 0x02, 0x10, 0x80, 0x7f]) {
          const corrupt = bytes.slice();
          corrupt[at] ^= mask;
          counts[decodeAndVerify(corrupt, `${name}: byte ${at} ^ 0x${mask.toString(16)}`)]++;
        }
      }
      // Most flips land in the header, tables and code words, which the checks cover.
      expect(counts.rejected).toBeGreaterThan(counts.accepted);
    });

    it(`${name}: every truncation is rejected`, () => {
      const bytes = encodeModule(make());
      for (let length = 0; length < bytes.length; length++) {
        expect(decodeAndVerify(bytes.subarray(0, length), `${name}: truncated to ${length}`)).toBe('rejected');
      }
    });
  }

  it('2000 seeded random multi-byte mutations', () => {
    const seed = 0x1badc0de;
    const random = seededRandom(seed);
    const pick = (n: number): number => Math.floor(random() * n);
    const hostileWords = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffc, 0x01000000, 0x00ffffff];
    for (let trial = 0; trial < 2000; trial++) {
      const [name, make] = fuzzModules[trial % fuzzModules.length];
      let bytes = encodeModule(make());
      const mutations = 1 + pick(6);
      for (let k = 0; k < mutations; k++) {
        switch (pick(5)) {
          case 0:
            bytes[pick(bytes.length)] = pick(256);
            break;
          case 1:
            bytes = withU32(bytes, 4 * pick(Math.floor(bytes.length / 4)), hostileWords[pick(hostileWords.length)]);
            break;
          case 2:
            bytes = withU32(bytes, pick(bytes.length - 3), pick(0x100000000));
            break;
          case 3:
            bytes = bytes.slice(0, pick(bytes.length + 1));
            if (bytes.length < 8) bytes = encodeModule(make());
            break;
          case 4: {
            const grown = new Uint8Array(bytes.length + 1 + pick(16));
            grown.set(bytes);
            for (let i = bytes.length; i < grown.length; i++) grown[i] = pick(256);
            bytes = grown;
            break;
          }
        }
      }
      decodeAndVerify(bytes, `seed 0x${seed.toString(16)} trial ${trial} (${name})`);
    }
  });
});
