/* fork() inside a function the caller reaches by a call (too long for the JS tier
 * to compile into its caller's unit, and compiled by an earlier call): the caller's
 * stack writes after the call are the parent's alone; the child's copy keeps the
 * values from before the fork. The child sleeps first, so the parent writes its
 * locals while the child still shares its pages copy-on-write. sched_yield starts
 * a fresh slice, so that the call and the fork happen within one. */
// expect: child sees 2 7 2
// expect: parent sees 200 70 2
#include <sched.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

static int work(int then_fork)
{
    volatile int a = 1, b = 2, c = 3, d = 4;
    if (then_fork)
        return fork();
    a = b + c;
    b = c + d;
    c = d + a;
    d = a + b;
    a = b + c;
    b = c + d;
    c = d + a;
    return a + b + c + d - 123;
}

int main(void)
{
    volatile int local = 1, other = 7, kept = 2;
    int pid, status;
    local = work(0);
    fflush(stdout);
    sched_yield();
    local = 2;
    pid = work(1);
    if (pid == 0) {
        sleep(1);
        printf("child sees %d %d %d\n", local, other, kept);
        fflush(stdout);
        _exit(0);
    }
    local = 200;
    other = 70;
    waitpid(pid, &status, 0);
    printf("parent sees %d %d %d\n", local, other, kept);
    return 0;
}
