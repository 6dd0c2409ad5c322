/* labs/sem/01_ping_pong -- two semaphores make two processes take turns.
 *
 * A System V semaphore is a counter in the kernel.  semop with sem_op = -1
 * ("P", wait) takes one unit, sleeping while the value is 0; sem_op = +1
 * ("V", signal) gives one back and wakes a sleeper.  With two semaphores,
 * PING (starts at 1) and PONG (starts at 0), the parent may only run when it
 * can take PING and the child only when it can take PONG; each hands the
 * turn over with V on the other's semaphore.  So the lines alternate
 * strictly, on any scheduler and any number of CPUs, although both
 * processes print.  Each flushes its line before passing the turn on. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>

#define PING 0
#define PONG 1
#define ROUNDS 5

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
    if (semop(sem, &op, 1) < 0) {
        perror("semop");
        exit(1);
    }
}

int main(void)
{
    unsigned short start[2] = { 1, 0 };
    union semun arg;
    int i;
    pid_t pid;

    sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    arg.array = start;
    semctl(sem, 0, SETALL, arg);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        for (i = 1; i <= ROUNDS; i++) {
            change(PONG, -1);
            printf("        pong %d\n", i);
            fflush(stdout);
            change(PING, +1);
        }
        exit(0);
    }
    for (i = 1; i <= ROUNDS; i++) {
        change(PING, -1);
        printf("ping %d\n", i);
        fflush(stdout);
        change(PONG, +1);
    }
    waitpid(pid, NULL, 0);
    printf("done: PING=%d PONG=%d\n", semctl(sem, PING, GETVAL), semctl(sem, PONG, GETVAL));
    semctl(sem, 0, IPC_RMID);
    return 0;
}
