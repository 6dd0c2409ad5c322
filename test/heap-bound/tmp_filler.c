/* heap-bound/tmp_filler: writes /tmp files of 32 MiB, 1 MiB at a time, until a
 * write fails (ENOSPC: FS_MAX_BYTES), then makes empty files until open fails
 * (ENOSPC: FS_MAX_INODES). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (1024 * 1024)

static char chunk[CHUNK];
static char name[64];

static char *path(int i)
{
    sprintf(name, "/tmp/fill%d", i);
    return name;
}

int main(void)
{
    int files = 0, mib = 0, fd, i, ok = 1;

    while (ok) {
        fd = open(path(files++), O_CREAT | O_WRONLY, 0600);
        for (i = 0; i < 32 && ok; i++)
            if (write(fd, chunk, CHUNK) == CHUNK)
                mib++;
            else
                ok = 0;
        close(fd);
    }
    printf("%d MiB in %d files, then: %s\n", mib, files, strerror(errno));
    while ((fd = open(path(files), O_CREAT | O_WRONLY, 0600)) >= 0) {
        close(fd);
        files++;
    }
    printf("%d files, then: %s\n", files, strerror(errno));
    fflush(stdout);
    for (i = 0; i < files; i++)
        unlink(path(i));
    return 0;
}
