/* yes: print "y" (or the arguments, joined by spaces) on every line until
 * killed -- usually by SIGPIPE when the reader goes away. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char line[1024], buf[8192];
    int len = 0, used = 0, i;
    if (argc < 2) {
        strcpy(line, "y");
        len = 1;
    }
    for (i = 1; i < argc && len < (int)sizeof line - 2; i++) {
        int n = strlen(argv[i]);
        if (len + n + 2 > (int)sizeof line)
            n = sizeof line - len - 2;
        if (i > 1)
            line[len++] = ' ';
        memcpy(line + len, argv[i], n);
        len += n;
    }
    line[len++] = '\n';
    while (used + len <= (int)sizeof buf) {
        memcpy(buf + used, line, len);
        used += len;
    }
    for (;;)
        if (write(1, buf, used) < 0)
            return 1;
}
