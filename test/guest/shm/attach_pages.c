/* A 1 MiB segment attached before fork: four children write every fourth page
 * each, the parent reads them all; SHM_RND rounds an attach address down and an
 * unaligned one without it is EINVAL; a second attachment at a chosen address
 * aliases the first; shm_nattch counts them; IPC_RMID then shmdt destroys it. */
#include <errno.h>
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGES 256

int main(void)
{
    int id = shmget(IPC_PRIVATE, PAGES * 4096, IPC_CREAT | 0600);
    char *p = shmat(id, NULL, 0), *q;
    struct shmid_ds ds;
    int w, pg, good = 0;
    char *want = (char *)0x50000000;

    fflush(stdout);
    for (w = 0; w < 4; w++) {
        if (fork() == 0) {
            for (pg = w; pg < PAGES; pg += 4)
                p[pg * 4096 + 7] = (char)(pg + 1);
            _exit(0);
        }
    }
    for (w = 0; w < 4; w++)
        wait(NULL);
    for (pg = 0; pg < PAGES; pg++)
        if (p[pg * 4096 + 7] == (char)(pg + 1))
            good++;
    printf("pages seen by the parent: %d\n", good);
    q = shmat(id, want + 5, 0);
    printf("unaligned without SHM_RND: %s\n", q == (char *)-1 && errno == EINVAL ? "EINVAL" : "attached");
    q = shmat(id, want + 5, SHM_RND);
    printf("SHM_RND rounds down: %s\n", q == want ? "yes" : "no");
    printf("aliases: %s\n", q[3 * 4096 + 7] == 4 ? "yes" : "no");
    shmctl(id, IPC_STAT, &ds);
    printf("shm_nattch %d\n", (int)ds.shm_nattch);
    shmctl(id, IPC_RMID, NULL);
    shmdt(p);
    shmdt(q);
    printf("after the last shmdt: %s\n", shmctl(id, IPC_STAT, &ds) < 0 && errno == EINVAL ? "EINVAL" : "still there");
    return 0;
}
// expect: pages seen by the parent: 256
// expect: unaligned without SHM_RND: EINVAL
// expect: SHM_RND rounds down: yes
// expect: aliases: yes
// expect: shm_nattch 2
// expect: after the last shmdt: EINVAL
