/* msg/mem_budget: the messages of all queues share one budget (MSG_MEM_MAX,
 * 64 MiB, each message counted as its text plus 256 bytes). Filling queue after
 * queue, msgsnd fails with ENOMEM once it is spent -- blocking or not, and before
 * it looks at the queue, as Linux's msgsnd when it cannot allocate a message.
 * Receiving one message makes room again. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>

#define MAX_QUEUES 8000

struct message {
    long mtype;
    char mtext[8192];
};

static struct message m;
static int ids[MAX_QUEUES];

int main(void)
{
    int n = 0, sent = 0, empty = 0, i, r;

    m.mtype = 1;
    for (;;) {
        ids[n] = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        n++;
        while ((r = msgsnd(ids[n - 1], &m, sizeof m.mtext, IPC_NOWAIT)) == 0)
            sent++;
        if (errno != EAGAIN)
            break;
    }
    printf("%d messages of 8192 bytes in %d queues, then: %s\n", sent, n, strerror(errno));
    while (msgsnd(ids[n - 1], &m, 0, 0) == 0)
        empty++;
    printf("then %d empty ones, blocking: %s\n", empty, strerror(errno));
    r = msgsnd(12345678, &m, 0, 0);
    printf("to an id no queue has: %s\n", r < 0 ? strerror(errno) : "sent");
    r = msgsnd(-1, &m, 0, 0);
    printf("to a negative id: %s\n", r < 0 ? strerror(errno) : "sent");
    msgrcv(ids[0], &m, sizeof m.mtext, 0, 0);
    r = msgsnd(ids[n - 1], &m, sizeof m.mtext, IPC_NOWAIT);
    printf("after one msgrcv: %s\n", r < 0 ? strerror(errno) : "sent");
    for (i = 0; i < n; i++)
        msgctl(ids[i], IPC_RMID, NULL);
    return 0;
}
// expect: 7943 messages of 8192 bytes in 3972 queues, then: Cannot allocate memory
// expect: then 25 empty ones, blocking: Cannot allocate memory
// expect: to an id no queue has: Cannot allocate memory
// expect: to a negative id: Invalid argument
// expect: after one msgrcv: sent
