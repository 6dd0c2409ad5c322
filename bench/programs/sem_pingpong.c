/* sem_pingpong: two processes hand a turn back and forth with a System V set of
 * two semaphores (post the other's, wait on one's own). argv[1] = round trips
 * (default 200000). ops = round trips.
 * Checked: both processes complete every turn, both semaphores end at 0, the set
 * is removed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/sem.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

#define PARENT_SEM 0
#define CHILD_SEM 1

static int sem_change(int semid, int num, int delta)
{
    struct sembuf op;
    op.sem_num = (unsigned short)num;
    op.sem_op = (short)delta;
    op.sem_flg = 0;
    return semop(semid, &op, 1);
}

static int child(int semid, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        if (sem_change(semid, CHILD_SEM, -1) < 0)
            return 1;
        if (sem_change(semid, PARENT_SEM, 1) < 0)
            return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    int semid = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600), i, status, bad = 0;
    union semun arg;
    pid_t pid;
    if (semid < 0) {
        perror("semget");
        return 1;
    }
    arg.val = 0;
    if (semctl(semid, PARENT_SEM, SETVAL, arg) < 0 || semctl(semid, CHILD_SEM, SETVAL, arg) < 0) {
        perror("semctl");
        semctl(semid, 0, IPC_RMID, arg);
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        semctl(semid, 0, IPC_RMID, arg);
        return 1;
    }
    if (pid == 0)
        _exit(child(semid, n));
    for (i = 0; i < n; i++) {
        if (sem_change(semid, CHILD_SEM, 1) < 0 || sem_change(semid, PARENT_SEM, -1) < 0) {
            bad = 1;
            kill(pid, SIGKILL);
            break;
        }
    }
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    if (semctl(semid, PARENT_SEM, GETVAL, arg) != 0 || semctl(semid, CHILD_SEM, GETVAL, arg) != 0)
        bad = 1;
    semctl(semid, 0, IPC_RMID, arg);
    if (bad) {
        printf("FAIL: semaphore ping-pong broke\n");
        return 1;
    }
    printf("sem_pingpong: %d round trips, semaphores back at 0\n", n);
    printf("ops %d\n", n);
    return 0;
}
