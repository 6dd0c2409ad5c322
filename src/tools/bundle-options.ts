// The esbuild options of every bundle of ipcvm's code: the CLI's (bundle.ts) and the
// two the benchmark times tracing with (bench/tracing-bundles.ts), so that those
// run the code that ships. The tracing switch (src/kernel/tracing-build.ts) becomes
// a constant esbuild knows while it parses: its import is taken out of each module
// and `define` gives TRACING its value, so with `false` every `if (TRACING ...)` and
// whatever only it used are dropped before statements are merged or unused code is
// shaken out (a constant imported from a module is only folded later, too late to
// drop a block). minifySyntax does the folding; names stay.
import { readFile } from 'node:fs/promises';
import type { BuildOptions, Plugin } from 'esbuild';

const SWITCH_IMPORT = /^import \{ TRACING \} from '(?:\.\.?\/)+(?:[\w-]+\/)*tracing-build\.js';\n/m;
const ANY_IMPORT = /^import [^;]*from '[^']*\/tracing-build\.js';$/m;

/** Takes the switch's import out of every module of ipcvm's that has it; fails the
 *  build when one names tracing-build otherwise, or when none imported it. */
function tracingSwitch(): Plugin {
  return {
    name: 'ipcvm-tracing-switch',
    setup(build) {
      let rewritten = 0;
      build.onStart(() => {
        rewritten = 0;
      });
      build.onLoad({ filter: /[\\/]src[\\/].*\.js$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!ANY_IMPORT.test(text)) return undefined;
        const contents = text.replace(SWITCH_IMPORT, '');
        if (ANY_IMPORT.test(contents)) throw new Error(`${args.path}: import TRACING as \`import { TRACING } from './tracing-build.js';\``);
        rewritten++;
        return { contents, loader: 'js' };
      });
      build.onEnd(() => {
        if (rewritten === 0) throw new Error('no module imports the tracing switch (src/kernel/tracing-build.js): nothing to compile in or out');
      });
    },
  };
}

/** Options for a bundle with the tracing hooks compiled in (true) or out. */
export function bundleOptions(tracing: boolean) {
  return {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    logLevel: 'warning',
    define: { TRACING: String(tracing) },
    plugins: [tracingSwitch()],
    // commander is CommonJS: give its require() calls of Node's modules a real require.
    banner: { js: "import { createRequire as __ipcvmCreateRequire } from 'node:module'; const require = __ipcvmCreateRequire(import.meta.url);" },
  } as const satisfies BuildOptions;
}
