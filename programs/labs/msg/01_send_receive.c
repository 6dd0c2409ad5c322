/* labs/msg/01_send_receive -- first steps with a System V message queue.
 *
 * A message queue is a kernel object that outlives the processes using it:
 * it keeps a list of messages, each with a type (a positive long) and a body,
 * until someone receives them or removes the queue.  Unlike a pipe, message
 * boundaries are kept: one msgsnd is one msgrcv.
 * The child sends four messages and exits before the parent receives
 * anything -- the messages wait in the queue.  IPC_STAT shows how many are
 * queued and how many bytes they hold; the parent then takes them out in
 * order, and IPC_RMID removes the queue (check with `ipcs -q` on Linux). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

#define TEXT_MAX 64

struct message {
    long mtype;
    char text[TEXT_MAX];
};

static const char *notes[] = { "first", "second, a little longer", "third", "last one" };

int main(void)
{
    struct message m;
    struct msqid_ds info;
    int q, i;
    ssize_t n;
    pid_t pid;

    q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (q < 0) {
        perror("msgget");
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        for (i = 0; i < 4; i++) {
            m.mtype = 1;
            strcpy(m.text, notes[i]);
            /* the size counts the body only (not mtype): here the string and its '\0' */
            if (msgsnd(q, &m, strlen(m.text) + 1, 0) < 0)
                exit(1);
        }
        exit(0);
    }
    waitpid(pid, NULL, 0);

    msgctl(q, IPC_STAT, &info);
    printf("queued after the sender exited: %d messages, %d bytes\n",
           (int)info.msg_qnum, (int)info.msg_cbytes);
    for (i = 0; i < 4; i++) {
        n = msgrcv(q, &m, TEXT_MAX, 0, 0);
        printf("received %2d bytes: \"%s\"\n", (int)n, m.text);
    }
    msgctl(q, IPC_STAT, &info);
    printf("queued now: %d messages\n", (int)info.msg_qnum);
    if (msgctl(q, IPC_RMID, NULL) == 0)
        printf("queue removed\n");
    return 0;
}
