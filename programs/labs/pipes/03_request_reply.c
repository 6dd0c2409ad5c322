/* labs/pipes/03_request_reply -- two pipes for a conversation.
 *
 * A pipe carries data one way only, so a request/reply dialogue needs two:
 * `requests` from parent to child and `replies` back.  The child is a tiny
 * calculator server: it reads a fixed-size request record, answers with a
 * fixed-size reply record, and stops at end of file.  Fixed-size records
 * written in one write() of at most PIPE_BUF bytes arrive whole, so the
 * reader never has to glue pieces together.
 * Each side blocks in read() while waiting for the other: the processes take
 * turns, and the parent prints every exchange in order. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

struct request {
    char op;                            /* '+', '*', '/' */
    int a, b;
};

struct reply {
    int ok;
    int value;
};

static struct reply compute(struct request *rq)
{
    struct reply r;
    r.ok = 1;
    r.value = 0;
    switch (rq->op) {
    case '+':
        r.value = rq->a + rq->b;
        break;
    case '*':
        r.value = rq->a * rq->b;
        break;
    case '/':
        if (rq->b == 0)
            r.ok = 0;
        else
            r.value = rq->a / rq->b;
        break;
    default:
        r.ok = 0;
    }
    return r;
}

static void server(int in, int out)
{
    struct request rq;
    struct reply r;
    int served = 0;
    while (read(in, &rq, sizeof rq) == sizeof rq) {
        r = compute(&rq);
        write(out, &r, sizeof r);
        served++;
    }
    exit(served);
}

int main(void)
{
    int requests[2], replies[2], i, status;
    pid_t pid;
    struct request rq[5] = {
        { '+', 19, 23 }, { '*', 6, 7 }, { '/', 84, 2 }, { '/', 1, 0 }, { '?', 0, 0 },
    };
    struct reply r;

    pipe(requests);
    pipe(replies);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(requests[1]);
        close(replies[0]);
        server(requests[0], replies[1]);
    }
    close(requests[0]);
    close(replies[1]);
    for (i = 0; i < 5; i++) {
        write(requests[1], &rq[i], sizeof rq[i]);
        if (read(replies[0], &r, sizeof r) != sizeof r)
            break;
        if (r.ok)
            printf("%d %c %d = %d\n", rq[i].a, rq[i].op, rq[i].b, r.value);
        else
            printf("%d %c %d: error\n", rq[i].a, rq[i].op, rq[i].b);
    }
    close(requests[1]);                 /* end of file for the server */
    waitpid(pid, &status, 0);
    printf("server answered %d requests\n", WEXITSTATUS(status));
    close(replies[0]);
    return 0;
}
