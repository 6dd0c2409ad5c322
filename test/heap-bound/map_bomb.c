/* heap-bound/map_bomb: maps one page after another until mmap fails (ENOMEM:
 * MAX_MAP_COUNT areas), then forks children, which copy every area, until fork
 * fails (ENOMEM: VM_AREAS_MAX areas in all). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    char *at = (char *)0x40000000, c;
    int areas = 0, forks = 0, release[2];
    pid_t pid;

    while (mmap(at, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
        at += 4096;
        areas++;
    }
    printf("%d areas, then: %s\n", areas, strerror(errno));
    pipe(release);
    fflush(stdout);
    while ((pid = fork()) >= 0) {
        if (pid == 0) {
            close(release[1]);
            read(release[0], &c, 1);
            exit(0);
        }
        forks++;
    }
    printf("%d forks, then: %s\n", forks, strerror(errno));
    fflush(stdout);
    close(release[1]);
    while (wait(NULL) > 0)
        ;
    return 0;
}
