/* sys/types.h: the POSIX scalar types of the ILP32 guest.  Every type is 32
 * bits and they are the types the kernel ABI structs (sys/stat.h, sys/ipc.h,
 * signal.h) are built from.  Each typedef has its own guard so the other
 * headers can repeat the few they need. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#ifndef __size_t_defined
#define __size_t_defined
typedef unsigned int size_t;
#endif
#ifndef __ssize_t_defined
#define __ssize_t_defined
typedef int ssize_t;
#endif
#ifndef __pid_t_defined
#define __pid_t_defined
typedef int pid_t;
#endif
#ifndef __uid_t_defined
#define __uid_t_defined
typedef unsigned int uid_t;
#endif
#ifndef __gid_t_defined
#define __gid_t_defined
typedef unsigned int gid_t;
#endif
#ifndef __mode_t_defined
#define __mode_t_defined
typedef unsigned int mode_t;
#endif
#ifndef __off_t_defined
#define __off_t_defined
typedef long off_t;
#endif
#ifndef __key_t_defined
#define __key_t_defined
typedef int key_t;
#endif
#ifndef __time_t_defined
#define __time_t_defined
typedef long time_t;
#endif
#ifndef __clock_t_defined
#define __clock_t_defined
typedef long clock_t;
#endif
#ifndef __clockid_t_defined
#define __clockid_t_defined
typedef int clockid_t;
#endif
#ifndef __useconds_t_defined
#define __useconds_t_defined
typedef unsigned int useconds_t;
#endif
#ifndef __suseconds_t_defined
#define __suseconds_t_defined
typedef long suseconds_t;
#endif
#ifndef __sig_atomic_t_defined
#define __sig_atomic_t_defined
typedef int sig_atomic_t;
#endif

typedef unsigned int dev_t;
typedef unsigned long ino_t;
typedef unsigned int nlink_t;
typedef unsigned int id_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef char *caddr_t;

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;

#endif
