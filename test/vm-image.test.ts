// makeImage: the entry and return-site maps the interpreter checks CALLI and LEV against.
import { describe, expect, it } from 'vitest';
import { makeImage } from '../src/vm/image.js';
import { assemble } from './vm-helpers.js';

describe('makeImage', () => {
  const module = assemble(`
    .func main
      ENT 0
      CALL f
      JTAB 0 2 x x y
    x:
      IMM 0
      CALLI
    y:
      SYS 1
    .sigreturn
      SYS 119
    .func f
      ENT 0
      LEV`);

  it('marks function entries, return sites and sigreturn, with length code.length + 1', () => {
    const image = makeImage(module);
    const n = module.code.length;
    expect(image.code).toBe(module.code);
    expect(image.isEntry.length).toBe(n + 1);
    expect(image.isReturnSite.length).toBe(n + 1);
    const entries = [...image.isEntry.keys()].filter((i) => image.isEntry[i]);
    expect(entries).toEqual([0, 17]);
    const returnSites = [...image.isReturnSite.keys()].filter((i) => image.isReturnSite[i]);
    // CALL at 2 (2 words) -> 4; JTAB at 4 (6 words); CALLI at 12 (1 word) -> 13; sigreturn at 15
    expect(returnSites).toEqual([4, 13, 15]);
    expect(module.sigreturn).toBe(15);
  });

  it('panics on code that cannot be walked or a function that starts mid-instruction', () => {
    expect(() => makeImage({ ...module, code: Int32Array.of(1) })).toThrow('makeImage: no valid instruction at 0');
    expect(() => makeImage({ ...module, code: Int32Array.of(0, 255) })).toThrow('makeImage: no valid instruction at 1');
    expect(() => makeImage({ ...module, code: Int32Array.of(77, 0, -9, 0) })).toThrow('no valid instruction');
    const shifted = { ...module, functions: [{ name: 'bad', start: 1, end: 4 }] };
    expect(() => makeImage(shifted)).toThrow('makeImage: function bad starts at 1');
    expect(() => makeImage({ ...module, sigreturn: 3 })).toThrow('makeImage: sigreturn 3');
  });
});
