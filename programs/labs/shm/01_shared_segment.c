/* labs/shm/01_shared_segment -- first steps with System V shared memory.
 *
 * shmget creates a segment (a list of physical pages owned by the kernel);
 * shmat maps it into the caller's address space and returns where.  After
 * fork the child has the same attachment, so the same physical pages: what
 * the child stores, the parent reads -- unlike ordinary memory, which fork
 * copies.  shm_nattch counts attachments; IPC_RMID marks the segment for
 * destruction, which happens when the last attachment goes.
 * The child fills the segment and exits; the parent waits, then reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

struct board {
    char note[64];
    int squares[10];
};

static int attachments(int id)
{
    struct shmid_ds ds;
    shmctl(id, IPC_STAT, &ds);
    return (int)ds.shm_nattch;
}

int main(void)
{
    int id, i, zero = 1;
    struct board *b;
    struct shmid_ds ds;
    pid_t pid;

    id = shmget(IPC_PRIVATE, sizeof(struct board), IPC_CREAT | 0600);
    if (id < 0) {
        perror("shmget");
        return 1;
    }
    printf("attachments after shmget: %d\n", attachments(id));
    b = (struct board *)shmat(id, NULL, 0);
    if (b == (struct board *)-1) {
        perror("shmat");
        return 1;
    }
    printf("attachments after shmat: %d\n", attachments(id));
    for (i = 0; i < (int)sizeof(struct board); i++)
        if (((char *)b)[i] != 0)
            zero = 0;
    printf("a new segment is all zeros: %s\n", zero ? "yes" : "no");

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        strcpy(b->note, "written by the child");
        for (i = 0; i < 10; i++)
            b->squares[i] = i * i;
        exit(0);                        /* exit detaches the child's attachment */
    }
    waitpid(pid, NULL, 0);
    printf("the parent reads: \"%s\",", b->note);
    for (i = 0; i < 10; i++)
        printf(" %d", b->squares[i]);
    printf("\n");
    printf("attachments after the child exited: %d\n", attachments(id));

    shmctl(id, IPC_STAT, &ds);
    printf("shm_segsz: %d bytes asked for\n", (int)ds.shm_segsz);
    shmdt(b);
    printf("attachments after shmdt: %d\n", attachments(id));
    shmctl(id, IPC_RMID, NULL);
    printf("removed: IPC_STAT now %s\n", shmctl(id, IPC_STAT, &ds) < 0 ? "fails" : "works");
    return 0;
}
