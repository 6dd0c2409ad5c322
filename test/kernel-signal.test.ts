// The signal machinery at kernel level: the pending set and queue, the sending
// rules, the signal frame and rt_sigreturn (a corrupted frame must never break the
// host), the decision between EINTR and restart as a tracer sees it, alarm's
// rounding, and Ctrl-C on the host. The behaviour of whole guest programs is in
// test/guest/signal/*.c (expected outputs produced on Linux).
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { sys_alarm } from '../src/kernel/alarm.js';
import { HostInterrupt } from '../src/kernel/hostintr.js';
import type { KernelObserver } from '../src/kernel/kernel.js';
import { postSignal, sys_kill } from '../src/kernel/kill.js';
import type { Proc } from '../src/kernel/proc.js';
import type { SignalDisposition } from '../src/kernel/sigdeliver.js';
import { ERESTARTNOHAND, ERESTARTSYS } from '../src/kernel/sigrestart.js';
import { kernelInfo, SI_QUEUE, SIG_IGN, SignalState, type SigInfo } from '../src/kernel/sigstate.js';
import { UserAccount } from '../src/kernel/user.js';
import { SIG } from '../src/kernel/signals.js';
import { SYSCALLS } from '../src/kernel/syscall-table.js';
import { BLOCKED } from '../src/kernel/sysresult.js';
import { boot, program, sys } from './kernel-helpers.js';

const SIGRTMIN = 34;

function userInfo(sig: number, value = 0): SigInfo {
  return { signo: sig, code: SI_QUEUE, pid: 7, uid: 1000, addr: 0, fault: false, value };
}

/** Compiles a C program given as text and runs it as pid 1 on a fresh kernel. */
async function runC(source: string, observer?: KernelObserver) {
  const path = '/virtual/prog.c';
  const compiled = compileProgram([path], { readFile: (p) => (p === path ? source : undefined) });
  if (!compiled.module) throw new Error(compiled.text);
  const booted = boot({ maxSteps: 50_000_000, observer });
  booted.kernel.spawn(compiled.module, ['prog']);
  const result = await booted.kernel.run();
  booted.kernel.checkInvariants();
  return { ...booted, result };
}

