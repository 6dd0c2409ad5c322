/* fifo/rdwr_keepalive: an O_RDWR open of a FIFO never blocks and keeps both
 * sides alive, so a blocking reader that opened it O_RDWR waits for data
 * rather than seeing EOF; fstat says S_IFIFO; the data is discarded when the
 * last opener closes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void)
{
    const char *path = "/tmp/keepalive";
    struct stat st;
    char buf[32];
    int fd, w, n;

    mkfifo(path, 0600);
    fd = open(path, O_RDWR);
    fstat(fd, &st);
    printf("fifo: %d, mode %o\n", S_ISFIFO(st.st_mode), st.st_mode & 0777);
    fflush(stdout);
    if (fork() == 0) {
        w = open(path, O_WRONLY);
        sleep(1);
        write(w, "late", 4);
        _exit(0);
    }
    n = read(fd, buf, sizeof buf);
    printf("blocking read got %d bytes: %.*s\n", n, n, buf);
    wait(NULL);
    write(fd, "lost", 4);
    close(fd);
    fd = open(path, O_RDONLY | O_NONBLOCK);
    errno = 0;
    n = read(fd, buf, sizeof buf);
    printf("after the last close: %d\n", n);
    close(fd);
    unlink(path);
    return 0;
}
// expect: fifo: 1, mode 600
// expect: blocking read got 4 bytes: late
// expect: after the last close: 0
