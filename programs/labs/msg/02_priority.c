/* labs/msg/02_priority -- typed messages, selective receive, and priority
 * by a negative msgtyp.
 *
 * The kernel keeps one list of messages per queue, in arrival order.  msgrcv
 * walks it and takes the first message that matches msgtyp:
 *      msgtyp == 0   the oldest message, whatever its type
 *      msgtyp  > 0   the oldest message of exactly that type
 *      msgtyp  < 0   the oldest message of the LOWEST type <= |msgtyp|
 * So if the type is a priority (1 = urgent, 2 = normal, 3 = low), receiving
 * with -3 always serves the most urgent job first, and jobs of one priority
 * in the order they came.  With IPC_NOWAIT an empty match gives ENOMSG
 * instead of sleeping.  A child submits jobs in a mixed order; the parent
 * first picks one type explicitly, then serves the rest by priority. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

#define URGENT 1
#define NORMAL 2
#define LOW 3

struct job {
    long mtype;
    char name[32];
};

static const char *prio_name(long t)
{
    return t == URGENT ? "urgent" : t == NORMAL ? "normal" : "low";
}

static void submit(int q, long prio, const char *name)
{
    struct job j;
    j.mtype = prio;
    strcpy(j.name, name);
    msgsnd(q, &j, sizeof j.name, 0);
}

int main(void)
{
    struct job j;
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        submit(q, LOW, "defragment disk");
        submit(q, NORMAL, "print report");
        submit(q, URGENT, "reboot router");
        submit(q, LOW, "clean /tmp");
        submit(q, NORMAL, "send invoices");
        submit(q, URGENT, "restore backup");
        submit(q, NORMAL, "update wiki");
        exit(0);
    }
    waitpid(pid, NULL, 0);

    if (msgrcv(q, &j, sizeof j.name, LOW, 0) >= 0)
        printf("msgtyp  3: %-6s %s\n", prio_name(j.mtype), j.name);
    if (msgrcv(q, &j, sizeof j.name, 0, 0) >= 0)
        printf("msgtyp  0: %-6s %s\n", prio_name(j.mtype), j.name);
    while (msgrcv(q, &j, sizeof j.name, -LOW, IPC_NOWAIT) >= 0)
        printf("msgtyp -3: %-6s %s\n", prio_name(j.mtype), j.name);
    printf("queue empty: %s\n", errno == ENOMSG ? "ENOMSG" : strerror(errno));
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
