/* The other half of the msg_writer pair: prints every line received, in
 * order, until the end message, then removes the queue. */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/msg.h>

struct message {
    long mtype;
    char text[128];
};

int main(void)
{
    struct message m;
    int q = msgget(ftok(".", 'P'), IPC_CREAT | 0600), n = 0;
    if (q < 0) {
        perror("reader: msgget");
        return 1;
    }
    for (;;) {
        if (msgrcv(q, &m, sizeof m.text, 0, 0) < 0) {
            perror("reader: msgrcv");
            return 1;
        }
        if (m.mtype == 2)
            break;
        printf("reader: %s\n", m.text);
        n++;
    }
    msgctl(q, IPC_RMID, NULL);
    printf("reader: %d lines, queue removed\n", n);
    return 0;
}
