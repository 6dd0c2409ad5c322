/* ps: every process of the machine, one line each, in the columns of
 * `ps -eo pid,ppid,pgid,stat,command` (procps):
 *     PID  PPID  PGID STAT COMMAND
 * STAT is R (running or runnable), S (sleeping), T (stopped) or Z (zombie),
 * then s for a session leader and + for a member of the terminal's foreground
 * process group.  A zombie's command is "[name] <defunct>".  The kernel hands
 * out the process table an entry at a time (the ipcvm_procstat call; Linux's
 * ps reads /proc).  Options (-e, -A, aux, ...) are accepted and change nothing:
 * every process is always listed. */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>

#define PROC_FOREGROUND 1

/* The kernel's struct (src/kernel/procstat.ts), 256 bytes. */
struct procstat {
    int pid;
    int ppid;
    int pgid;
    int sid;
    int uid;
    int state;
    int flags;
    char comm[16];
    char args[212];
};

int main(void)
{
    struct procstat st;
    int pid = 1, found;
    printf("  PID  PPID  PGID STAT COMMAND\n");
    while ((found = __syscall(SYS_ipcvm_procstat, pid, &st)) > 0) {
        char stat[8];
        int n = 0;
        stat[n++] = st.state;
        if (st.sid == st.pid)
            stat[n++] = 's';
        if (st.flags & PROC_FOREGROUND)
            stat[n++] = '+';
        stat[n] = '\0';
        if (st.state == 'Z')
            printf("%5d %5d %5d %-4s [%s] <defunct>\n", st.pid, st.ppid, st.pgid, stat, st.comm);
        else
            printf("%5d %5d %5d %-4s %s\n", st.pid, st.ppid, st.pgid, stat, st.args[0] ? st.args : st.comm);
        pid = found + 1;
    }
    return 0;
}
