// The system tools of /bin: ls, rm, mkfifo, env, sleep, kill, ps, ipcs, ipcrm
// and cc, with the messages and layouts of their Linux counterparts (GNU
// coreutils, procps, util-linux). Files made inside the VM carry the virtual
// clock's time (2023-11-14 22:13 UTC), so long listings are reproducible.
import { describe, expect, it } from 'vitest';
import { hostDirWith, sh } from './sh-harness.js';
import { join } from 'node:path';

/** Runs command; without files, with no host view: the shell starts in an
 *  empty /home/user and the tree holds nothing but the VM's own files. */
async function run(command: string, files?: Record<string, string>, skipInvariants = false): Promise<{ stdout: string; stderr: string; status: number }> {
  const r = await sh(command, files ? { files, skipInvariants } : { hostFs: false });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('ls, rm, mkfifo', () => {
  it('lists names sorted, one per line off a terminal, hiding dot files', async () => {
    const r = await run('ls; ls -a | head -n 3; ls -A', { 'b.txt': '', 'a.txt': '', '.dot': '' });
    expect(r.stdout).toBe('a.txt\nb.txt\n.\n..\n.dot\n.dot\na.txt\nb.txt\n');
  });

  it('gives the long format with total, modes, links, owners, sizes and times', async () => {
    const r = await run('echo hello > f; mkfifo p; ls -l; ls -l /dev/null; ls -ld /tmp');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'total 4\n' +
        '-rw-r--r-- 1 1000 1000 6 Nov 14 22:13 f\n' +
        'prw-r--r-- 1 1000 1000 0 Nov 14 22:13 p\n' +
        'crw-rw-rw- 1 0 0 1, 3 Nov 14 22:13 /dev/null\n' +
        'drwxrwxrwt 2 0 0 4096 Nov 14 22:13 /tmp\n',
    );
  });

  it('lists files before directories, each directory under its name', async () => {
    const r = await run('echo > x; ls x /dev /');
    expect(r.stdout).toBe('x\n\n/:\nbin\ndev\nhome\ntmp\n\n/dev:\nnull\n');
  });

  it('reports what it cannot find with status 2', async () => {
    const r = await run('ls nofile /tmp; echo $?');
    expect(r).toEqual({ stdout: '/tmp:\n2\n', stderr: "ls: cannot access 'nofile': No such file or directory\n", status: 0 });
  });

  it('removes files, quietly with -f', async () => {
    const r = await run('echo > f; rm f nofile; echo $?; rm -f nofile; echo $?; ls');
    expect(r.stdout).toBe('1\n0\n');
    expect(r.stderr).toBe("rm: cannot remove 'nofile': No such file or directory\n");
  });

  it('makes FIFOs, refusing an existing name', async () => {
    const r = await run('mkfifo /tmp/f; mkfifo /tmp/f; echo $?; ls -l /tmp/f');
    expect(r.stdout).toBe('1\nprw-r--r-- 1 1000 1000 0 Nov 14 22:13 /tmp/f\n');
    expect(r.stderr).toBe("mkfifo: cannot create fifo '/tmp/f': File exists\n");
  });
});

describe('env and sleep', () => {
  it('prints, empties, changes and unsets the environment for a command', async () => {
    const r = await run('env | sort; env -i A=1 B=2 env; env -u HOME env | grep -c HOME; env -i nosuch; echo $?');
    expect(r.stdout).toBe('HOME=/\nPATH=/bin\nPWD=/home/user\nSHELL=/bin/sh\nUSER=user\nA=1\nB=2\n0\n127\n');
    expect(r.stderr).toBe("env: 'nosuch': No such file or directory\n");
  });

  it('sleeps on the virtual clock, with units and fractions', async () => {
    const r = await sh('sleep 1.5 0.5; sleep 1m; sleep 1x; echo $?');
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toBe("sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n");
    expect(r.kernel.clock.now()).toBeGreaterThanOrEqual(62e9);
  });
});

