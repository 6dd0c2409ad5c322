/* labs/fifos/02_client_server -- a client and a server over two FIFOs.
 *
 * The server reads requests from one FIFO and answers on another; each side
 * wraps its descriptors in stdio streams (fdopen) and speaks a line protocol:
 *     "upper TEXT" -> TEXT in capitals      "add A B" -> A+B
 *     "count TEXT" -> number of letters     "quit"    -> the server stops
 * Both FIFOs must be opened in the same order by both sides (requests first,
 * then replies): if the client opened `replies` first while the server opened
 * `requests` first, each would sleep in open() waiting for the other -- a
 * deadlock.  The client flushes after every request, since a stdio stream on
 * a FIFO is fully buffered and the server would otherwise wait for ever.
 * The server is a child; it prints nothing and returns the number of
 * requests it served as its exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char req_path[64], rep_path[64];

static void chomp(char *line)
{
    char *nl = strchr(line, '\n');
    if (nl)
        *nl = '\0';
}

/* Writes the reply to one request line; returns 0 for "quit". */
static int answer(char *line, FILE *out)
{
    int a, b, i, n = 0;

    if (strcmp(line, "quit") == 0)
        return 0;
    if (strncmp(line, "upper ", 6) == 0) {
        for (i = 6; line[i]; i++)
            fputc(toupper((unsigned char)line[i]), out);
        fputc('\n', out);
    } else if (sscanf(line, "add %d %d", &a, &b) == 2) {
        fprintf(out, "%d\n", a + b);
    } else if (strncmp(line, "count ", 6) == 0) {
        for (i = 6; line[i]; i++)
            if (isalpha((unsigned char)line[i]))
                n++;
        fprintf(out, "%d letters\n", n);
    } else {
        fprintf(out, "error: unknown request\n");
    }
    fflush(out);
    return 1;
}

static void server(void)
{
    char line[128];
    int served = 0;
    FILE *in = fdopen(open(req_path, O_RDONLY), "r");
    FILE *out = fdopen(open(rep_path, O_WRONLY), "w");

    while (fgets(line, sizeof line, in)) {
        chomp(line);
        served++;
        if (!answer(line, out))
            break;
    }
    fclose(in);
    fclose(out);
    exit(served);
}

int main(void)
{
    static const char *requests[] = {
        "upper named pipes live in the file system",
        "add 40 2",
        "count a FIFO has no data of its own",
        "divide 1 0",
    };
    char line[128];
    int i, status;
    FILE *out, *in;
    pid_t pid;

    sprintf(req_path, "/tmp/ipcvm_lab_requests_%d", (int)getpid());
    sprintf(rep_path, "/tmp/ipcvm_lab_replies_%d", (int)getpid());
    if (mkfifo(req_path, 0600) < 0 || mkfifo(rep_path, 0600) < 0) {
        perror("mkfifo");
        return 1;
    }
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        server();

    out = fdopen(open(req_path, O_WRONLY), "w");
    in = fdopen(open(rep_path, O_RDONLY), "r");
    for (i = 0; i < 4; i++) {
        fprintf(out, "%s\n", requests[i]);
        fflush(out);
        if (!fgets(line, sizeof line, in))
            break;
        chomp(line);
        printf("client: %-45s -> %s\n", requests[i], line);
    }
    fprintf(out, "quit\n");
    fflush(out);
    waitpid(pid, &status, 0);
    printf("client: the server handled %d requests and exited\n", WEXITSTATUS(status));
    fclose(out);
    fclose(in);
    unlink(req_path);
    unlink(rep_path);
    return 0;
}
