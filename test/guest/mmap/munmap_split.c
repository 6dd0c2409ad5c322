/* munmap of the middle page of a three-page MAP_SHARED region: the outer pages
 * stay shared with a child, the middle one raises SIGSEGV; PROT_READ mappings
 * fault on writes; MAP_FIXED puts a mapping back in the hole. */
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int killed_by(void (*fn)(char *), char *p)
{
    int status;
    pid_t pid;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        fn(p);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void touch_middle(char *p) { p[4096] = 1; }
static void write_outer(char *p) { p[2 * 4096] = 'c'; }
static void write_ro(char *p) { p[0] = 1; }

int main(void)
{
    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *back;
    int sig;

    p[0] = 'a';
    printf("munmap middle: %d\n", munmap(p + 4096, 4096));
    printf("middle page: signal %d\n", killed_by(touch_middle, p));
    sig = killed_by(write_outer, p);
    printf("outer page in a child: signal %d, parent reads '%c'\n", sig, p[2 * 4096]);
    printf("first page still '%c'\n", p[0]);
    sig = killed_by(write_ro, ro);
    printf("write to PROT_READ: signal %d, read gives %d\n", sig, ro[0]);
    back = mmap(p + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED into the hole: %s, reads %d\n", back == p + 4096 ? "yes" : "no", back[0]);
    munmap(p, 3 * 4096);
    munmap(ro, 4096);
    return 0;
}
// expect: munmap middle: 0
// expect: middle page: signal 11
// expect: outer page in a child: signal 0, parent reads 'c'
// expect: first page still 'a'
// expect: write to PROT_READ: signal 11, read gives 0
// expect: MAP_FIXED into the hole: yes, reads 0
