// Whether this build has the kernel's tracing hooks: the KernelObserver calls in
// kernel.ts, syscall.ts, fault.ts and sigdeliver.ts, each guarded by `if (TRACING)`.
// True in every build that ships. Bundles do not read this module: esbuild is told
// the value (src/tools/bundle-options.ts, the CLI's from this constant), so that the
// benchmark can build the VM and kernel a second time with `false`, the hook code
// dropped, and time the two against each other (bench/tracing-overhead.ts).
// Import it exactly as `import { TRACING } from './tracing-build.js';`.
export const TRACING = true;