describe('pending signals', () => {
  it('keeps one instance of a standard signal, with the first info', () => {
    const s = new SignalState(new UserAccount());
    let accepted = 0;
    for (let i = 0; i < 10; i++) if (s.enqueue(SIG.SIGUSR1, userInfo(SIG.SIGUSR1, i))) accepted++;
    expect(accepted).toBe(1);
    expect(s.dequeue(SIG.SIGUSR1)?.value).toBe(0);
    expect(s.dequeue(SIG.SIGUSR1)).toBeNull();
    expect(s.pending.isEmpty()).toBe(true);
  });

  it('queues every real-time instance, in order, with its value', () => {
    const s = new SignalState(new UserAccount());
    for (let i = 0; i < 10; i++) s.enqueue(SIGRTMIN + 1, userInfo(SIGRTMIN + 1, 100 + i));
    for (let i = 0; i < 10; i++) s.enqueue(SIGRTMIN, userInfo(SIGRTMIN, i));
    expect(s.queued).toBe(20);
    const order: string[] = [];
    for (let sig = s.nextDeliverable(); sig !== 0; sig = s.nextDeliverable()) order.push(`${sig}:${s.dequeue(sig)?.value}`);
    expect(order).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `${SIGRTMIN}:${i}`),
      ...Array.from({ length: 10 }, (_, i) => `${SIGRTMIN + 1}:${100 + i}`),
    ]);
    expect(s.queued).toBe(0);
  });

  it('delivers lowest first, skipping blocked signals but never SIGKILL', () => {
    const s = new SignalState(new UserAccount());
    s.enqueue(SIG.SIGTERM, userInfo(SIG.SIGTERM));
    s.enqueue(SIG.SIGUSR2, userInfo(SIG.SIGUSR2));
    s.enqueue(SIGRTMIN, userInfo(SIGRTMIN));
    expect(s.nextDeliverable()).toBe(SIG.SIGUSR2);
    s.blocked.set(-1, -1);
    s.blocked.dropUnblockable();
    expect(s.nextDeliverable()).toBe(0);
    s.enqueue(SIG.SIGKILL, userInfo(SIG.SIGKILL));
    expect(s.nextDeliverable()).toBe(SIG.SIGKILL);
  });

  it('counts only signals that would do something as interrupting a sleep', () => {
    const s = new SignalState(new UserAccount());
    s.enqueue(SIG.SIGCHLD, userInfo(SIG.SIGCHLD));
    expect(s.hasDeliverable()).toBe(false);
    s.actions[SIG.SIGUSR1].handler = SIG_IGN;
    s.enqueue(SIG.SIGUSR1, userInfo(SIG.SIGUSR1));
    expect(s.hasDeliverable()).toBe(false);
    s.enqueue(SIG.SIGTERM, userInfo(SIG.SIGTERM));
    expect(s.hasDeliverable()).toBe(true);
  });

  it('finds a pending bit without an instance, a miscounted queue, a blocked SIGKILL', () => {
    const s = new SignalState(new UserAccount());
    s.enqueue(SIGRTMIN, userInfo(SIGRTMIN));
    s.enqueue(SIG.SIGUSR1, userInfo(SIG.SIGUSR1));
    expect(s.problem()).toBeNull();
    s.pending.add(SIG.SIGUSR2);
    expect(s.problem()).toMatch(/signal 12 pending true with 0 instances/);
    s.pending.delete(SIG.SIGUSR2);
    s.queued++;
    expect(s.problem()).toMatch(/2 queued real-time signals counted, 1 held/);
    s.queued--;
    s.blocked.add(SIG.SIGKILL);
    expect(s.problem()).toBe('SIGKILL or SIGSTOP blocked');
  });

  it('forgets handlers but keeps ignored signals and the mask across exec', () => {
    const s = new SignalState(new UserAccount());
    s.actions[SIG.SIGUSR1].handler = 0x400010;
    s.actions[SIG.SIGUSR1].flags = 0x10000000;
    s.actions[SIG.SIGINT].handler = SIG_IGN;
    s.blocked.add(SIG.SIGTERM);
    s.resetForExec();
    expect([s.actions[SIG.SIGUSR1].handler, s.actions[SIG.SIGUSR1].flags, s.actions[SIG.SIGINT].handler]).toEqual([0, 0, SIG_IGN]);
    expect(s.blocked.has(SIG.SIGTERM)).toBe(true);
  });
});

describe('sending', () => {
  const idle = program({ _start: sys('exit', 0) });

  it('drops an ignored signal unless it is blocked, and lets SIGCONT cancel stops', () => {
    const { kernel } = boot();
    const p = kernel.spawn(idle, ['p']);
    postSignal(kernel, p, SIG.SIGCHLD, kernelInfo(SIG.SIGCHLD));
    expect(p.sig.isPending(SIG.SIGCHLD)).toBe(false);
    p.sig.blocked.add(SIG.SIGCHLD);
    postSignal(kernel, p, SIG.SIGCHLD, kernelInfo(SIG.SIGCHLD));
    expect(p.sig.isPending(SIG.SIGCHLD)).toBe(true);
    postSignal(kernel, p, SIG.SIGTSTP, kernelInfo(SIG.SIGTSTP));
    postSignal(kernel, p, SIG.SIGCONT, kernelInfo(SIG.SIGCONT));
    expect(p.sig.isPending(SIG.SIGTSTP)).toBe(false);
    p.sig.blocked.add(SIG.SIGCONT);
    postSignal(kernel, p, SIG.SIGCONT, kernelInfo(SIG.SIGCONT));
    postSignal(kernel, p, SIG.SIGSTOP, kernelInfo(SIG.SIGSTOP));
    expect([p.sig.isPending(SIG.SIGCONT), p.sig.isPending(SIG.SIGSTOP)]).toEqual([false, true]);
  });

  it('skips processes the caller may not signal in kill(-1), but not in kill(pid)', () => {
    const { kernel } = boot();
    const sender = kernel.spawn(idle, ['a']);
    const other = kernel.spawn(idle, ['b']);
    other.cred.uid = other.cred.euid = 2000;
    expect(sys_kill(kernel, sender, Int32Array.of(-1, SIG.SIGTERM))).toBe(0);
    expect(sys_kill(kernel, sender, Int32Array.of(other.pid, SIG.SIGTERM))).toBe(-1);
    expect(other.sig.isPending(SIG.SIGTERM)).toBe(false);
    // SIGCONT needs only the same session.
    other.sid = sender.sid = 5;
    expect(sys_kill(kernel, sender, Int32Array.of(other.pid, SIG.SIGCONT))).toBe(0);
  });
});

