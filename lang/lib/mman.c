/* mman.c: memory mappings; mmap answers the address or -errno. */
#include <sys/mman.h>
#include <errno.h>
#include "internal.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    int r = __syscall(SYS_mmap, addr, length, prot, flags, fd, offset);
    if (__IS_SYSERR(r)) {
        errno = -r;
        return MAP_FAILED;
    }
    return (void *)r;
}

int munmap(void *addr, size_t length)
{
    __SYSCALL_RETURN(__syscall(SYS_munmap, addr, length));
}
