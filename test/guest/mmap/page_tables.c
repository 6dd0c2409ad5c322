/* mmap/page_tables: the page tables of all processes together are bounded
 * (PAGE_TABLES_MAX, 16384 tables of 4 KiB each). A process that touched one page
 * in each of 560 regions of 4 MiB has 560-odd tables, and fork copies them: once
 * a child would pass the bound, fork fails with ENOMEM. A process whose page
 * fault needs one more table is then killed (SIGKILL) as when memory runs out. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BASE ((char *)0x10000000)
#define REGION (4 * 1024 * 1024)
#define TOUCHED 560
#define MAPPED 700

static char *region(int i)
{
    return BASE + i * REGION;
}

static void child(int release)
{
    char c;
    int i;

    read(release, &c, 1);
    if (c == 't')
        for (i = TOUCHED; i < MAPPED; i++)
            region(i)[0] = 1;
    exit(0);
}

int main(void)
{
    int i, forks = 0, release[2], status;
    pid_t pid;

    for (i = 0; i < MAPPED; i++)
        mmap(region(i), 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    for (i = 0; i < TOUCHED; i++)
        region(i)[0] = 1;
    pipe(release);
    fflush(stdout);
    for (;;) {
        pid = fork();
        if (pid == 0) {
            close(release[1]);
            child(release[0]);
        }
        if (pid < 0)
            break;
        forks++;
    }
    printf("%d forks, then: %s\n", forks, strerror(errno));
    write(release[1], "t", 1);
    wait(&status);
    if (WIFSIGNALED(status))
        printf("the child that touched new regions: killed by signal %d\n", WTERMSIG(status));
    else
        printf("the child that touched new regions: exited\n");
    for (i = 1; i < forks; i++)
        write(release[1], "x", 1);
    while (wait(&status) > 0)
        ;
    return 0;
}
// expect: 28 forks, then: Cannot allocate memory
// expect: the child that touched new regions: killed by signal 9
