/* labs/shm/04_lazy_pages -- the pages of a segment appear on first touch.
 *
 * shmget allocates no memory: a segment starts as an empty list of pages.
 * shmat only reserves a range of addresses.  The first time any process
 * touches a page of the range, the MMU finds no mapping and faults; the
 * kernel looks the page up in the segment's list, allocates a zeroed frame
 * if the page has none yet and records it there, and maps it.  When another
 * process later touches the same page, its fault finds the frame in the list
 * and maps that same frame: this is how the memory is shared.
 * Here a segment of 16 pages is attached; one child writes a stamp on every
 * fourth page and exits; a second child, started after the first is gone,
 * reads the first word of all 16 pages.  The stamped pages kept their data
 * (the segment owns them, not the writer); the others read as zero.  Run
 * with --trace=faults or --stats to watch the faults. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define PAGE 4096
#define PAGES 16

static char *base;

static int *page(int i)
{
    return (int *)(base + i * PAGE);
}

static void run(void (*body)(void))
{
    pid_t pid;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        body();
        exit(0);
    }
    waitpid(pid, NULL, 0);
}

static void stamp_every_fourth(void)
{
    int i;
    for (i = 0; i < PAGES; i += 4)
        *page(i) = 1000 + i;
}

static void read_all(void)
{
    int i;
    printf("reader:");
    for (i = 0; i < PAGES; i++)
        printf(" %d", *page(i));
    printf("\n");
}

int main(void)
{
    int id = shmget(IPC_PRIVATE, PAGES * PAGE, IPC_CREAT | 0600);
    char *again;

    base = (char *)shmat(id, NULL, 0);
    run(stamp_every_fourth);
    printf("writer done and gone\n");
    run(read_all);

    /* Two attachments in one process: two address ranges, the same frames. */
    again = (char *)shmat(id, NULL, 0);
    *(int *)(again + 5 * PAGE) = 55;
    printf("second attachment at another address: %s; page 5 seen through the first: %d\n",
           again != base ? "yes" : "no", *page(5));
    shmdt(again);
    shmdt(base);
    shmctl(id, IPC_RMID, NULL);
    return 0;
}
