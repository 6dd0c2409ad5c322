/* One half of a pair over a FIFO: `./fifo_reader.c & ./fifo_writer.c <
 * lines.txt; wait`.  Makes /tmp/pair.fifo if the reader has not yet, opens it
 * for writing (waiting for the reader) and copies stdin into it. */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void)
{
    char buf[256];
    int fd, n, total = 0;
    if (mkfifo("/tmp/pair.fifo", 0600) < 0 && errno != EEXIST) {
        perror("writer: mkfifo");
        return 1;
    }
    fd = open("/tmp/pair.fifo", O_WRONLY);
    if (fd < 0) {
        perror("writer: open");
        return 1;
    }
    while ((n = read(0, buf, sizeof buf)) > 0) {
        write(fd, buf, n);
        total += n;
    }
    /* said before the close (the reader's end of file), so it comes first */
    printf("writer: %d bytes\n", total);
    fflush(stdout);
    close(fd);
    return 0;
}