describe('kill', () => {
  it('lists signals as procps kill does', async () => {
    const r = await run('kill -l; kill -l 10 USR1 SIGRTMIN+1; kill -L | head -n 1');
    expect(r.stdout).toBe(
      'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n' +
        'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n' +
        'USR1\n10\n35\n' +
        ' 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS     \n',
    );
  });

  it('sends a signal by name or number, to a pid or a group, and reports failures', async () => {
    const r = await run('sleep 10 & kill -s KILL $!; wait $!; echo $?; sleep 10 & kill -9 -1; wait; kill 999; echo $?; kill -FOO 1');
    expect(r.stdout).toBe('137\n1\n');
    expect(r.stderr).toBe('kill: (999): No such process\nkill: unknown signal: FOO\n');
  });
});

describe('ipcs and ipcrm', () => {
  const leave = `#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
int main(void)
{
    int shm = shmget(0x51, 100, IPC_CREAT | 0600);
    shmat(shm, 0, 0);
    shmctl(shmget(0x52, 8192, IPC_CREAT | 0666), IPC_STAT, 0);
    semget(0x53, 3, IPC_CREAT | 0644);
    msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    return 0;
}
`;

  it('lists every kind of object in util-linux layout', async () => {
    const r = await run('./leave.c; ipcs; ipcs -m -s | grep -c 0x', { 'leave.c': leave }, true);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      '\n------ Message Queues --------\n' +
        'key        msqid      owner      perms      used-bytes   messages    \n' +
        '0x00000000 0          1000       600        0            0           \n' +
        '\n------ Shared Memory Segments --------\n' +
        'key        shmid      owner      perms      bytes      nattch     status      \n' +
        '0x00000051 0          1000       600        100        0                       \n' +
        '0x00000052 1          1000       666        8192       0                       \n' +
        '\n------ Semaphore Arrays --------\n' +
        'key        semid      owner      perms      nsems     \n' +
        '0x00000053 0          1000       644        3         \n' +
        '\n3\n',
    );
  });

  it('removes objects by id and by key, and everything with -a', async () => {
    const r = await run('./leave.c; ipcrm -m 0 -S 0x53; ipcs | grep -c 0x; ipcrm -s 0; ipcrm -a; ipcs | grep -c 0x', { 'leave.c': leave });
    expect(r.stdout).toBe('2\n0\n');
    expect(r.stderr).toBe('ipcrm: invalid id (0)\n');
  });
});

describe('cc', () => {
  it('compiles a source into a module that runs by name', async () => {
    const r = await run('cc hello.c -o /tmp/hello && /tmp/hello world; ls -l /tmp/hello | cut_is_missing 2>/dev/null; cc hello.c; ./a.out', {
      'hello.c': '#include <stdio.h>\nint main(int argc, char **argv) { printf("hello %s\\n", argc > 1 ? argv[1] : "you"); return 0; }\n',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello world\nhello you\n');
  });

  it('prints the compiler messages and fails on an error', async () => {
    const r = await run('cc bad.c -o /tmp/bad; echo $?; ls /tmp/bad', { 'bad.c': 'int main(void) { return x; }\n' });
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toMatch(/^bad\.c:1:25: error: .*x.*\n/);
    expect(r.stderr).toContain("ls: cannot access '/tmp/bad': No such file or directory\n");
  });

  it('refuses a source that, with what it includes, passes COMPILE_SOURCE_MAX', async () => {
    const declarations = 'int x;\n'.repeat(20_000);
    const r = await run('cc big.c -o /tmp/big; echo $?; cc small.c -o /tmp/small; echo $?', {
      'big.c': `${declarations}${declarations}int main(void) { return 0; }\n`,
      'small.c': '#include "decls.h"\n#include "decls.h"\nint main(void) { return 0; }\n',
      'decls.h': declarations,
    });
    expect(r.stdout).toBe('1\n1\n');
    expect(r.stderr).toBe(
      'ipcvm: big.c: more than 256 KiB of C source with what it includes: too much to compile\n' +
        'ipcvm: small.c: more than 256 KiB of C source with what it includes: too much to compile\n',
    );
  });

  it("reads the system headers but no other host file outside the guest's view", async () => {
    const outside = join(hostDirWith({ 'secret.h': 'int leaked = 42;\n' }), 'secret.h');
    const r = await run(`cc peek.c -o /tmp/peek; echo $?`, {
      'peek.c': `#include <stdio.h>\n#include "${outside}"\nint main(void) { printf("%d\\n", leaked); return 0; }\n`,
    });
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toContain(`fatal error: ${outside}: No such file or directory`);
  });
});
