/* stdio_files: streams on files: fopen modes, fwrite/fread, fseek/ftell/
 * rewind, fgets, ungetc, getline, fdopen, append mode, "r+" switching
 * between reading and writing, setvbuf, feof/ferror/clearerr, fclose, and
 * fopen's errno on a missing file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define PATH "/tmp/ipcvm_libc_stdio_files.txt"

int main(void)
{
    FILE *f;
    char buf[64], *line = NULL;
    size_t cap = 0;
    int i, c, fd;
    long len;

    f = fopen(PATH, "w");
    for (i = 1; i <= 3; i++)
        fprintf(f, "line %d\n", i);
    fputs("no newline", f);
    printf("ftell after writing: %ld\n", ftell(f));
    fclose(f);

    f = fopen(PATH, "r");
    fgets(buf, sizeof buf, f);
    printf("first: %s", buf);
    c = fgetc(f);
    ungetc(c, f);
    printf("peeked '%c', ftell %ld\n", c, ftell(f));
    while ((len = getline(&line, &cap, f)) != -1)
        printf("getline %ld: [%s]\n", len, strtok(line, "\n"));
    printf("feof %d ferror %d\n", feof(f), ferror(f));
    clearerr(f);
    printf("after clearerr: feof %d\n", feof(f));
    rewind(f);
    printf("fread: %d bytes\n", (int)fread(buf, 1, 10, f));
    fseek(f, -5, SEEK_END);
    buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
    printf("last five: [%s]\n", buf);
    fclose(f);
    free(line);

    f = fopen(PATH, "a");
    fputs("!\n", f);
    fclose(f);
    f = fopen(PATH, "r+");
    fseek(f, 5, SEEK_SET);
    fputc('X', f);
    fseek(f, 0, SEEK_SET);
    fgets(buf, sizeof buf, f);
    printf("after r+ write: %s", buf);
    fseek(f, 0, SEEK_END);
    printf("size %ld\n", ftell(f));
    fclose(f);

    fd = open(PATH, O_RDONLY);
    f = fdopen(fd, "r");
    setvbuf(f, NULL, _IONBF, 0);
    printf("fdopen fileno matches: %d, first char '%c'\n", fileno(f) == fd, fgetc(f));
    fclose(f);
    printf("descriptor closed with the stream: %s\n", close(fd) < 0 && errno == EBADF ? "yes" : "no");

    errno = 0;
    f = fopen("/tmp/ipcvm_libc_no/such/file", "r");
    printf("missing file: %s, errno %s\n", f == NULL ? "NULL" : "opened", errno == ENOENT ? "ENOENT" : "other");
    errno = 0;
    f = fopen(PATH, "q");
    printf("bad mode: %s, errno %s\n", f == NULL ? "NULL" : "opened", errno == EINVAL ? "EINVAL" : "other");
    printf("remove: %d\n", remove(PATH));
    return 0;
}
