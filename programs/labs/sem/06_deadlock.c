// expect-exit: 2
/* labs/sem/06_deadlock -- a deadlock on purpose, to read ipcvm's report.
 * linux: hangs
 *
 * Two locks A and B (semaphores at 1).  The parent takes A, the child takes
 * B; each then asks for the lock the other holds, and both sleep for ever:
 * a circular wait, the textbook deadlock.  Two helper semaphores order the
 * steps so the deadlock happens on every run and the lines before it always
 * come out in the same order.
 *
 * Under ipcvm, when no process can run and nothing (a timer, input) can wake
 * one, the VM stops, prints every blocked process and what it waits for --
 * here both in semop, on semaphores A and B of one set -- and exits with
 * status 2:
 *     npx ipcvm run programs/labs/sem/06_deadlock.c
 * On Linux it simply hangs.  Run it under `timeout 2`, then remove the
 * semaphore set it leaves behind (`ipcs -s`, `ipcrm -s ID`). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>

#define A 0
#define B 1
#define CHILD_HOLDS_B 2
#define PARENT_ASKED 3

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static int sem;

static void change(int which, int delta)
{
    struct sembuf op;
    op.sem_num = (unsigned short)which;
    op.sem_op = (short)delta;
    op.sem_flg = 0;
    semop(sem, &op, 1);
}

static void say(const char *line)
{
    printf("%s\n", line);
    fflush(stdout);                     /* the VM stops at the deadlock: nothing may stay buffered */
}

int main(void)
{
    unsigned short start[4] = { 1, 1, 0, 0 };
    union semun arg;
    pid_t pid;

    sem = semget(IPC_PRIVATE, 4, IPC_CREAT | 0600);
    arg.array = start;
    semctl(sem, 0, SETALL, arg);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        change(B, -1);
        say("child:  holding B");
        change(CHILD_HOLDS_B, +1);
        change(PARENT_ASKED, -1);
        say("child:  asking for A ...");
        change(A, -1);                  /* never returns */
        say("child:  got A (impossible)");
        exit(0);
    }
    change(A, -1);
    change(CHILD_HOLDS_B, -1);
    say("parent: holding A");
    say("parent: asking for B ...");
    change(PARENT_ASKED, +1);
    change(B, -1);                      /* never returns */
    say("parent: got B (impossible)");
    waitpid(pid, NULL, 0);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
