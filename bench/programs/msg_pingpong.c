/* msg_pingpong: a System V message queue round trip; the parent sends type 1,
 * the child answers with type 2. argv[1] = round trips (default 200000).
 * ops = round trips.
 * Checked: each answer carries the request's value plus one; the queue is removed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/msg.h>

struct message {
    long mtype;
    int value;
};

#define TO_CHILD 1
#define TO_PARENT 2

static int child(int qid, int n)
{
    struct message m;
    int i;
    for (i = 0; i < n; i++) {
        if (msgrcv(qid, &m, sizeof m.value, TO_CHILD, 0) != sizeof m.value)
            return 1;
        m.mtype = TO_PARENT;
        m.value++;
        if (msgsnd(qid, &m, sizeof m.value, 0) < 0)
            return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200000;
    int qid = msgget(IPC_PRIVATE, IPC_CREAT | 0600), i, status, bad = 0;
    unsigned checksum = 0;
    struct message m;
    pid_t pid;
    if (qid < 0) {
        perror("msgget");
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("fork");
        msgctl(qid, IPC_RMID, NULL);
        return 1;
    }
    if (pid == 0)
        _exit(child(qid, n));
    for (i = 0; i < n; i++) {
        m.mtype = TO_CHILD;
        m.value = i;
        if (msgsnd(qid, &m, sizeof m.value, 0) < 0 || msgrcv(qid, &m, sizeof m.value, TO_PARENT, 0) != sizeof m.value) {
            bad = 1;
            break;
        }
        if (m.value != i + 1)
            bad = 1;
        checksum += (unsigned)m.value;
    }
    if (bad)
        kill(pid, SIGKILL);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bad = 1;
    msgctl(qid, IPC_RMID, NULL);
    if (bad) {
        printf("FAIL: message ping-pong broke\n");
        return 1;
    }
    printf("msg_pingpong: %d round trips, checksum %u\n", n, checksum);
    printf("ops %d\n", n);
    return 0;
}
