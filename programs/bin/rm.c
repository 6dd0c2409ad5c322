/* rm: remove files.
 *   -f  ignore missing files, never fail for them
 * Directories are not removed (there is no rmdir in ipcvm's file system). */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int force = 0, i = 1, status = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-f") != 0) {
            fprintf(stderr, "rm: invalid option -- '%s'\nTry 'rm --help' for more information.\n", argv[i] + 1);
            return 1;
        }
        force = 1;
    }
    if (i == argc && !force) {
        fprintf(stderr, "rm: missing operand\nTry 'rm --help' for more information.\n");
        return 1;
    }
    for (; i < argc; i++) {
        if (unlink(argv[i]) == 0 || (force && errno == ENOENT))
            continue;
        fprintf(stderr, "rm: cannot remove '%s': %s\n", argv[i], strerror(errno));
        status = 1;
    }
    return status;
}
