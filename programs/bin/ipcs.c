/* ipcs: the System V IPC objects of the machine, laid out as util-linux ipcs
 * prints them (owners as numbers: there is no user database).
 *   -q message queues   -m shared memory segments   -s semaphore arrays
 *   -a (the default) all three
 * Like ipcs on a system without /proc, it walks each kind's table with the
 * *_INFO command (the highest index in use) and *_STAT (the object at an
 * index). */
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define SHM_DEST 01000
#define SHM_LOCKED 02000

static void identity(struct ipc_perm *perm, int id)
{
    printf("0x%08x %-10d %-10u %-10o ", (unsigned)perm->__key, id, (unsigned)perm->uid, perm->mode & 0777);
}

static void queues(void)
{
    struct msqid_ds ds;
    int info[16];
    int last = msgctl(0, MSG_INFO, (struct msqid_ds *)info), i;
    printf("\n------ Message Queues --------\n");
    printf("%-10s %-10s %-10s %-10s %-12s %-12s\n", "key", "msqid", "owner", "perms", "used-bytes", "messages");
    for (i = 0; i <= last; i++) {
        int id = msgctl(i, MSG_STAT, &ds);
        if (id < 0)
            continue;
        identity(&ds.msg_perm, id);
        printf("%-12lu %-12lu\n", ds.msg_cbytes, ds.msg_qnum);
    }
}

static void segments(void)
{
    struct shmid_ds ds;
    int info[64];
    int last = shmctl(0, SHM_INFO, (struct shmid_ds *)info), i;
    printf("\n------ Shared Memory Segments --------\n");
    printf("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n", "key", "shmid", "owner", "perms", "bytes", "nattch", "status");
    for (i = 0; i <= last; i++) {
        int id = shmctl(i, SHM_STAT, &ds);
        if (id < 0)
            continue;
        identity(&ds.shm_perm, id);
        printf("%-10lu %-10lu %-6s %-6s\n", (unsigned long)ds.shm_segsz, (unsigned long)ds.shm_nattch,
               ds.shm_perm.mode & SHM_DEST ? "dest" : " ", ds.shm_perm.mode & SHM_LOCKED ? "locked" : " ");
    }
}

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static void semaphores(void)
{
    struct semid_ds ds;
    int info[16];
    union semun arg;
    int last, i;
    arg.buf = (struct semid_ds *)info;
    last = semctl(0, 0, SEM_INFO, arg);
    printf("\n------ Semaphore Arrays --------\n");
    printf("%-10s %-10s %-10s %-10s %-10s\n", "key", "semid", "owner", "perms", "nsems");
    for (i = 0; i <= last; i++) {
        int id;
        arg.buf = &ds;
        id = semctl(i, 0, SEM_STAT, arg);
        if (id < 0)
            continue;
        identity(&ds.sem_perm, id);
        printf("%-10lu\n", (unsigned long)ds.sem_nsems);
    }
}

int main(int argc, char **argv)
{
    int q = 0, m = 0, s = 0, i;
    for (i = 1; i < argc; i++) {
        const char *p = argv[i];
        if (*p != '-' || p[1] == '\0') {
            fprintf(stderr, "ipcs: unknown argument: %s\n", argv[i]);
            return 1;
        }
        for (p++; *p; p++) {
            if (*p == 'q')
                q = 1;
            else if (*p == 'm')
                m = 1;
            else if (*p == 's')
                s = 1;
            else if (*p == 'a')
                q = m = s = 1;
            else {
                fprintf(stderr, "ipcs: invalid option -- '%c'\n", *p);
                return 1;
            }
        }
    }
    if (!q && !m && !s)
        q = m = s = 1;
    if (q)
        queues();
    if (m)
        segments();
    if (s)
        semaphores();
    printf("\n");
    return 0;
}
