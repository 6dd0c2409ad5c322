/* ipc.c: System V IPC: ftok and thin wrappers over the message queue,
 * semaphore and shared memory system calls.  The struct layouts in
 * sys/ipc.h, sys/msg.h, sys/sem.h and sys/shm.h are the kernel's. */
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <errno.h>
#include "internal.h"

/* Linux's ftok: low 16 bits of the inode, low 8 of the device, the project
 * id in the top byte. */
key_t ftok(const char *path, int proj_id)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return (key_t)-1;
    return (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) | ((proj_id & 0xff) << 24));
}

int msgget(key_t key, int msgflg)
{
    __SYSCALL_RETURN(__syscall(SYS_msgget, key, msgflg));
}

int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)
{
    __SYSCALL_RETURN(__syscall(SYS_msgsnd, msqid, msgp, msgsz, msgflg));
}

ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)
{
    __SYSCALL_RETURN(__syscall(SYS_msgrcv, msqid, msgp, msgsz, msgtyp, msgflg));
}

int msgctl(int msqid, int cmd, struct msqid_ds *buf)
{
    __SYSCALL_RETURN(__syscall(SYS_msgctl, msqid, cmd, buf));
}

int semget(key_t key, int nsems, int semflg)
{
    __SYSCALL_RETURN(__syscall(SYS_semget, key, nsems, semflg));
}

int semop(int semid, struct sembuf *sops, size_t nsops)
{
    __SYSCALL_RETURN(__syscall(SYS_semop, semid, sops, nsops));
}

/* The optional union semun argument is read only for the commands that use
 * it and passed on as its raw 4-byte value. */
int semctl(int semid, int semnum, int cmd, ...)
{
    va_list ap;
    unsigned long arg = 0;
    switch (cmd) {
    case IPC_STAT:
    case IPC_SET:
    case IPC_INFO:
    case GETALL:
    case SETALL:
    case SETVAL:
    case SEM_STAT:
    case SEM_INFO:
        va_start(ap, cmd);
        arg = va_arg(ap, unsigned long);
        va_end(ap);
        break;
    }
    __SYSCALL_RETURN(__syscall(SYS_semctl, semid, semnum, cmd, arg));
}

int shmget(key_t key, size_t size, int shmflg)
{
    __SYSCALL_RETURN(__syscall(SYS_shmget, key, size, shmflg));
}

void *shmat(int shmid, const void *shmaddr, int shmflg)
{
    int r = __syscall(SYS_shmat, shmid, shmaddr, shmflg);
    if (__IS_SYSERR(r)) {
        errno = -r;
        return (void *)-1;
    }
    return (void *)r;
}

int shmdt(const void *shmaddr)
{
    __SYSCALL_RETURN(__syscall(SYS_shmdt, shmaddr));
}

int shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
    __SYSCALL_RETURN(__syscall(SYS_shmctl, shmid, cmd, buf));
}
