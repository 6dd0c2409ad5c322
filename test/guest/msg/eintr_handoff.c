/* msgrcv and msgsnd blocked on a queue end with EINTR when a caught signal
 * arrives, even under SA_RESTART; a message sent after an interrupted msgrcv is
 * queued, not lost to the abandoned wait. A receiver waiting for a type gets the
 * message directly (lrpid is the child while qnum stays 0); MSG_EXCEPT skips a
 * type. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

struct message {
    long mtype;
    char mtext[16];
};

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct message m;
    struct msqid_ds ds;
    struct sigaction sa;
    int r, status, i;
    pid_t pid;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    alarm(1);
    r = (int)msgrcv(q, &m, sizeof m.mtext, 0, 0);
    printf("msgrcv interrupted: %d %s\n", r, r < 0 && errno == EINTR ? "EINTR" : "other");
    m.mtype = 5;
    strcpy(m.mtext, "kept");
    msgsnd(q, &m, 5, 0);
    msgctl(q, IPC_STAT, &ds);
    printf("the message is queued: %d\n", (int)ds.msg_qnum);
    r = (int)msgrcv(q, &m, sizeof m.mtext, 5, MSG_EXCEPT | IPC_NOWAIT);
    printf("MSG_EXCEPT 5: %s\n", r < 0 && errno == ENOMSG ? "ENOMSG" : "got one");
    msgrcv(q, &m, sizeof m.mtext, 0, 0);

    ds.msg_qbytes = 8;
    msgctl(q, IPC_SET, &ds);
    msgsnd(q, &m, 8, 0);
    alarm(1);
    r = msgsnd(q, &m, 1, 0);
    printf("msgsnd to a full queue interrupted: %d %s\n", r, r < 0 && errno == EINTR ? "EINTR" : "other");
    msgrcv(q, &m, sizeof m.mtext, 0, 0);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        r = (int)msgrcv(q, &m, sizeof m.mtext, 7, 0);
        _exit(r == 3 && strcmp(m.mtext, "hi") == 0 ? 0 : 1);
    }
    for (i = 0; i < 100; i++)
        usleep(1000);
    m.mtype = 7;
    strcpy(m.mtext, "hi");
    msgsnd(q, &m, 3, 0);
    msgctl(q, IPC_STAT, &ds);
    printf("handed over: qnum %d, lrpid is the child: %s\n", (int)ds.msg_qnum, ds.msg_lrpid == pid ? "yes" : "no");
    waitpid(pid, &status, 0);
    printf("child got it: %s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "yes" : "no");
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
// expect: msgrcv interrupted: -1 EINTR
// expect: the message is queued: 1
// expect: MSG_EXCEPT 5: ENOMSG
// expect: msgsnd to a full queue interrupted: -1 EINTR
// expect: handed over: qnum 0, lrpid is the child: yes
// expect: child got it: yes
