// Why compiled code (or the interpreter, for ENTER_TIER) stopped, besides a Trap
// (cpu.ts, 0..5, whose pc conventions they share). Numbers above every Trap so one
// int carries either; shared by the interpreter, jit.ts and the generated code.

/** LEV executed: m.pc is the return address's code index. */
export const RETURNED = 16;
/** Control left the compiled code at m.pc, which the driver continues from. */
export const RESUME = 17;
/** The next block needs more budget than is left: the interpreter finishes the slice. */
export const LOW_BUDGET = 18;
/** Interpreter only: hot[pc] ran out; the driver decides whether to compile. */
export const ENTER_TIER = 19;

/** A countdown that does not run out in practice (2^31 arrivals; then it is reset). */
export const NEVER = 0x7fffffff;
