/* labs/fifos/01_fifo_basics -- a named pipe in the file system.
 *
 * mkfifo creates a file-system node of type FIFO.  It holds no data: opening
 * it connects the opener to one kernel pipe, shared by everyone who opens the
 * same node.  open() for reading sleeps until some process opens it for
 * writing, and the other way round -- the two sides meet ("rendezvous") in
 * open.  Unlike a pipe(), the two processes need not be related: any process
 * that knows the path can join.  Here a child writes three lines and the
 * parent reads to end of file.  The node stays until unlink(), like a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void)
{
    char path[64], buf[128];
    struct stat st;
    int fd, n, total = 0;
    pid_t pid;

    sprintf(path, "/tmp/ipcvm_lab_fifo_basics_%d", (int)getpid());
    if (mkfifo(path, 0600) < 0) {
        perror("mkfifo");
        return 1;
    }
    stat(path, &st);
    printf("the node is a FIFO: %s\n", S_ISFIFO(st.st_mode) ? "yes" : "no");
    printf("mkfifo again: %s\n", mkfifo(path, 0600) < 0 && errno == EEXIST ? "EEXIST" : "?");
    fflush(stdout);

    pid = fork();
    if (pid == 0) {
        const char *msg = "line one\nline two\nline three\n";
        fd = open(path, O_WRONLY);      /* sleeps until the parent opens for reading */
        write(fd, msg, strlen(msg));
        close(fd);
        exit(0);
    }
    fd = open(path, O_RDONLY);          /* sleeps until the child opens for writing */
    while ((n = read(fd, buf + total, sizeof buf - 1 - total)) > 0)
        total += n;
    buf[total] = '\0';
    close(fd);
    waitpid(pid, NULL, 0);
    printf("read %d bytes through the FIFO:\n%s", total, buf);
    unlink(path);
    printf("after unlink, stat: %s\n", stat(path, &st) < 0 && errno == ENOENT ? "ENOENT" : "still there");
    return 0;
}
