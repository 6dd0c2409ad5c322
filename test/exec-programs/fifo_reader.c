/* The other half of the FIFO pair: reads /tmp/pair.fifo line by line to the
 * end of file (the writer's close), numbering the lines, then removes it. */
#include <stdio.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    char line[256];
    FILE *in;
    int n = 0;
    if (mkfifo("/tmp/pair.fifo", 0600) < 0 && errno != EEXIST) {
        perror("reader: mkfifo");
        return 1;
    }
    in = fopen("/tmp/pair.fifo", "r");
    if (in == NULL) {
        perror("reader: fopen");
        return 1;
    }
    while (fgets(line, sizeof line, in) != NULL)
        printf("reader %d: %s", ++n, line);
    fclose(in);
    unlink("/tmp/pair.fifo");
    printf("reader: end of file after %d lines\n", n);
    return 0;
}
