/* labs/pipes/01_parent_child -- parent and child talk over a pipe.
 *
 * pipe() gives two descriptors: p[0] to read, p[1] to write.  After fork both
 * processes hold both ends.  The parent only writes, so it closes p[0]; the
 * child only reads, so it closes p[1].  The child reads until read() returns
 * 0, which happens only once EVERY write end is closed -- the parent's
 * close(p[1]) after its last line, and the child's own close(p[1]) at the
 * start.  Forget the latter and the child waits for itself for ever.
 * The child upper-cases what it reads and prints it; the parent prints only
 * after waitpid, so the output order is fixed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

static const char *lines[] = {
    "hello from your parent\n",
    "a pipe is a byte stream: message boundaries are not kept\n",
    "so the reader sees bytes, not these three writes\n",
};

static void child(int rfd)
{
    char buf[32];
    ssize_t n;
    int i, reads = 0, bytes = 0;

    while ((n = read(rfd, buf, sizeof buf)) > 0) {
        reads++;
        bytes += n;
        for (i = 0; i < n; i++)
            putchar(toupper((unsigned char)buf[i]));
    }
    close(rfd);
    printf("child: end of file after %d bytes\n", bytes);
    exit(reads > 0 ? 0 : 1);
}

int main(void)
{
    int p[2], i, status;
    pid_t pid;

    if (pipe(p) < 0) {
        perror("pipe");
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        close(p[1]);
        child(p[0]);
    }
    close(p[0]);
    for (i = 0; i < 3; i++)
        write(p[1], lines[i], strlen(lines[i]));
    close(p[1]);                        /* the child's read now returns 0 */
    waitpid(pid, &status, 0);
    printf("parent: child exited with status %d\n", WEXITSTATUS(status));
    return 0;
}
