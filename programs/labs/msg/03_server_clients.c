/* labs/msg/03_server_clients -- one queue, one server, many clients.
 *
 * The message type does the addressing, so a single queue carries three
 * conversations at once:
 *     type 1            requests, read only by the server
 *     type 2            final reports, read only by the parent
 *     type = a pid      replies, read only by the client with that pid
 * (1 and 2 are never a client's pid: pid 1 is init on Linux and the parent
 * under ipcvm, pid 2 is kthreadd on Linux and the server under ipcvm.)
 * A client waiting in msgrcv for its own pid sleeps until the server sends
 * that type; the kernel hands the message straight to it.  Each client sends
 * four numbers, checks each reply is the square, and reports the sum to the
 * parent.  Arrival order differs from run to run, so the parent files the
 * reports by client number before printing; then it stops the server with a
 * request for 0, and removes the queue. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

#define REQUEST 1
#define REPORT 2
#define NCLIENT 3
#define PER_CLIENT 4

struct request {
    long mtype;
    int from;                           /* the client's pid: the type of its replies */
    int n;
};

struct reply {
    long mtype;
    int square;
};

struct report {
    long mtype;
    int client, sum, wrong;
};

static int q;

static void server(void)
{
    struct request rq;
    struct reply r;
    int served = 0;
    for (;;) {
        msgrcv(q, &rq, sizeof rq - sizeof rq.mtype, REQUEST, 0);
        if (rq.n == 0)
            exit(served);
        r.mtype = rq.from;
        r.square = rq.n * rq.n;
        msgsnd(q, &r, sizeof r - sizeof r.mtype, 0);
        served++;
    }
}

static void client(int index)
{
    struct request rq;
    struct reply r;
    struct report rep;
    int k;

    rep.mtype = REPORT;
    rep.client = index;
    rep.sum = 0;
    rep.wrong = 0;
    for (k = 1; k <= PER_CLIENT; k++) {
        rq.mtype = REQUEST;
        rq.from = (int)getpid();
        rq.n = 10 * (index + 1) + k;
        msgsnd(q, &rq, sizeof rq - sizeof rq.mtype, 0);
        msgrcv(q, &r, sizeof r - sizeof r.mtype, getpid(), 0);
        if (r.square != rq.n * rq.n)
            rep.wrong++;
        rep.sum += r.square;
    }
    msgsnd(q, &rep, sizeof rep - sizeof rep.mtype, 0);
    exit(0);
}

int main(void)
{
    struct report rep, by_client[NCLIENT];
    struct request stop;
    pid_t server_pid, pids[NCLIENT];
    int i, status;

    q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    fflush(stdout);
    server_pid = fork();
    if (server_pid == 0)
        server();
    for (i = 0; i < NCLIENT; i++) {
        pids[i] = fork();
        if (pids[i] == 0)
            client(i);
    }
    for (i = 0; i < NCLIENT; i++) {
        msgrcv(q, &rep, sizeof rep - sizeof rep.mtype, REPORT, 0);
        by_client[rep.client] = rep;
    }
    for (i = 0; i < NCLIENT; i++) {
        waitpid(pids[i], NULL, 0);
        printf("client %d: sum of squares of %d..%d = %d, wrong replies: %d\n", i,
               10 * (i + 1) + 1, 10 * (i + 1) + PER_CLIENT, by_client[i].sum, by_client[i].wrong);
    }
    stop.mtype = REQUEST;
    stop.from = 0;
    stop.n = 0;
    msgsnd(q, &stop, sizeof stop - sizeof stop.mtype, 0);
    waitpid(server_pid, &status, 0);
    printf("server: answered %d requests\n", WEXITSTATUS(status));
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
