/* Job control seen by the parent: a stopped child is reported by waitpid with
 * WUNTRACED (WIFSTOPPED, WSTOPSIG) and a continued one with WCONTINUED
 * (WIFCONTINUED), each once; SIGCHLD carries CLD_STOPPED, CLD_CONTINUED and
 * CLD_EXITED with the status, and SA_NOCLDSTOP keeps only the exit. A read
 * blocked in a child that is stopped and continued goes on waiting and gets
 * the data; signals sent while stopped wait for SIGCONT; SIGKILL ends a
 * stopped child; SIGTSTP stops by default but not when caught. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char trail[256];

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    char buf[48];
    const char *what = si->si_code == CLD_STOPPED     ? "stopped"
                       : si->si_code == CLD_CONTINUED ? "continued"
                       : si->si_code == CLD_EXITED    ? "exited"
                       : si->si_code == CLD_KILLED    ? "killed"
                                                      : "other";
    sprintf(buf, " %s(%d)", what, si->si_status);
    strcat(trail, buf);
}

static void watch(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART | flags;
    sigaction(SIGCHLD, &sa, NULL);
    trail[0] = '\0';
}

static void describe(const char *what, int r, int status)
{
    if (r <= 0)
        printf("%s: nothing\n", what);
    else if (WIFSTOPPED(status))
        printf("%s: stopped by %d\n", what, WSTOPSIG(status));
    else if (WIFCONTINUED(status))
        printf("%s: continued\n", what);
    else if (WIFSIGNALED(status))
        printf("%s: killed by %d\n", what, WTERMSIG(status));
    else
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
}

static volatile int usr1, tstp;
static void on_usr1(int sig) { usr1++; }
static void on_tstp(int sig) { tstp++; }

static void stop_cycle(int flags)
{
    int status, r, go[2];
    pid_t pid;
    char c;
    watch(flags);
    pipe(go);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        raise(SIGSTOP);
        read(go[0], &c, 1);
        _exit(usr1 ? 7 : 70);
    }
    r = waitpid(pid, &status, WUNTRACED);
    describe("WUNTRACED", r, status);
    r = waitpid(pid, &status, WUNTRACED | WNOHANG);
    describe("again", r, status);
    kill(pid, SIGUSR1);
    kill(pid, SIGCONT);
    r = waitpid(pid, &status, WCONTINUED);
    describe("WCONTINUED", r, status);
    write(go[1], "g", 1);
    close(go[0]);
    close(go[1]);
    r = waitpid(pid, &status, 0);
    describe("then", r, status);
    printf("SIGCHLD%s: stop %s, continue %s", flags ? " with SA_NOCLDSTOP" : "", strstr(trail, "stopped(19)") ? "yes" : "no",
           strstr(trail, "continued(18)") ? "yes" : "no");
    /* Without SA_NOCLDSTOP the exit's SIGCHLD may merge with a continue's still pending. */
    if (flags)
        printf(", exit %s", strstr(trail, "exited(7)") ? "yes" : "no");
    printf("\n");
}

int main(void)
{
    int fds[2], status, r;
    pid_t pid;
    char c;

    signal(SIGUSR1, on_usr1);
    stop_cycle(0);
    stop_cycle(SA_NOCLDSTOP);

    watch(SA_NOCLDSTOP);
    pipe(fds);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(fds[1]);
        r = read(fds[0], &c, 1);
        _exit(r == 1 ? c : 99);
    }
    close(fds[0]);
    usleep(10000);
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    describe("reader", 1, status);
    kill(pid, SIGCONT);
    usleep(10000);
    write(fds[1], "*", 1);
    waitpid(pid, &status, 0);
    describe("reader after the data", 1, status);
    close(fds[1]);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGKILL);
    r = waitpid(pid, &status, 0);
    describe("SIGKILL while stopped", r, status);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        signal(SIGTSTP, on_tstp);
        raise(SIGTSTP);
        signal(SIGTSTP, SIG_DFL);
        raise(SIGTSTP);
        _exit(tstp);
    }
    r = waitpid(pid, &status, WUNTRACED);
    describe("SIGTSTP", r, status);
    kill(pid, SIGCONT);
    r = waitpid(pid, &status, 0);
    describe("after SIGCONT", r, status);
    return 0;
}
