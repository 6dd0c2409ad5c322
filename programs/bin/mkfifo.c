/* mkfifo: make FIFOs (named pipes).
 *   -m MODE  their permission bits, in octal (default 0666); the umask applies
 *            in both cases (ipcvm has no chmod to undo it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
    int mode = 0666, i = 1, status = 0;
    if (i + 1 < argc && strcmp(argv[i], "-m") == 0) {
        char *end;
        mode = strtol(argv[i + 1], &end, 8);
        if (*end != '\0' || mode < 0 || mode > 07777) {
            fprintf(stderr, "mkfifo: invalid mode '%s'\n", argv[i + 1]);
            return 1;
        }
        i += 2;
    }
    if (i == argc) {
        fprintf(stderr, "mkfifo: missing operand\nTry 'mkfifo --help' for more information.\n");
        return 1;
    }
    for (; i < argc; i++) {
        if (mkfifo(argv[i], mode) < 0) {
            fprintf(stderr, "mkfifo: cannot create fifo '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
