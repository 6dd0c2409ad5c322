// Console input from a terminal (terminal-input.ts): a reader with nothing typed
// yet sleeps in the kernel while the other processes run; Ctrl-D is one end of
// input, after which the terminal can be read again; O_NONBLOCK gives EAGAIN; an
// unreadable terminal gives EIO. The terminal is a scripted TerminalSource.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { Kernel } from '../src/kernel/kernel.js';
import { NOT_YET, type TerminalSource } from '../src/kernel/terminal-input.js';
import { hostDirWith } from './sh-harness.js';

/** What the person at the keyboard does: each step types its bytes (an empty
 *  string is Ctrl-D; null breaks the terminal) once the guest has printed `after`
 *  and the kernel has found nothing typed `slow` more times. */
interface Keystroke {
  after: string;
  typed: string | null;
  slow?: number;
}

async function runAtTerminal(source: string, keys: Keystroke[]): Promise<{ stdout: string; status: number; polls: number }> {
  const dir = hostDirWith({});
  const file = join(dir, 'prog.c');
  writeFileSync(file, source);
  const compiled = compileProgram([file]);
  if (!compiled.module) throw new Error(compiled.text);
  let stdout = '';
  let polls = 0;
  const terminal: TerminalSource = {
    readNow(max: number) {
      polls++;
      const next = keys[0];
      if (!next || !stdout.includes(next.after)) return NOT_YET;
      if (next.slow) {
        next.slow--;
        return NOT_YET;
      }
      if (next.typed === null) return null;
      const bytes = Buffer.from(next.typed.slice(0, max), 'latin1');
      if (bytes.length === next.typed.length) keys.shift();
      else next.typed = next.typed.slice(max);
      return new Uint8Array(bytes);
    },
    close() {},
  };
  const kernel = new Kernel({
    memBytes: 16 * 1024 * 1024,
    quantum: 1000,
    sched: 'rr',
    seed: 1,
    maxSteps: 50_000_000,
    clock: 'virtual',
    maxProcs: 16,
    uid: 1000,
    stats: false,
    hostDir: dir,
    terminal,
    stdout: (b) => (stdout += Buffer.from(b).toString('latin1')),
    stderr: (b) => (stdout += Buffer.from(b).toString('latin1')),
  });
  kernel.spawn(compiled.module, ['prog']);
  const result = await kernel.run();
  kernel.checkInvariants();
  return { stdout, status: result.status, polls };
}

const READ_LINE = `
static void show(const char *who) {
    char buf[64];
    int n;
    fflush(stdout);
    n = read(0, buf, sizeof buf - 1);
    if (n < 0) { printf("%s: read: %s\\n", who, strerror(errno)); return; }
    buf[n] = 0;
    printf("%s: %d bytes [%s]\\n", who, n, buf);
}
`;

describe('reading the terminal', () => {
  it('lets a background process run while a reader waits for a line', async () => {
    const r = await runAtTerminal(
      `#include <stdio.h>\n#include <string.h>\n#include <errno.h>\n#include <unistd.h>\n#include <sys/wait.h>\n${READ_LINE}
int main(void) {
    if (fork() == 0) {
        volatile int i, s = 0;
        for (i = 0; i < 200000; i++) s += i;
        printf("child done\\n");
        return 0;
    }
    show("parent");
    wait(NULL);
    return 0;
}
`,
      [{ after: 'child done', typed: 'hello\n' }],
    );
    expect(r.stdout).toBe('child done\nparent: 6 bytes [hello\n]\n');
    expect(r.status).toBe(0);
  });

  it('gives one end of input per Ctrl-D and reads on after it; O_NONBLOCK says EAGAIN', async () => {
    const r = await runAtTerminal(
      `#include <stdio.h>\n#include <string.h>\n#include <errno.h>\n#include <unistd.h>\n#include <fcntl.h>\n${READ_LINE}
int main(void) {
    int flags = fcntl(0, F_GETFL);
    fcntl(0, F_SETFL, flags | O_NONBLOCK);
    show("nonblocking");
    fcntl(0, F_SETFL, flags);
    printf("isatty %d\\n", isatty(0));
    show("first");
    show("second");
    show("third");
    return 0;
}
`,
      [
        { after: 'isatty', typed: 'one\n' },
        { after: 'first', typed: '' },
        { after: 'second', typed: 'two\n' },
      ],
    );
    expect(r.stdout).toBe(
      'nonblocking: read: Resource temporarily unavailable\nisatty 1\nfirst: 4 bytes [one\n]\nsecond: 0 bytes []\nthird: 4 bytes [two\n]\n',
    );
  });

  it('answers EIO once the terminal cannot be read', async () => {
    const r = await runAtTerminal(
      `#include <stdio.h>\n#include <string.h>\n#include <errno.h>\n#include <unistd.h>\n${READ_LINE}
int main(void) { printf("go\\n"); show("reader"); show("again"); return 0; }
`,
      [{ after: 'go', typed: null }],
    );
    expect(r.stdout).toBe('go\nreader: read: Input/output error\nagain: read: Input/output error\n');
  });

  it('waits for the keyboard rather than reporting a deadlock', async () => {
    const r = await runAtTerminal(
      `#include <stdio.h>\n#include <string.h>\n#include <errno.h>\n#include <unistd.h>\n${READ_LINE}
int main(void) { printf("prompt\\n"); show("reader"); return 0; }
`,
      [{ after: 'prompt', typed: 'late\n', slow: 5 }],
    );
    expect(r.stdout).toBe('prompt\nreader: 5 bytes [late\n]\n');
    expect(r.status).toBe(0);
    expect(r.polls).toBeGreaterThan(5);
  });
});
