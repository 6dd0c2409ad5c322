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

describe.skipIf(!hasScript)('ipcvm sh on a terminal', () => {
  it('prompts, and Ctrl-C stops the foreground job but not a background one', async () => {
    const steps = ['sleep 200 &\n', 'sleep 100\n', '\x03', 'echo status $?\n', 'ps\n', 'kill %1\n', 'exit 3\n'];
    const child = spawn('script', ['-qec', `${process.execPath} ${bin} sh`, '/dev/null'], { cwd: hostDirWith({}) });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('latin1')));
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(3000);
    for (const step of steps) {
      child.stdin.write(step);
      await pause(1500);
    }
    child.stdin.end();
    const status = await exited;
    expect(output).toContain('status 130');
    expect(output).toMatch(/\n\s+2\s+1\s+2 S\s+sleep 200\r?\n/);
    expect(output).not.toMatch(/sleep 100\r?\n\s+\d/);
    expect(output).toContain('Terminated              sleep 200');
    expect(status).toBe(3);
  }, 60_000);
});
