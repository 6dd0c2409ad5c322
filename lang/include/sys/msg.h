/* sys/msg.h: System V message queues.  struct msqid_ds has the Linux i386
 * msqid64_ds layout (88 bytes):
 *    0 msg_perm (struct ipc_perm, 36 bytes)
 *   36 msg_stime  40 __unused1  44 msg_rtime  48 __unused2
 *   52 msg_ctime  56 __unused3  60 msg_cbytes  64 msg_qnum
 *   68 msg_qbytes  72 msg_lspid  76 msg_lrpid  80 __unused4  84 __unused5 */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <sys/types.h>
#include <sys/ipc.h>

#define MSG_NOERROR 010000
#define MSG_EXCEPT 020000
#define MSG_STAT 11
#define MSG_INFO 12

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

struct msqid_ds {
    struct ipc_perm msg_perm;
    time_t msg_stime;
    unsigned long __unused1;
    time_t msg_rtime;
    unsigned long __unused2;
    time_t msg_ctime;
    unsigned long __unused3;
    unsigned long msg_cbytes;
    msgqnum_t msg_qnum;
    msglen_t msg_qbytes;
    pid_t msg_lspid;
    pid_t msg_lrpid;
    unsigned long __unused4;
    unsigned long __unused5;
};

#define __msg_cbytes msg_cbytes

struct msgbuf {
    long mtype;
    char mtext[1];
};

int msgget(key_t key, int msgflg);
int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg);
int msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
