// A linked, loadable program: what the compiler produces, `.ipx` files hold, the
// verifier checks and the kernel loads into a process. Addresses are guest addresses.

// Guest addresses and the calling convention are in abi.ts.
export const MODULE_MAGIC = 'IPX1';
export const MODULE_VERSION = 1;

export interface FunctionSymbol {
  name: string;
  /** code index of the entry (an ENT instruction) */
  start: number;
  /** code index one past the last instruction */
  end: number;
}

export interface DataSymbol {
  name: string;
  /** guest address */
  addr: number;
  size: number;
}

export interface Module {
  /** Instructions: opcode words followed by operand words (see opcodes.ts). */
  code: Int32Array;
  /** Initialised data image (globals, string literals), loaded at DATA_BASE. */
  data: Uint8Array;
  /** Zero-initialised bytes that follow `data` (rounded by the loader to pages). */
  bssSize: number;
  /** Code index where a new process starts (`_start`). */
  entry: number;
  /** Code index of the `SYS rt_sigreturn` instruction signal handlers return to;
   *  it is a valid return site for LEV. -1 when the module has none. */
  sigreturn: number;
  functions: FunctionSymbol[];
  globals: DataSymbol[];
  /** Source files named by `lines`. */
  files: string[];
  /** Line table: triples (code index, file index, line), sorted by code index; an
   *  instruction belongs to the last entry at or before it. */
  lines: Int32Array;
}
