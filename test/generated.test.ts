// The files generated from the interface tables must match what the tables say now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/tools/gen.js';

describe('generated files', () => {
  for (const [path, text] of generatedFiles()) {
    it(`${path} is current (run npm run gen)`, () => {
      expect(readFileSync(path, 'utf8')).toBe(text);
    });
  }
});