describe('signal frames', () => {
  /** A program whose SIGUSR1 handler runs `what` on its saved context; the signal
   *  comes from `send` (raise, or the system call made in main itself). */
  const corrupt = (what: string, send = 'raise(SIGUSR1)') => `
    #include <signal.h>
    #include <stdio.h>
    #include <string.h>
    #include <unistd.h>
    #include <sys/syscall.h>
    static void handler(int sig, siginfo_t *si, void *uc) { int *u = uc; ${what}; }
    int main(void) {
      struct sigaction sa;
      memset(&sa, 0, sizeof sa);
      sa.sa_sigaction = handler;
      sa.sa_flags = SA_SIGINFO;
      sigaction(SIGUSR1, &sa, NULL);
      ${send};
      printf("resumed\\n");
      return 0;
    }`;

  it('passes sig, siginfo and the saved context, and resumes after the handler', async () => {
    const r = await runC(corrupt('printf("sig %d signo %d code %d pid %d uc-info %d\\n", sig, si->si_signo, si->si_code, si->si_pid, (int)((char *)si - (char *)uc))'));
    expect(r.stdout()).toBe('sig 10 signo 10 code 0 pid 1 uc-info 24\nresumed\n');
    expect(r.result.status).toBe(0);
  });

  it.each([
    ['a pc outside the code', 'u[0] = 12345'],
    ['a pc inside an instruction', 'u[0] = 0x00400001'],
    ['a pc past the end of the code', 'u[0] = 0x00400000 + 0x7ffffff'],
  ])('kills with SIGSEGV on return to %s', async (_what, stmt) => {
    const r = await runC(corrupt(stmt));
    expect(r.stdout()).toBe('');
    expect(r.result.status).toBe(128 + SIG.SIGSEGV);
    expect(r.stderr()).toMatch(/pid 1 killed by SIGSEGV \(address 0x[0-9a-f]{8}\) \(core dumped\)/);
  });

  it('lets a corrupted sp or bp fault later, as any bad pointer does', async () => {
    // sp is corrupted in main's own frame: a library wrapper (raise) would return
    // with sp taken from its bp before it used the stack again.
    for (const [stmt, send] of [
      ['u[1] = 16', '__syscall(SYS_kill, getpid(), SIGUSR1)'],
      ['u[2] = -4', 'raise(SIGUSR1)'],
    ]) {
      const r = await runC(corrupt(stmt, send));
      expect(r.result.status, stmt).toBe(128 + SIG.SIGSEGV);
    }
  });

  it('survives handlers that scribble over their whole frame', async () => {
    const r = await runC(`
      #include <signal.h>
      #include <stdio.h>
      #include <string.h>
      #include <sys/wait.h>
      #include <unistd.h>
      static unsigned seed;
      static void handler(int sig, siginfo_t *si, void *uc) {
        int *w = (int *)uc - 4, i;
        for (i = 0; i < 46; i++) { seed = seed * 1103515245 + 12345; if (seed & 0x100) w[i] = (int)seed; }
      }
      int main(void) {
        struct sigaction sa;
        int i, status, reaped = 0;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = handler;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGUSR1, &sa, NULL);
        for (i = 0; i < 40; i++) {
          seed = i;
          if (fork() == 0) { raise(SIGUSR1); raise(SIGUSR1); _exit(0); }
          if (wait(&status) > 0) reaped++;
        }
        printf("reaped %d\\n", reaped);
        return 0;
      }`);
    expect(r.stdout()).toBe('reaped 40\n');
  });

  it('kills with SIGSEGV when the handler is not a function', async () => {
    const r = await runC(`
      #include <signal.h>
      int main(void) { signal(SIGUSR1, (void (*)(int))0x00400001); raise(SIGUSR1); return 0; }`);
    expect(r.result.status).toBe(128 + SIG.SIGSEGV);
  });

  it('kills with SIGSEGV on rt_sigreturn without a frame', async () => {
    const r = await runC(`
      #include <sys/syscall.h>
      int main(void) { __syscall(SYS_rt_sigreturn); return 0; }`);
    expect(r.result.status).toBe(128 + SIG.SIGSEGV);
  });

  it('kills a SIGSEGV handler that faults itself (its own signal is blocked)', async () => {
    const r = await runC(`
      #include <signal.h>
      static void handler(int sig) { *(volatile int *)8 = 1; }
      int main(void) { signal(SIGSEGV, handler); *(volatile int *)4 = 1; return 0; }`);
    expect(r.result.status).toBe(128 + SIG.SIGSEGV);
    expect(r.stderr()).toContain("(address 0x00000008)");
  });
});

