// Entry point of `npm run bench` (the same suite as `ipcvm bench`).
import { benchMain } from './run.js';

benchMain(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
