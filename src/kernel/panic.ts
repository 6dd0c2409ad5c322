// Kernel panics: a broken kernel invariant is a bug of ours, never a guest's error,
// so it is thrown (and ends the run) instead of being turned into an errno.
// The message names the function that found it: `pipeWrite: nwrite < nread`.

export class KernelPanic extends Error {
  override readonly name = 'KernelPanic';
}

export function panic(where: string, message: string): never {
  throw new KernelPanic(`${where}: ${message}`);
}
