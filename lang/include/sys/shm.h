/* sys/shm.h: System V shared memory.  struct shmid_ds has the Linux i386
 * shmid64_ds layout (84 bytes):
 *    0 shm_perm (struct ipc_perm, 36 bytes)
 *   36 shm_segsz  40 shm_atime  44 __unused1  48 shm_dtime  52 __unused2
 *   56 shm_ctime  60 __unused3  64 shm_cpid  68 shm_lpid  72 shm_nattch
 *   76 __unused4  80 __unused5 */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <sys/types.h>
#include <sys/ipc.h>

#define SHM_RDONLY 010000
#define SHM_RND 020000
#define SHM_REMAP 040000
#define SHM_EXEC 0100000
#define SHM_LOCK 11
#define SHM_UNLOCK 12
#define SHM_STAT 13
#define SHM_INFO 14

#define SHMLBA 4096

typedef unsigned long shmatt_t;

struct shmid_ds {
    struct ipc_perm shm_perm;
    size_t shm_segsz;
    time_t shm_atime;
    unsigned long __unused1;
    time_t shm_dtime;
    unsigned long __unused2;
    time_t shm_ctime;
    unsigned long __unused3;
    pid_t shm_cpid;
    pid_t shm_lpid;
    shmatt_t shm_nattch;
    unsigned long __unused4;
    unsigned long __unused5;
};

int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *shmaddr, int shmflg);
int shmdt(const void *shmaddr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
