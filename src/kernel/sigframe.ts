// The signal frame on the guest stack, and rt_sigreturn which pops it.
//
// To run a handler the kernel pushes, below the interrupted sp, a frame that looks
// like a call handler(sig, &info, &uc) made from the sigreturn stub (module.sigreturn,
// a `SYS rt_sigreturn` that is a valid return site):
//   F+0   return address: TEXT_BASE + module.sigreturn
//   F+4   sig
//   F+8   &info (F+40) with SA_SIGINFO, else 0
//   F+12  &uc (F+16)
//   F+16  uc: the interrupted pc (as a code address), sp, bp, a, and the mask to
//         restore (two words) -- 24 bytes
//   F+40  siginfo_t, 128 bytes (SA_SIGINFO only), Linux's i386 layout
// The handler's LEV pops the return address, so at the stub sp is F+4 and
// rt_sigreturn finds the frame at sp-4. It trusts nothing it reads back: the pc
// must be an instruction of the program, else the process gets SIGSEGV; any sp, bp
// or a is harmless (a bad one faults later); SIGKILL/SIGSTOP never enter the mask.
import { TEXT_BASE } from '../isa/abi.js';
import { instructionLength } from '../isa/opcodes.js';
import type { Image } from '../vm/image.js';
import type { Kernel } from './kernel.js';
import { SIGINFO_SIZE } from './kill.js';
import type { Proc } from './proc.js';
import { CLD_CONTINUED, CLD_EXITED, SA_SIGINFO, SI_KERNEL, SIG_DFL, type SigActionView, type SigInfo } from './sigstate.js';
import { SIG } from './signals.js';
import { NO_RESULT } from './sysresult.js';
import { readI32s, writeI32s } from './uaccess.js';

const ARGS_SIZE = 16;
const UC_OFFSET = ARGS_SIZE;
const UC_SIZE = 24;
const INFO_OFFSET = UC_OFFSET + UC_SIZE;

/** Instruction starts of each program image, computed on first use. A memo of
 *  immutable data (an Image never changes), so it holds no kernel state. */
const instructionStarts = new WeakMap<Image, Uint8Array>();

function isInstructionStart(image: Image, index: number): boolean {
  let starts = instructionStarts.get(image);
  if (!starts) {
    const code = image.code;
    starts = new Uint8Array(code.length);
    for (let pc = 0, n = 0; pc < code.length && (n = instructionLength(code, pc)) > 0; pc += n) starts[pc] = 1;
    instructionStarts.set(image, starts);
  }
  return index >= 0 && index < starts.length && starts[index] === 1;
}

/** True when handler (a code address) is a function entry of p's program and the
 *  program has a sigreturn stub for it to return to. */
export function isValidHandler(p: Proc, handler: number): boolean {
  const index = (handler - TEXT_BASE) | 0;
  return p.image.module.sigreturn >= 0 && index >= 0 && index < p.image.code.length && p.image.isEntry[index] === 1;
}

/** Writes info as the guest's siginfo_t at word `at` of words (which is zeroed). */
function encodeSigInfo(words: Int32Array, at: number, info: SigInfo): void {
  words[at] = info.signo;
  words[at + 2] = info.code;
  if (info.fault) {
    words[at + 3] = info.addr;
    return;
  }
  words[at + 3] = info.pid;
  words[at + 4] = info.uid;
  const fromChild = info.signo === SIG.SIGCHLD && info.code >= CLD_EXITED && info.code <= CLD_CONTINUED;
  words[at + 5] = fromChild ? info.addr : (info.value ?? 0);
}

/** Pushes the frame for sig's handler (action, already validated) on p's stack and
 *  points pc at the handler. The mask (maskLo, maskHi) is what rt_sigreturn will
 *  restore. False when the stack cannot take the frame. The frame is built in the
 *  kernel's scratch words: a signal round trip allocates nothing. */
export function pushSignalFrame(k: Kernel, p: Proc, info: SigInfo, action: SigActionView, maskLo: number, maskHi: number): boolean {
  const cpu = p.cpu;
  const withInfo = (action.flags & SA_SIGINFO) !== 0;
  const size = INFO_OFFSET + (withInfo ? SIGINFO_SIZE : 0);
  const frame = ((cpu.sp - size) & ~15) >>> 0;
  if (frame > cpu.sp >>> 0) return false;
  const words = k.scratchWords;
  words[0] = TEXT_BASE + p.image.module.sigreturn;
  words[1] = info.signo;
  words[2] = withInfo ? frame + INFO_OFFSET : 0;
  words[3] = frame + UC_OFFSET;
  words[4] = TEXT_BASE + cpu.pc;
  words[5] = cpu.sp;
  words[6] = cpu.bp;
  words[7] = cpu.a;
  words[8] = maskLo;
  words[9] = maskHi;
  if (withInfo) {
    words.fill(0, INFO_OFFSET / 4, size / 4);
    encodeSigInfo(words, INFO_OFFSET / 4, info);
  }
  if (writeI32s(k, p, frame, words, size / 4) < 0) return false;
  cpu.sp = frame;
  cpu.pc = action.handler - TEXT_BASE;
  return true;
}

/** Linux's force_sigsegv: p's signal handling itself failed (no room for a frame,
 *  a handler that is not a function, a corrupted frame), so SIGSEGV is made
 *  pending with its default action and unblocked: p dies of it, reported on stderr
 *  with addr. */
export function forceSigsegv(p: Proc, addr: number): void {
  const s = p.sig;
  s.writableAction(SIG.SIGSEGV).handler = SIG_DFL;
  s.blocked.delete(SIG.SIGSEGV);
  s.discard(SIG.SIGSEGV);
  s.enqueue(SIG.SIGSEGV, { signo: SIG.SIGSEGV, code: SI_KERNEL, pid: 0, uid: 0, addr: addr >>> 0, fault: true });
}

/** rt_sigreturn(): restores the registers and mask saved in the frame at sp-4.
 *  Sets the registers itself (NO_RESULT); a frame that cannot be read or names a
 *  pc outside the program gives SIGSEGV. */
export function sys_rt_sigreturn(k: Kernel, p: Proc): number {
  const uc = (p.cpu.sp - 4 + UC_OFFSET) >>> 0;
  const saved = k.scratchWords;
  if (!readI32s(k, p, uc, saved, UC_SIZE / 4)) {
    forceSigsegv(p, uc);
    return NO_RESULT;
  }
  const pc = (saved[0] - TEXT_BASE) | 0;
  if (!isInstructionStart(p.image, pc)) {
    forceSigsegv(p, saved[0] >>> 0);
    return NO_RESULT;
  }
  const cpu = p.cpu;
  cpu.pc = pc;
  cpu.sp = saved[1] >>> 0;
  cpu.bp = saved[2] >>> 0;
  cpu.a = saved[3];
  p.sig.blocked.set(saved[4], saved[5]);
  p.sig.blocked.dropUnblockable();
  return NO_RESULT;
}
