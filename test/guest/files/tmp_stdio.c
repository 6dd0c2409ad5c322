/* files/tmp_stdio: stdio on files of the in-memory file system: fopen "w"
 * creates (mode 0666 less the umask 022), fprintf/fclose, stat sees the size,
 * "a" appends, "r" reads back; after unlink fopen fails with ENOENT. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    const char *path = "/tmp/notes.txt";
    char line[64];
    struct stat st;
    FILE *f;
    int n = 0;

    f = fopen(path, "w");
    fprintf(f, "first %d\n", 1);
    fclose(f);
    stat(path, &st);
    printf("size %d, regular %d, mode %o\n", (int)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777);
    f = fopen(path, "a");
    fputs("second\n", f);
    fclose(f);
    f = fopen(path, "r");
    while (fgets(line, sizeof line, f))
        printf("%d: %s", ++n, line);
    fclose(f);
    unlink(path);
    f = fopen(path, "r");
    printf("after unlink: %s, %s\n", f ? "opened" : "NULL", strerror(errno));
    return 0;
}
// expect: size 8, regular 1, mode 644
// expect: 1: first 1
// expect: 2: second
// expect: after unlink: NULL, No such file or directory
