/* A parent writes three lines into a pipe; the child reads them to end of file. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    int fd[2];
    char buf[64];
    int status;
    pipe(fd);
    pid_t pid = fork();
    if (pid == 0) {
        ssize_t n;
        close(fd[1]);
        while ((n = read(fd[0], buf, sizeof buf)) > 0)
            write(1, buf, n);
        close(fd[0]);
        _exit(0);
    }
    close(fd[0]);
    write(fd[1], "hello\n", 6);
    write(fd[1], "a line that is longer than thirty-two bytes\n", 44);
    close(fd[1]);
    wait(&status);
    return 0;
}
