// Background jobs in the guest shell, and lab pairs run the way a user runs
// them in two terminals: `./reader & ./writer < lines.txt; wait` over a message
// queue and over a FIFO; `kill -USR1 %1`; jobs, wait and $!; ipcs showing a
// queue a program left behind and ipcrm removing it. The programs are C
// sources in test/exec-programs, compiled by execve as the shell runs them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostDirWith, sh } from './sh-harness.js';

const programs = join(import.meta.dirname, 'exec-programs');

/** A host directory with the pair programs and a three-line lines.txt. */
function labDir(): string {
  const names = ['msg_reader.c', 'msg_writer.c', 'fifo_reader.c', 'fifo_writer.c', 'leave_queue.c', 'wait_usr1.c'];
  const files: Record<string, string> = { 'lines.txt': 'one\ntwo\nthree\n' };
  for (const name of names) files[name] = readFileSync(join(programs, name), 'latin1');
  return hostDirWith(files);
}

describe('lab pairs from the shell', () => {
  it('runs a message queue reader in the background and its writer in the foreground', async () => {
    const r = await sh('./msg_reader.c & ./msg_writer.c < lines.txt; wait; ipcs -q | wc -l', { hostDir: labDir() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'writer: sent 3 lines\nreader: one\nreader: two\nreader: three\nreader: 3 lines, queue removed\n4\n',
    );
    expect(r.status).toBe(0);
  });

  it('gives the same output under random schedules and tiny quanta', async () => {
    const dir = labDir();
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = await sh('./msg_reader.c & ./msg_writer.c < lines.txt; wait; ./fifo_reader.c & ./fifo_writer.c < lines.txt; wait', {
        hostDir: dir,
        sched: 'random',
        seed,
        quantum: 50,
      });
      expect(r.stdout, `seed ${seed}`).toBe(
        'writer: sent 3 lines\nreader: one\nreader: two\nreader: three\nreader: 3 lines, queue removed\n' +
          'writer: 14 bytes\nreader 1: one\nreader 2: two\nreader 3: three\nreader: end of file after 3 lines\n',
      );
    }
  });

  it('runs the pair in the other order too', async () => {
    const r = await sh('./msg_writer.c < lines.txt & ./msg_reader.c; wait', { hostDir: labDir() });
    expect(r.stdout).toBe('writer: sent 3 lines\nreader: one\nreader: two\nreader: three\nreader: 3 lines, queue removed\n');
  });

  it('runs a FIFO reader and writer, which meet in open', async () => {
    const r = await sh('./fifo_reader.c & ./fifo_writer.c < lines.txt; wait; ls /tmp/pair.fifo', { hostDir: labDir() });
    expect(r.stdout).toBe('writer: 14 bytes\nreader 1: one\nreader 2: two\nreader 3: three\nreader: end of file after 3 lines\n');
    expect(r.stderr).toBe("ls: cannot access '/tmp/pair.fifo': No such file or directory\n");
  });

  it('shows with ipcs a queue a program left behind, and removes it with ipcrm', async () => {
    const r = await sh('./leave_queue.c; ipcs -q; ipcrm -q 0; echo removed $?; ipcs -q; ipcrm -q 0; echo again $?', { hostDir: labDir() });
    const header = '\n------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages    \n';
    expect(r.stdout).toBe(
      `queue 0\n${header}0x00001234 0          1000       640        6            1           \n\nremoved 0\n${header}\nagain 1\n`,
    );
    expect(r.stderr).toBe('ipcrm: invalid id (0)\n');
    expect(r.kernel.ipc.msg.all().length).toBe(0);
  });

  it('removes by key with ipcrm -Q', async () => {
    const r = await sh('./leave_queue.c > /dev/null; ipcrm -Q 0x1234; ipcs -q | grep -c 0x', { hostDir: labDir() });
    expect(r.stdout).toBe('0\n');
  });
});

describe('jobs', () => {
  it('signals a background job with kill -USR1 %1', async () => {
    const r = await sh('./wait_usr1.c & sleep 1; kill -USR1 %1; wait; echo status $?', { hostDir: labDir() });
    expect(r.stdout).toBe('got signal 10\nstatus 0\n');
    expect(r.stderr).toBe('');
  });

  it('lists jobs, reports their end, and gives wait $! the status', async () => {
    const r = await sh('./wait_usr1.c & sleep 1; jobs; kill %1; wait $!; echo status $?; jobs; sleep 2 & false & sleep 1; jobs', {
      hostDir: labDir(),
    });
    expect(r.stdout).toBe(
      '[1]+  Running                 ./wait_usr1.c &\n' +
        'status 143\n' +
        '[1]-  Running                 sleep 2 &\n' +
        '[2]+  Exit 1                  false\n',
    );
  });

  it('waits for every background job and for one named by %N or pid', async () => {
    const r = await sh('sleep 2 & a=$!; (exit 4) & b=$!; wait %2; echo b=$?; wait $a; echo a=$?; wait; echo all=$?');
    expect(r.stdout).toBe('b=4\na=0\nall=0\n');
  });

  it('runs a background and-or list in a subshell whose last command is $!', async () => {
    const r = await sh('true && sleep 5 & sleep 1; kill $!; wait $!; echo $?; ps | grep -c "[S]    sleep"');
    expect(r.stdout).toBe('143\n0\n');
  });

  it('gives a background job /dev/null as stdin and ignores SIGINT in it (no job control)', async () => {
    const r = await sh('cat & wait; sleep 3 & kill -INT $!; wait $!; echo sleep $?; sleep 3 & kill -TERM $!; wait $!; echo $?', {
      stdin: 'not for the background\n',
    });
    expect(r.stdout).toBe('sleep 0\n143\n');
  });

  it('refuses fg and bg without job control, and an unknown job', async () => {
    const r = await sh('fg; bg; kill %3; wait %3');
    expect(r.stderr).toBe('sh: fg: no job control\nsh: bg: no job control\nsh: kill: %3: no such job\nsh: wait: %3: no such job\n');
  });

  it('lists processes with ps: pid, parent, group, state and command', async () => {
    const r = await sh('sleep 9 | sleep 8 & ps; kill %1');
    expect(r.stdout).toBe(
      '  PID  PPID  PGID STAT COMMAND\n' +
        '    1     0     1 S    sh -c sleep 9 | sleep 8 & ps; kill %1\n' +
        '    2     1     1 S    sleep 9\n' +
        '    3     1     1 S    sleep 8\n' +
        '    4     1     1 R    ps\n',
    );
  });
});
