// `ipcvm sh` and `ipcvm run a.c b.c` through the real command line (bin/ipcvm.js
// on the compiled dist/, as `npm test` builds it first): stdin, stdout and the
// exit status are the host's. The interactive prompt is driven through a
// pseudo-terminal (script(1)) when the host has one: Ctrl-C must reach the
// foreground job only.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostDirWith } from './sh-harness.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'ipcvm.js');

function ipcvm(args: string[], input = '', cwd = root): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('ipcvm sh', () => {
  it("runs -c: printf 'a\\nb\\n' | ipcvm sh -c 'cat | wc -l' prints 2", () => {
    expect(ipcvm(['sh', '-c', 'cat | wc -l'], 'a\nb\n')).toEqual({ stdout: '2\n', stderr: '', status: 0 });
  });

  it('exits with the status of the command line', () => {
    expect(ipcvm(['sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({ stdout: 'out\n', stderr: 'err\n', status: 3 });
  });

  it('runs a script with its arguments, and reads commands from a non-terminal stdin', () => {
    const dir = hostDirWith({ 'job.sh': '# a script\nfor_is_not_supported=1\necho "$0 got $# args: $*"\nexit 5\n' });
    expect(ipcvm(['sh', 'job.sh', '--', 'a', 'b c'], '', dir)).toEqual({ stdout: 'job.sh got 2 args: a b c\n', stderr: '', status: 5 });
    expect(ipcvm(['sh'], 'echo one\nread_is_missing=1; echo two | wc -c\n', dir)).toEqual({ stdout: 'one\n4\n', stderr: '', status: 0 });
  });

  it('runs a lab pair as two terminals would', () => {
    const dir = join(root, 'test', 'exec-programs');
    const r = ipcvm(['sh', '-c', './msg_reader.c & ./msg_writer.c < lines.txt; wait'], '', dir);
    expect(r.stdout).toBe('writer: sent 3 lines\nreader: one\nreader: two\nreader: three\nreader: 3 lines, queue removed\n');
    expect(r.status).toBe(0);
  });
});

describe('ipcvm run with several programs', () => {
  it('runs a lab pair side by side', () => {
    const r = ipcvm(['run', 'programs/labs/msg/04_writer.c', 'programs/labs/msg/04_reader.c']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'writer: queued 4 lines\nreader: got 4 lines, the writer announced 4\n' +
        'reader: | Two programs, strangers, never forked,\nreader: | agree upon a key;\n' +
        'reader: | one writes its lines into the queue,\nreader: | the other sets them free.\nreader: queue removed\n',
    );
    expect(r.status).toBe(0);
  });

  it('gives stdin to the last program, /dev/null to the others, and exits with the worst status', () => {
    const dir = hostDirWith({
      'count.c': '#include <stdio.h>\nint main(int argc, char **argv) { int c, n = 0; while ((c = getchar()) != EOF) n++; printf("%s read %d\\n", argv[0], n); return n > 0 ? 0 : 3; }\n',
    });
    const r = ipcvm(['run', 'count.c', 'count.c'], 'abcdef', dir);
    expect(r.stdout.split('\n').sort()).toEqual(['', 'count.c read 0', 'count.c read 6']);
    expect(r.status).toBe(3);
  });

  it('runs programs that execute /bin commands', () => {
    const dir = hostDirWith({
      'lister.c': '#include <unistd.h>\nint main(void) { execlp("echo", "echo", "from", "/bin/echo", (char *)0); return 1; }\n',
    });
    expect(ipcvm(['run', 'lister.c'], '', dir)).toEqual({ stdout: 'from /bin/echo\n', stderr: '', status: 0 });
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** An interactive `ipcvm sh` on a pseudo-terminal (script(1)), driven like a person
 *  at the keyboard: each step waits until the screen shows what it needs first, so
 *  the test does not depend on how fast the machine is. */
class Terminal {
  output = '';
  readonly exited: Promise<number | null>;
  private readonly child;
  private waiter: (() => void) | null = null;

  constructor(cwd: string) {
    // script(1) runs the command with $SHELL -c; `exec` makes ipcvm the terminal's
    // only foreground process whatever that shell is (dash, left waiting, would
    // take Ctrl-C and Ctrl-Z itself).
    this.child = spawn('script', ['-qec', `exec '${process.execPath}' '${bin}' sh`, '/dev/null'], { cwd });
    this.exited = new Promise((r) => this.child.on('exit', r));
    this.child.stdout.on('data', (d: Buffer) => {
      this.output += d.toString('latin1');
      this.waiter?.();
    });
  }

  /** Resolves once the output from position `from` on matches pattern. */
  async waitFor(pattern: RegExp, from = 0, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pattern.test(this.output.slice(from))) {
      if (Date.now() > deadline) throw new Error(`terminal: no ${pattern} after ${ms} ms; screen:\n${this.output}`);
      await new Promise<void>((r) => {
        this.waiter = r;
        setTimeout(r, 200);
      });
    }
  }

  /** Types keys, then waits for the shell's next prompt after them. */
  async type(keys: string, expect: RegExp = /\$ $/): Promise<void> {
    const from = this.output.length;
    this.child.stdin.write(keys);
    await this.waitFor(expect, from);
  }

  end(): void {
    this.child.stdin.end();
  }
}

/** A foreground job that says when it runs, so the test knows a key it sends
 *  next reaches the job and not the shell. */
const READY_C = '#include <stdio.h>\n#include <unistd.h>\nint main(void) { printf("ready\\n"); fflush(stdout); sleep(100); return 0; }\n';

describe.skipIf(!hasScript)('ipcvm sh on a terminal', () => {
  it('prompts, and Ctrl-C stops the foreground job but not a background one', async () => {
    const t = new Terminal(hostDirWith({ 'ready.c': READY_C }));
    await t.waitFor(/\$ $/);
    await t.type('sleep 200 &\n');
    await t.type('./ready.c\n', /ready\r?\n/);
    await t.type('\x03');
    await t.type('echo status $?\n');
    await t.type('ps\n');
    await t.type('kill %1\n');
    await t.type('exit 3\n', /exit/);
    t.end();
    const status = await t.exited;
    expect(t.output).toContain('status 130');
    expect(t.output).toMatch(/\n\s+2\s+1\s+2 S\s+sleep 200\r?\n/);
    expect(t.output).not.toMatch(/ready\.c\r?\n\s+\d/);
    expect(t.output).toContain('Terminated              sleep 200');
    expect(status).toBe(3);
  }, 120_000);

  it('runs background jobs while the prompt waits; Ctrl-Z stops the foreground job, SIGTTIN a background reader; Ctrl-D, Ctrl-\\', async () => {
    const t = new Terminal(hostDirWith({ 'ready.c': READY_C }));
    await t.waitFor(/\$ $/);
    // Nothing is typed after this line: the job must finish while the shell waits.
    await t.type("sh -c 'sleep 1; echo bg done' &\n");
    await t.waitFor(/(^|\$ )bg done\r?\n/m);
    await t.type('./ready.c\n', /ready\r?\n/);
    await t.type('\x1a');
    expect(t.output).toMatch(/\[2\]\+\s+Stopped\s+\.\/ready\.c/);
    await t.type('jobs\n');
    await t.type('bg\n');
    await t.type('kill %2\n');
    expect(t.output).toMatch(/\[2\]\+\s+Terminated\s+\.\/ready\.c/);
    // A background reader of the terminal is stopped by SIGTTIN until brought back.
    await t.type('cat &\n');
    for (let tries = 0; !/\[1\]\+\s+Stopped\s+cat\r?\n/.test(t.output) && tries < 50; tries++) await t.type('jobs\n');
    expect(t.output).toMatch(/\[1\]\+\s+Stopped\s+cat\r?\n/);
    await t.type('fg\n', /cat\r?\n/);
    await t.type('typed line\n', /typed line\r?\ntyped line\r?\n/);
    await t.type('\x04');
    await t.type('echo cat said $?\n');
    await t.type('./ready.c\n', /ready\r?\n/);
    await t.type('\x1c', /Quit \(core dumped\)\r?\n\$ $/);
    await t.type('exit 4\n', /exit/);
    t.end();
    expect(await t.exited).toBe(4);
    expect(t.output).toContain('cat said 0');
  }, 120_000);
});
