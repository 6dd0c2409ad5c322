// The deadlock report for the classic cases: what each process waits on, who
// could wake it, the wait-for cycle and the cause named in words; status 2.
import { describe, expect, it } from 'vitest';
import { compileSource, runTraced } from './trace-helpers.js';

async function deadlock(source: string): Promise<string> {
  const run = await runTraced(compileSource(source), { classes: [] });
  expect(run.result).toMatchObject({ status: 2, end: 'deadlock' });
  return run.stderr;
}

const HEADER = 'ipcvm: deadlock: no process can run, and no timer can wake one\n';

describe('deadlock report', () => {
  it('two pipes read in the wrong order', async () => {
    const stderr = await deadlock(`
      #include <unistd.h>
      int main(void) {
        int up[2], down[2];
        char c;
        pipe(up);
        pipe(down);
        if (fork() == 0) {
          read(down[0], &c, 1);   /* waits for the parent to speak first */
          write(up[1], "x", 1);
          _exit(0);
        }
        read(up[0], &c, 1);       /* ... which waits for the child */
        write(down[1], "y", 1);
        return 0;
      }`);
    expect(stderr).toMatch(/^ipcvm: deadlock: /);
    expect(stderr).toMatch(/ipcvm: {3}pid 1 \(prog\) blocked in read\(fd 3 = pipe:\[\d+\]\): no data, writers: pid 1 itself \(fd 4\), pid 2 \(fd 4\)\n/);
    expect(stderr).toMatch(/ipcvm: {3}pid 2 \(prog\) blocked in read\(fd 5 = pipe:\[\d+\]\): no data, writers: pid 1 \(fd 6\), pid 2 itself \(fd 6\)\n/);
    expect(stderr).toContain('wait-for cycle: pid 1 -> pid 2 -> pid 1: each process waits to read a pipe that only the next one writes');
  });

  it('two semaphores taken in opposite order', async () => {
    const stderr = await deadlock(`
      #include <unistd.h>
      #include <sys/ipc.h>
      #include <sys/sem.h>
      static void op(int id, int num, int delta) {
        struct sembuf b;
        b.sem_num = num; b.sem_op = delta; b.sem_flg = SEM_UNDO;
        semop(id, &b, 1);
      }
      int main(void) {
        int id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
        semctl(id, 0, SETVAL, 1);
        semctl(id, 1, SETVAL, 1);
        if (fork() == 0) {
          op(id, 1, -1); sleep(1); op(id, 0, -1);
          _exit(0);
        }
        op(id, 0, -1); sleep(1); op(id, 1, -1);
        return 0;
      }`);
    expect(stderr).toContain("pid 1 (prog) blocked in semop(semid 0, sem 1, op -1): value 0, held by pid 2's SEM_UNDO (1), last changed by pid 2\n");
    expect(stderr).toContain("pid 2 (prog) blocked in semop(semid 0, sem 0, op -1): value 0, held by pid 1's SEM_UNDO (1), last changed by pid 1\n");
    expect(stderr).toContain('wait-for cycle: pid 1 -> pid 2 -> pid 1: semaphores taken in opposite orders');
  });

  it('two semaphores taken in opposite order without SEM_UNDO: the last changer holds it', async () => {
    const stderr = await deadlock(`
      #include <unistd.h>
      #include <sys/ipc.h>
      #include <sys/sem.h>
      static void op(int id, int num, int delta) {
        struct sembuf b;
        b.sem_num = num; b.sem_op = delta; b.sem_flg = 0;
        semop(id, &b, 1);
      }
      int main(void) {
        int id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
        op(id, 0, 1); op(id, 1, 1);
        if (fork() == 0) {
          op(id, 1, -1); sleep(1); op(id, 0, -1);
          _exit(0);
        }
        op(id, 0, -1); sleep(1); op(id, 1, -1);
        return 0;
      }`);
    expect(stderr).toContain('pid 1 (prog) blocked in semop(semid 0, sem 1, op -1): value 0, last changed by pid 2\n');
    expect(stderr).toContain('wait-for cycle: pid 1 -> pid 2 -> pid 1: semaphores taken in opposite orders');
  });

  it('a reader whose own write end keeps the pipe open', async () => {
    const stderr = await deadlock(`
      #include <unistd.h>
      #include <sys/wait.h>
      int main(void) {
        int fd[2];
        char buf[16];
        pipe(fd);
        if (fork() == 0) {
          write(fd[1], "hello", 5);
          _exit(0);
        }
        wait(0);
        while (read(fd[0], buf, sizeof buf) > 0)
          ;
        return 0;
      }`);
    expect(stderr).toMatch(/pid 1 \(prog\) blocked in read\(fd 3 = pipe:\[\d+\]\): no data, writers: pid 1 itself \(fd 4\)\n/);
    expect(stderr).toMatch(/likely cause: pid 1 reads pipe:\[\d+\] while holding its write end open itself \(fd 4\): close it in the reader/);
    expect(stderr).not.toContain('wait-for cycle');
  });

  it('a parent that forgot to close its write end waits for the reading child', async () => {
    const stderr = await deadlock(`
      #include <unistd.h>
      #include <sys/wait.h>
      int main(void) {
        int fd[2];
        char buf[16];
        pipe(fd);
        if (fork() == 0) {
          close(fd[1]);
          while (read(fd[0], buf, sizeof buf) > 0)
            ;
          _exit(0);
        }
        close(fd[0]);
        write(fd[1], "data", 4);
        wait(0);                 /* fd[1] is still open: the child never sees EOF */
        return 0;
      }`);
    expect(stderr).toContain('pid 1 (prog) blocked in wait4 for any child: children: pid 2 (blocked)\n');
    expect(stderr).toMatch(/pid 2 \(prog\) blocked in read\(fd 3 = pipe:\[\d+\]\): no data, writers: pid 1 \(fd 4\)\n/);
    expect(stderr).toContain('wait-for cycle: pid 1 -> pid 2 -> pid 1\n');
    expect(stderr).toMatch(/likely cause: pid 1 holds the write end of pipe:\[\d+\] \(fd 4\) while blocked in wait4 for any child: it forgot to close it, so pid 2 never sees end of file/);
  });

  it('a message receiver and a stopped process', async () => {
    const stderr = await deadlock(`
      #include <signal.h>
      #include <unistd.h>
      #include <sys/ipc.h>
      #include <sys/msg.h>
      struct m { long type; char text[8]; };
      int main(void) {
        struct m m;
        int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        if (fork() == 0) {
          raise(SIGSTOP);
          _exit(0);
        }
        msgrcv(q, &m, sizeof m.text, 3, 0);
        return 0;
      }`);
    expect(stderr.startsWith(HEADER)).toBe(true);
    expect(stderr).toContain('pid 1 (prog) blocked in msgrcv(msqid 0, type 3): the queue is empty, and no process is left to send one\n');
    expect(stderr).toContain('pid 2 (prog) is stopped by SIGSTOP: no process is left to send SIGCONT\n');
  });
});
