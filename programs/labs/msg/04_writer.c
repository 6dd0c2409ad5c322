/* labs/msg/04_writer -- one half of a lab pair: two unrelated programs that
 * find the same queue through a key.  Its partner is 04_reader.c.
 * lab-pair: 04_reader.c
 *
 * Start both at once, in either order:
 *     npx ipcvm run programs/labs/msg/04_writer.c programs/labs/msg/04_reader.c
 * or, on Linux, in two terminals from the same directory.
 *
 * Neither program created the other, so they cannot pass a queue id through
 * fork.  Instead both turn the same (path, project id) pair into the same key
 * with ftok -- here the current directory, which both share -- and msgget
 * with IPC_CREAT: whichever comes first creates the queue, the other opens
 * it.  The writer queues the lines of a short text (type LINE), prints how
 * many it sent, and sends an END message last.  The reader removes the queue
 * when it is done.  The writer flushes its output before sending END, and the
 * reader prints only after END, so the two outputs never interleave. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/msg.h>

#define LINE 1
#define END 2

struct line {
    long mtype;
    char text[64];
};

static const char *poem[] = {
    "Two programs, strangers, never forked,",
    "agree upon a key;",
    "one writes its lines into the queue,",
    "the other sets them free.",
};

int main(void)
{
    struct line m;
    key_t key = ftok(".", 'L');
    int q, i, n = sizeof poem / sizeof poem[0];

    if (key == (key_t)-1 || (q = msgget(key, IPC_CREAT | 0600)) < 0) {
        perror("writer: ftok/msgget");
        return 1;
    }
    for (i = 0; i < n; i++) {
        m.mtype = LINE;
        strcpy(m.text, poem[i]);
        msgsnd(q, &m, strlen(m.text) + 1, 0);
    }
    printf("writer: queued %d lines\n", n);
    fflush(stdout);
    m.mtype = END;
    sprintf(m.text, "%d", n);
    msgsnd(q, &m, strlen(m.text) + 1, 0);
    return 0;
}
