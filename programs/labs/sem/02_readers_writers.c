/* labs/sem/02_readers_writers -- many readers or one writer.
 *
 * A shared record of eight numbers is read by three reader processes and
 * updated by two writer processes.  A writer sets all eight to the next
 * version number, one at a time, so a reader running alongside it would see
 * a torn record (a mix of old and new numbers).  The classic solution with
 * two semaphores, readers first:
 *     WRT    held by a writer, or by the readers as a group
 *     MUTEX  protects `readcount`, the number of readers inside
 * The first reader in takes WRT for all readers, the last one out gives it
 * back; readers never block each other.  Readers count torn records and
 * check no writer is inside; the parent prints the totals at the end.
 * (With readers first, a steady stream of readers can starve the writers.) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define WRT 0
#define MUTEX 1
#define NREADERS 3
#define NWRITERS 2
#define READS 30
#define WRITES 10
#define FIELDS 8

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

struct shared {
    volatile int record[FIELDS];
    volatile int writer_inside;
    int readcount;
    int reads, torn, overlaps, writes;
};

static int sem;
static struct shared *sh;

static void change(int which, int delta)
{
    struct sembuf op;
    op.sem_num = (unsigned short)which;
    op.sem_op = (short)delta;
    op.sem_flg = 0;
    semop(sem, &op, 1);
}

static void spin(int n)
{
    volatile int i;
    for (i = 0; i < n; i++)
        ;
}

static void reader(void)
{
    int k, i, torn, overlap;
    for (k = 0; k < READS; k++) {
        change(MUTEX, -1);
        if (++sh->readcount == 1)
            change(WRT, -1);            /* first reader locks the writers out */
        change(MUTEX, +1);

        overlap = sh->writer_inside;
        torn = 0;
        for (i = 1; i < FIELDS; i++) {
            spin(50);
            if (sh->record[i] != sh->record[0])
                torn = 1;
        }

        change(MUTEX, -1);
        sh->reads++;
        sh->torn += torn;
        sh->overlaps += overlap;
        if (--sh->readcount == 0)
            change(WRT, +1);            /* last reader lets the writers in */
        change(MUTEX, +1);
    }
    exit(0);
}

static void writer(void)
{
    int k, i, next;
    for (k = 0; k < WRITES; k++) {
        change(WRT, -1);
        sh->writer_inside = 1;
        next = sh->record[0] + 1;
        for (i = 0; i < FIELDS; i++) {
            sh->record[i] = next;
            spin(50);
        }
        sh->writes++;
        sh->writer_inside = 0;
        change(WRT, +1);
    }
    exit(0);
}

int main(void)
{
    unsigned short start[2] = { 1, 1 };
    union semun arg;
    int shm, i;

    sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    arg.array = start;
    semctl(sem, 0, SETALL, arg);
    shm = shmget(IPC_PRIVATE, sizeof(struct shared), IPC_CREAT | 0600);
    sh = (struct shared *)shmat(shm, NULL, 0);   /* a new segment is all zeros */

    fflush(stdout);
    for (i = 0; i < NREADERS + NWRITERS; i++) {
        if (fork() == 0) {
            if (i % 2 == 1 && i / 2 < NWRITERS)
                writer();               /* processes 1 and 3 write, 0, 2, 4 read */
            reader();
        }
    }
    for (i = 0; i < NREADERS + NWRITERS; i++)
        wait(NULL);

    printf("reads: %d, torn records seen: %d, reads during a write: %d\n", sh->reads, sh->torn, sh->overlaps);
    printf("writes: %d, record now:", sh->writes);
    for (i = 0; i < FIELDS; i++)
        printf(" %d", sh->record[i]);
    printf("\n");
    shmdt(sh);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
