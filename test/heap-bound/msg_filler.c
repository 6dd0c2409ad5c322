/* heap-bound/msg_filler: fills queue after queue with 8192-byte messages until
 * msgsnd fails (ENOMEM: MSG_MEM_MAX), then makes empty queues until msgget fails
 * (ENOSPC: MSGMNI). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>

struct message {
    long mtype;
    char mtext[8192];
};

static struct message m;
static int ids[40000];

int main(void)
{
    int n = 0, sent = 0, i;

    m.mtype = 1;
    for (;;) {
        ids[n++] = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        while (msgsnd(ids[n - 1], &m, sizeof m.mtext, IPC_NOWAIT) == 0)
            sent++;
        if (errno != EAGAIN)
            break;
    }
    printf("%d messages in %d queues, then: %s\n", sent, n, strerror(errno));
    while ((ids[n] = msgget(IPC_PRIVATE, IPC_CREAT | 0600)) >= 0)
        n++;
    printf("%d queues, then: %s\n", n, strerror(errno));
    fflush(stdout);
    for (i = 0; i < n; i++)
        msgctl(ids[i], IPC_RMID, NULL);
    return 0;
}