describe('interrupted calls as a tracer sees them', () => {
  it('reports ERESTARTSYS for a read and ERESTARTNOHAND for pause, then the handler', async () => {
    const seen: string[] = [];
    const observer: KernelObserver = {
      syscall(p: Proc, nr: number, _args: Int32Array, result: number) {
        const name = SYSCALLS.find((c) => c.nr === nr)?.name;
        if (name === 'read' || name === 'pause') seen.push(`${name} ${result === BLOCKED ? 'blocked' : result}`);
      },
      signal(_p: Proc, info: SigInfo, disposition: SignalDisposition) {
        seen.push(`${info.signo} ${disposition}`);
      },
    };
    const r = await runC(
      `
      #include <signal.h>
      #include <stdio.h>
      #include <string.h>
      #include <unistd.h>
      static void handler(int sig) {}
      int main(void) {
        struct sigaction sa;
        int fds[2];
        char c;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = handler;
        sigaction(SIGALRM, &sa, NULL);
        pipe(fds);
        alarm(1);
        printf("read %d\\n", (int)read(fds[0], &c, 1));
        alarm(1);
        printf("pause %d\\n", pause());
        return 0;
      }`,
      observer,
    );
    expect(r.stdout()).toBe('read -1\npause -1\n');
    expect(seen).toEqual([
      'read blocked',
      `read ${-ERESTARTSYS}`,
      `${SIG.SIGALRM} handler`,
      'pause blocked',
      `pause ${-ERESTARTNOHAND}`,
      `${SIG.SIGALRM} handler`,
    ]);
  });
});

describe('alarm', () => {
  it('returns the time left rounded to the nearest second, never 0 while pending', () => {
    const { kernel } = boot();
    const p = kernel.spawn(program({ _start: sys('exit', 0) }), ['p']);
    const alarm = (seconds: number) => sys_alarm(kernel, p, Int32Array.of(seconds));
    expect(alarm(5)).toBe(0);
    kernel.clock.advance(400_000_000);
    expect(alarm(2)).toBe(5); // 4.6 s left
    kernel.clock.advance(1_600_000_000);
    expect(alarm(3)).toBe(1); // 0.4 s left: not 0
    kernel.clock.advance(1_000_000_000);
    expect(alarm(0)).toBe(2);
    expect(kernel.clock.pendingTimers()).toBe(0);
    expect(alarm(0)).toBe(0);
  });
});

describe('Ctrl-C on the host', () => {
  it('signals the foreground group once, and asks the run to stop on a second press', () => {
    const { kernel } = boot();
    const module = program({ _start: sys('exit', 0) });
    const first = kernel.spawn(module, ['a']);
    const other = kernel.spawn(module, ['b']);
    const watcher = new HostInterrupt(kernel);
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(first.sig.isPending(SIG.SIGINT)).toBe(true);
      expect(other.sig.isPending(SIG.SIGINT)).toBe(false);
      expect(watcher.stopRequested).toBe(false);
      process.emit('SIGINT', 'SIGINT');
      expect(watcher.stopRequested).toBe(true);
    } finally {
      watcher.remove();
    }
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
