/* Leaves a message queue behind (key 0x1234, mode 0640, one 6-byte message),
 * for ipcs to show and ipcrm to remove. */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/msg.h>

int main(void)
{
    struct {
        long mtype;
        char text[8];
    } m = { 1, "hello" };
    int q = msgget(0x1234, IPC_CREAT | 0640);
    if (q < 0 || msgsnd(q, &m, 6, 0) < 0) {
        perror("leave_queue");
        return 1;
    }
    printf("queue %d\n", q);
    return 0;
}
