// Start-up cost, measured as a user meets it: `node bin/ipcvm.js run programs/hello.c`
// as a whole process (Node boot, compiling hello.c, booting the kernel, running it)
// against `node -e 0`, the floor any Node tool pays.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measurement } from './measure.js';
import { buildNative, runProcess } from './native.js';

export interface StartupResult {
  ipcvm: Measurement;
  node: Measurement;
  /** ipcvm's time divided by node's: lower is better */
  factor: number;
}

export const HELLO = 'programs/hello.c';

/**
 * Throws when hello.c is missing, or when `ipcvm run` fails or prints other than the
 * native build's output (built in `nativeDir`; without gcc, its own first output).
 */
export async function measureStartup(root: string, runs: number, nativeDir?: string): Promise<StartupResult> {
  if (!existsSync(join(root, HELLO))) throw new Error(`${HELLO} does not exist yet`);
  const cli = join(root, 'bin', 'ipcvm.js');
  const node = (args: string[]) => async () => runProcess(process.execPath, args, false, root);
  const reference = nativeDir ? runProcess(buildNative(join(root, HELLO), nativeDir), [], false) : await node([cli, 'run', HELLO])();
  if (reference.status !== 0) throw new Error(`${HELLO} exited ${reference.status}: ${reference.stderr.trim()}`);
  const expected = reference.stdout;
  const ipcvm = await measure('startup/ipcvm', node([cli, 'run', HELLO]), { runs, expected, opsPerRun: 1 });
  const bare = await measure('startup/node', node(['-e', '0']), { runs, expected: '', opsPerRun: 1 });
  return { ipcvm, node: bare, factor: ipcvm.msPerRun / bare.msPerRun };
}
