/* files/tmp_inodes: the in-memory file system holds at most FS_MAX_INODES (8192)
 * files and FIFOs, as a tmpfs has nr_inodes: creating one more fails with ENOSPC,
 * whether by open(O_CREAT), creat or mkfifo, while opening an existing file still
 * works; unlinking one makes room again. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char name[64];

static char *path(int i)
{
    sprintf(name, "/tmp/f%d", i);
    return name;
}

int main(void)
{
    int n = 0, fd, i;

    while ((fd = open(path(n), O_CREAT | O_WRONLY, 0644)) >= 0) {
        close(fd);
        n++;
    }
    printf("created %d files, then: %s\n", n, strerror(errno));
    printf("creat: %s\n", creat("/tmp/other", 0644) < 0 ? strerror(errno) : "works");
    printf("mkfifo: %s\n", mkfifo("/tmp/fifo", 0644) < 0 ? strerror(errno) : "works");
    fd = open(path(0), O_WRONLY);
    printf("open an existing one: %s\n", fd >= 0 ? "works" : strerror(errno));
    close(fd);
    unlink(path(0));
    printf("after an unlink, mkfifo: %s\n", mkfifo("/tmp/fifo", 0644) < 0 ? strerror(errno) : "works");
    unlink("/tmp/fifo");
    for (i = 1; i < n; i++)
        unlink(path(i));
    return 0;
}
// expect: created 8192 files, then: No space left on device
// expect: creat: No space left on device
// expect: mkfifo: No space left on device
// expect: open an existing one: works
// expect: after an unlink, mkfifo: works
