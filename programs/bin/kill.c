/* kill: send a signal to processes, as procps kill does.
 *   kill [-s SIGNAL | -SIGNAL] [--] PID...   (default SIGTERM; a PID of -N
 *                                            is the process group N)
 *   kill -l [SIGNAL...]   names of all signals, or the name of each number
 *   kill -L               a table of numbers and names
 * SIGNAL is a number or a name, with or without "SIG", in any case; RTMIN+n
 * and RTMAX-n name real-time signals.  The shell's builtin kill turns job
 * operands (%N) into process ids or groups before running this. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <signal.h>

static const char *const names[32] = {
    "0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
    "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
};

/* The number a signal operand names, or -1. */
static int signal_number(const char *s)
{
    char *end;
    int n, i;
    if (*s >= '0' && *s <= '9') {
        n = strtol(s, &end, 10);
        return *end == '\0' && n >= 0 && n < NSIG ? n : -1;
    }
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (i = 1; i < 32; i++)
        if (strcasecmp(s, names[i]) == 0)
            return i;
    if (strcasecmp(s, "IOT") == 0)
        return SIGABRT;
    if (strcasecmp(s, "CLD") == 0)
        return SIGCHLD;
    if (strcasecmp(s, "IO") == 0)
        return SIGIO;
    if (strncasecmp(s, "RTMIN", 5) == 0 || strncasecmp(s, "RTMAX", 5) == 0) {
        int base = strncasecmp(s, "RTMIN", 5) == 0 ? SIGRTMIN : SIGRTMAX;
        if (s[5] == '\0')
            return base;
        n = strtol(s + 6, &end, 10);
        if (*end != '\0' || (s[5] != '+' && s[5] != '-'))
            return -1;
        n = s[5] == '+' ? base + n : base - n;
        return n >= SIGRTMIN && n <= SIGRTMAX ? n : -1;
    }
    return -1;
}

static void list_all(void)
{
    int i;
    for (i = 1; i < 32; i++)
        printf("%s%s", names[i], i == 16 || i == 31 ? "\n" : " ");
}

static void table(void)
{
    int i;
    for (i = 1; i < 32; i++)
        printf("%2d %-8s%s", i, names[i], i % 7 == 0 || i == 31 ? "\n" : "");
}

static int list(int argc, char **argv, int i)
{
    int status = 0;
    if (i == argc) {
        list_all();
        return 0;
    }
    for (; i < argc; i++) {
        int n = signal_number(argv[i]);
        if (n <= 0) {
            fprintf(stderr, "kill: unknown signal: %s\n", argv[i]);
            status = 1;
        } else if (argv[i][0] >= '0' && argv[i][0] <= '9') {
            if (n < 32)
                printf("%s\n", names[n]);
            else
                printf("RTMIN+%d\n", n - SIGRTMIN);
        } else {
            printf("%d\n", n);
        }
    }
    return status;
}

static int usage(void)
{
    fprintf(stderr, "Usage:\n kill [options] <pid> [...]\n");
    return 1;
}

int main(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;
    if (i < argc && (strcmp(argv[i], "-l") == 0 || strcmp(argv[i], "--list") == 0))
        return list(argc, argv, i + 1);
    if (i < argc && (strcmp(argv[i], "-L") == 0 || strcmp(argv[i], "--table") == 0)) {
        table();
        return 0;
    }
    if (i < argc && (strcmp(argv[i], "-s") == 0 || strcmp(argv[i], "--signal") == 0)) {
        if (i + 1 >= argc)
            return usage();
        sig = signal_number(argv[i + 1]);
        if (sig < 0) {
            fprintf(stderr, "kill: unknown signal: %s\n", argv[i + 1]);
            return 1;
        }
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0' && strcmp(argv[i], "--") != 0) {
        sig = signal_number(argv[i] + 1);
        if (sig < 0) {
            fprintf(stderr, "kill: unknown signal: %s\n", argv[i] + 1);
            return 1;
        }
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i == argc)
        return usage();
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (*argv[i] == '\0' || *end != '\0') {
            fprintf(stderr, "kill: cannot find process \"%s\"\n", argv[i]);
            status = 1;
            continue;
        }
        if (kill((pid_t)pid, sig) < 0) {
            fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
