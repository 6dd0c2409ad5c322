/* One half of a pair started from the shell as `./msg_reader.c & ./msg_writer.c
 * < lines.txt; wait`: sends each line of stdin as a message of type 1 on the
 * queue of ftok(".", 'P') (created by whichever comes first), then an empty
 * message of type 2 to say it is done. */
#include <stdio.h>
#include <string.h>
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
        perror("writer: msgget");
        return 1;
    }
    while (fgets(m.text, sizeof m.text, stdin) != NULL) {
        m.text[strcspn(m.text, "\n")] = '\0';
        m.mtype = 1;
        if (msgsnd(q, &m, strlen(m.text) + 1, 0) < 0) {
            perror("writer: msgsnd");
            return 1;
        }
        n++;
    }
    /* said before the end message, so it comes before anything the reader prints */
    printf("writer: sent %d lines\n", n);
    fflush(stdout);
    m.mtype = 2;
    msgsnd(q, &m, 0, 0);
    return 0;
}
