/* mmap/map_count: a process may have MAX_MAP_COUNT (65530) areas, Linux's
 * vm.max_map_count: one more mmap fails with ENOMEM, and so does a munmap that
 * would cut an area in three, while unmapping a whole area works and makes room.
 * The areas of all processes together are bounded too (VM_AREAS_MAX, 262144):
 * fork, which copies them, fails with ENOMEM once a child would pass it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BASE ((char *)0x40000000)
#define PAGE 4096

static const char *result(int r)
{
    return r < 0 ? strerror(errno) : "works";
}

int main(void)
{
    int n = 0, forks = 0, release[2], r;
    char *three = BASE, *at = BASE + 3 * PAGE, c;
    pid_t pid;

    mmap(three, 3 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    while (mmap(at, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
        at += PAGE;
        n++;
    }
    printf("mapped %d more areas, then: %s\n", n, strerror(errno));
    printf("munmap of a middle page: %s\n", result(munmap(three + PAGE, PAGE)));
    printf("munmap of a whole area: %s\n", result(munmap(at - PAGE, PAGE)));
    printf("then of the middle page: %s\n", result(munmap(three + PAGE, PAGE)));

    pipe(release);
    fflush(stdout);
    for (;;) {
        pid = fork();
        if (pid == 0) {
            close(release[1]);
            read(release[0], &c, 1);
            exit(0);
        }
        if (pid < 0)
            break;
        forks++;
    }
    printf("%d forks, then: %s\n", forks, strerror(errno));
    close(release[1]);
    while (wait(&r) > 0)
        ;
    return 0;
}
// expect: mapped 65524 more areas, then: Cannot allocate memory
// expect: munmap of a middle page: Cannot allocate memory
// expect: munmap of a whole area: works
// expect: then of the middle page: works
// expect: 3 forks, then: Cannot allocate memory
