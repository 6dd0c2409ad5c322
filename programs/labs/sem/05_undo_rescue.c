/* labs/sem/05_undo_rescue -- SEM_UNDO gives back a lock whose holder died.
 *
 * A semaphore used as a lock (1 = free, 0 = taken) has a weakness: if the
 * process holding it dies -- a crash, a kill -9 -- nobody ever gives it
 * back, and every later taker sleeps for ever.  With SEM_UNDO in sem_flg the
 * kernel records, per process and per semaphore, the opposite of every change
 * made (a `semadj` value in the process's undo list), and applies it when the
 * process exits, however it exits.
 * Twice, a child takes a lock and is killed with SIGKILL while holding it:
 * first without SEM_UNDO (the lock stays taken: a non-blocking attempt gets
 * EAGAIN), then with SEM_UNDO (the kernel has released it by the time wait
 * returns). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static int sem;

static int lock(int which, int flags)
{
    struct sembuf op;
    op.sem_num = (unsigned short)which;
    op.sem_op = -1;
    op.sem_flg = (short)flags;
    return semop(sem, &op, 1);
}

static void try_after_death(int which, int flags, const char *label)
{
    int ready[2], status;
    char c;
    pid_t pid;

    pipe(ready);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        lock(which, flags);
        write(ready[1], "L", 1);        /* "I hold the lock" */
        for (;;)
            pause();                    /* hold it until killed */
    }
    read(ready[0], &c, 1);
    printf("%s: the holder has the lock, value %d\n", label, semctl(sem, which, GETVAL));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    printf("%s: the holder was killed by signal %d\n", label, WTERMSIG(status));
    printf("%s: value after its death %d\n", label, semctl(sem, which, GETVAL));
    if (lock(which, IPC_NOWAIT) == 0)
        printf("%s: the parent takes the lock at once\n", label);
    else
        printf("%s: the parent cannot take it (%s): stuck for ever\n", label,
               errno == EAGAIN ? "EAGAIN" : strerror(errno));
    close(ready[0]);
    close(ready[1]);
}

int main(void)
{
    unsigned short free_locks[2] = { 1, 1 };
    union semun arg;

    sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    arg.array = free_locks;
    semctl(sem, 0, SETALL, arg);
    try_after_death(0, 0, "without SEM_UNDO");
    try_after_death(1, SEM_UNDO, "with SEM_UNDO   ");
    semctl(sem, 0, IPC_RMID);
    return 0;
}
