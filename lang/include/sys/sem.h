/* sys/sem.h: System V semaphores.  Programs declare union semun themselves,
 * as on Linux; semctl passes its fourth argument to the kernel as the raw
 * 4-byte union value (int or pointer).
 *
 * struct sembuf (6 bytes): 0 sem_num (unsigned short)  2 sem_op (short)
 *                          4 sem_flg (short)
 * struct semid_ds (Linux i386 semid64_ds, 64 bytes):
 *    0 sem_perm (struct ipc_perm, 36 bytes)
 *   36 sem_otime  40 __unused1  44 sem_ctime  48 __unused2
 *   52 sem_nsems  56 __unused3  60 __unused4 */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <sys/types.h>
#include <sys/ipc.h>

#define SEM_UNDO 0x1000

#define GETPID 11
#define GETVAL 12
#define GETALL 13
#define GETNCNT 14
#define GETZCNT 15
#define SETVAL 16
#define SETALL 17
#define SEM_STAT 18
#define SEM_INFO 19

#define SEMMSL 32000
#define SEMVMX 32767

struct sembuf {
    unsigned short sem_num;
    short sem_op;
    short sem_flg;
};

struct semid_ds {
    struct ipc_perm sem_perm;
    time_t sem_otime;
    unsigned long __unused1;
    time_t sem_ctime;
    unsigned long __unused2;
    unsigned long sem_nsems;
    unsigned long __unused3;
    unsigned long __unused4;
};

int semget(key_t key, int nsems, int semflg);
int semop(int semid, struct sembuf *sops, size_t nsops);
int semctl(int semid, int semnum, int cmd, ...);

#endif
