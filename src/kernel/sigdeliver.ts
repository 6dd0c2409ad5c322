// Acting on pending signals when a process returns to user mode: at the start of
// its slice and after each system call or fault (kernel.ts). As Linux does, the
// lowest deliverable signal is taken first and acted on, and this repeats while
// one is deliverable: an ignored signal is dropped, a default action terminates,
// dumps core (a wait status with 0x80; no file is written), stops or does
// nothing, and a caught signal gets a frame on the guest stack (sigframe.ts) with
// the handler's mask added to the blocked set -- so the next signal's frame goes
// on top and its handler runs first unless that mask defers it.
//
// The first handler also settles a call the signal interrupted (sigrestart.ts),
// and saves sigsuspend's original mask in its frame.
import { procExit } from './exit.js';
import { stopProc } from './jobctl.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { forceSigsegv, isValidHandler, pushSignalFrame } from './sigframe.js';
import { settleInterruptedCall } from './sigrestart.js';
import { SA_NODEFER, SA_RESETHAND, SIG_DFL, SIG_IGN, type SigActionView, type SigInfo } from './sigstate.js';
import { defaultAction, SIG, signalName, type DefaultAction } from './signals.js';
import { TRACING } from './tracing-build.js';

/** What was done with a delivered signal (for tracers). */
export type SignalDisposition = DefaultAction | 'handler';

/** Acts on p's deliverable signals; p is the running process, returning to user
 *  mode. Afterwards p may be in a handler, stopped or a zombie. A process woken
 *  from a sleep is left alone: its call re-runs first and is interrupted there. */
export function deliverSignals(k: Kernel, p: Proc): void {
  if (p.blockedSyscall !== 0) return;
  const s = p.sig;
  while (p.state === 'running') {
    const sig = s.nextDeliverable();
    if (sig === 0) break;
    const info = s.dequeue(sig) ?? panic('deliverSignals', `pid ${p.pid}: ${signalName(sig)} pending without info`);
    const action = s.actions[sig];
    if (action.handler === SIG_IGN) {
      if (TRACING) k.observer?.signal?.(p, info, 'ignore');
    }
    else if (action.handler === SIG_DFL) actByDefault(k, p, info);
    else runHandler(k, p, info, action);
  }
  if (p.state === 'running') settleInterruptedCall(k, p, null);
}

function actByDefault(k: Kernel, p: Proc, info: SigInfo): void {
  const sig = info.signo;
  const action = defaultAction(sig);
  if (TRACING) k.observer?.signal?.(p, info, action);
  switch (action) {
    case 'ignore':
    case 'cont':
      break;
    case 'stop':
      stopProc(k, p, sig);
      break;
    case 'term':
    case 'core':
      killBySignal(k, p, info, action === 'core');
      break;
    default: {
      const never: never = action;
      panic('deliverSignals', `unknown action ${String(never)}`);
    }
  }
}

/** Sets p up to run action's handler for info.signo: settles an interrupted call,
 *  pushes the frame, blocks the handler's mask (and the signal itself unless
 *  SA_NODEFER), resets the disposition under SA_RESETHAND. A frame that cannot be
 *  pushed, or a handler that is not a function, gives SIGSEGV instead. */
function runHandler(k: Kernel, p: Proc, info: SigInfo, action: SigActionView): void {
  const s = p.sig;
  const sig = info.signo;
  if (TRACING) k.observer?.signal?.(p, info, 'handler');
  settleInterruptedCall(k, p, action);
  if (!isValidHandler(p, action.handler)) {
    forceSigsegv(p, action.handler);
    return;
  }
  const restore = s.maskSaved ? s.savedMask : s.blocked;
  s.maskSaved = false;
  if (!pushSignalFrame(k, p, info, action, restore.lo, restore.hi)) {
    forceSigsegv(p, p.cpu.sp);
    return;
  }
  s.blocked.set(s.blocked.lo | action.mask.lo, s.blocked.hi | action.mask.hi);
  if ((action.flags & SA_NODEFER) === 0) s.blocked.add(sig);
  s.blocked.dropUnblockable();
  if (action.flags & SA_RESETHAND) s.writableAction(sig).handler = SIG_DFL;
}

/** p dies of sig: wait status sig, with 0x80 (core dumped) for core signals. A
 *  death by a fault is reported on stderr, with the address for SIGSEGV. */
function killBySignal(k: Kernel, p: Proc, info: SigInfo, core: boolean): void {
  const sig = info.signo;
  if (info.fault) {
    const where = sig === SIG.SIGSEGV ? ` (address 0x${info.addr.toString(16).padStart(8, '0')})` : '';
    k.log(`pid ${p.pid} killed by ${signalName(sig)}${where}${core ? ' (core dumped)' : ''}`);
  }
  procExit(k, p, core ? sig | 0x80 : sig);
}
