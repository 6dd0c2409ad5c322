/* labs/processes/02_stdio_fork_buffer -- the stdio buffer is copied by fork.
 *
 * printf does not write to the file descriptor at once: it stores the text
 * in a buffer inside the process's memory.  When stdout is a file or a pipe
 * that buffer is only written out when it fills up, at fflush, or at exit.
 * fork copies the whole address space, buffer included, so text printed
 * before fork but not yet flushed is written twice: once by each process.
 *
 * Run it with stdout redirected to see the surprise:
 *     npx ipcvm run programs/labs/processes/02_stdio_fork_buffer.c > out.txt
 * On a terminal stdout is line-buffered and every line appears once.
 *
 * Part 1 shows the duplication; part 2 the cure (fflush before fork); part 3
 * shows that _exit does not flush, which is why children often end with it;
 * part 4 shows that write() bypasses the buffer and overtakes earlier printf
 * text.  The parent always waits for the child before printing again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

static void say(const char *text)
{
    write(STDOUT_FILENO, text, strlen(text));
}

int main(void)
{
    pid_t pid;

    /* Part 1: the buffered line goes out twice. */
    printf("1: printed before fork, not flushed\n");
    pid = fork();
    if (pid == 0) {
        printf("1:   child adds its own line\n");
        exit(0);                        /* flushes the child's copy of the buffer */
    }
    waitpid(pid, NULL, 0);
    printf("1:   parent adds its own line\n");
    fflush(stdout);                     /* flushes the parent's copy */

    /* Part 2: flushed before fork, so nothing is left to copy. */
    printf("2: printed and flushed before fork\n");
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        printf("2:   child adds its own line\n");
        exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("2:   parent adds its own line\n");
    fflush(stdout);

    /* Part 3: _exit throws the child's buffer away, text included. */
    printf("3: printed before fork, not flushed\n");
    pid = fork();
    if (pid == 0) {
        printf("3:   child line that is never seen\n");
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("3:   parent adds its own line\n");
    fflush(stdout);

    /* Part 4: write() goes straight to the descriptor, ahead of the buffer. */
    printf("4: printf'd first\n");
    say("4: written second with write(), but it appears first\n");
    fflush(stdout);
    return 0;
}
