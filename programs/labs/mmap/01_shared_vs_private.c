/* labs/mmap/01_shared_vs_private -- MAP_SHARED versus MAP_PRIVATE after fork.
 *
 * mmap with MAP_ANONYMOUS gives fresh zeroed memory not backed by any file.
 * With MAP_SHARED the region is shared with the children created by fork
 * afterwards: both processes map the same frames, so a store by one is seen
 * by the other.  With MAP_PRIVATE, fork gives the child a copy-on-write view
 * like the rest of memory: the first store by either side faults and makes
 * that side a private copy of the page.  The child increments a counter in
 * each region 1000 times; the parent waits and looks. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/wait.h>

static int *map(int flags)
{
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
    return (int *)p;
}

int main(void)
{
    int *shared = map(MAP_SHARED);
    int *private_copy = map(MAP_PRIVATE);
    int i;
    pid_t pid;

    printf("before fork: shared=%d private=%d (fresh mappings are zero)\n", *shared, *private_copy);
    *private_copy = 5;                  /* the child starts from this value */
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        for (i = 0; i < 1000; i++) {
            (*shared)++;
            (*private_copy)++;
        }
        printf("child:       shared=%d private=%d\n", *shared, *private_copy);
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent:      shared=%d private=%d\n", *shared, *private_copy);
    munmap(shared, 4096);
    munmap(private_copy, 4096);
    return 0;
}
