/* limits.h: ILP32 integer limits (char signed; int and long 32-bit) and the
 * POSIX limits the kernel honours (PIPE_BUF is the atomic pipe write size). */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define MB_LEN_MAX 16
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MIN (-LONG_MAX - 1L)
#define LONG_MAX 2147483647L
#define ULONG_MAX 4294967295UL
#define SSIZE_MAX LONG_MAX
#define LONG_BIT 32
#define WORD_BIT 32

#define PIPE_BUF 4096
#define PATH_MAX 4096
#define NAME_MAX 255
#define ARG_MAX 131072
#define NGROUPS_MAX 65536
#define PAGE_SIZE 4096
#define PAGESIZE 4096
#define IOV_MAX 1024
#define _POSIX_PIPE_BUF 512
#define _POSIX_PATH_MAX 256

#endif
