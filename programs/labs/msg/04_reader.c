/* labs/msg/04_reader -- the other half of the lab pair started with
 * 04_writer.c (see there for how to run them together).
 *
 * It opens the queue on the key ftok(".", 'L') -- creating it if the writer
 * has not yet -- and receives whatever type comes next (msgtyp 0) until the
 * END message, keeping the lines.  Only then does it print them, check the
 * count the writer announced, and remove the queue with IPC_RMID.  If a run
 * is interrupted the queue stays behind: `ipcs -q` lists it and `ipcrm -q ID`
 * removes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/msg.h>

#define LINE 1
#define END 2
#define MAX_LINES 16

struct line {
    long mtype;
    char text[64];
};

int main(void)
{
    struct line m;
    char lines[MAX_LINES][64];
    key_t key = ftok(".", 'L');
    int q, i, n = 0;

    if (key == (key_t)-1 || (q = msgget(key, IPC_CREAT | 0600)) < 0) {
        perror("reader: ftok/msgget");
        return 1;
    }
    for (;;) {
        if (msgrcv(q, &m, sizeof m.text, 0, 0) < 0) {
            perror("reader: msgrcv");
            return 1;
        }
        if (m.mtype == END)
            break;
        if (n < MAX_LINES)
            strcpy(lines[n++], m.text);
    }
    printf("reader: got %d lines, the writer announced %s\n", n, m.text);
    for (i = 0; i < n; i++)
        printf("reader: | %s\n", lines[i]);
    msgctl(q, IPC_RMID, NULL);
    printf("reader: queue removed\n");
    return 0;
}
