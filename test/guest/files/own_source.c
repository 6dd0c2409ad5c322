/* files/own_source: the working directory is a read-only view of the host's
 * (the tests run from the project root), so a program can read and stat its own
 * source and ftok on it; writing to it changes only the guest's copy. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/stat.h>

int main(void)
{
    const char *path = "test/guest/files/own_source.c";
    char buf[64];
    struct stat st;
    int fd, n;

    fd = open(path, O_RDONLY);
    n = read(fd, buf, 14);
    buf[n] = '\0';
    printf("first bytes: %s\n", buf);
    close(fd);
    fstat(0, &st);
    stat(path, &st);
    printf("regular: %d, big enough: %d, key ok: %d\n", S_ISREG(st.st_mode), st.st_size > 500,
           ftok(path, 'x') == (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) | ('x' << 24)));
    fd = open(path, O_WRONLY | O_TRUNC);
    write(fd, "changed", 7);
    close(fd);
    stat(path, &st);
    printf("guest copy now %d bytes\n", (int)st.st_size);
    fd = open("/tmp/../tmp/./", O_RDONLY);
    printf("directory read: %d\n", (int)read(fd, buf, 1));
    return 0;
}
// expect: first bytes: /* files/own_s
// expect: regular: 1, big enough: 1, key ok: 1
// expect: guest copy now 7 bytes
// expect: directory read: -1
