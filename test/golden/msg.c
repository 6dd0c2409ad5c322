/* A child sends two typed messages; the parent receives type 2 first, then
 * polls an empty queue with IPC_NOWAIT, then removes the queue. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

struct message {
    long mtype;
    char mtext[32];
};

int main(void)
{
    struct message m;
    int status;
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (fork() == 0) {
        m.mtype = 1;
        strcpy(m.mtext, "first");
        msgsnd(q, &m, 6, 0);
        m.mtype = 2;
        strcpy(m.mtext, "second");
        msgsnd(q, &m, 7, 0);
        _exit(0);
    }
    msgrcv(q, &m, sizeof m.mtext, 2, 0);
    msgrcv(q, &m, sizeof m.mtext, 0, 0);
    msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT);
    wait(&status);
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
