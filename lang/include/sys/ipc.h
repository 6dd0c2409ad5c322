/* sys/ipc.h: System V IPC keys, flags and commands with Linux's values, and
 * struct ipc_perm in the Linux i386 ipc64_perm layout (36 bytes):
 *    0 __key   4 uid   8 gid   12 cuid   16 cgid
 *   20 mode (unsigned short)   22 __pad1 (unsigned short)
 *   24 __seq (unsigned short)  26 __pad2 (unsigned short)
 *   28 __unused1   32 __unused2 */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>

#define IPC_PRIVATE ((key_t)0)

#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000

#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define IPC_INFO 3

struct ipc_perm {
    key_t __key;
    uid_t uid;
    gid_t gid;
    uid_t cuid;
    gid_t cgid;
    unsigned short mode;
    unsigned short __pad1;
    unsigned short __seq;
    unsigned short __pad2;
    unsigned long __unused1;
    unsigned long __unused2;
};

key_t ftok(const char *path, int proj_id);

#endif
