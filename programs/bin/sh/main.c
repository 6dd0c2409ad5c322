/* main.c: /bin/sh's start and its read-parse-run loop.
 *
 *   sh                      commands from stdin; a prompt and job control
 *                           when stdin and stderr are a terminal (or -i)
 *   sh -c 'CMD' [NAME ARGS]  CMD, with $0 = NAME and $1... = ARGS
 *   sh FILE [ARGS]          the script FILE, with $0 = FILE
 *
 * Input is read a line at a time and parsed; while the command is incomplete
 * (open quote, trailing |, ...) more lines are added (with the PS2 prompt).
 * Commands read from stdin are read a byte at a time, so that what follows
 * them is left for the commands they run, as POSIX requires. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "sh.h"

#define TIOCGPGRP 0x540f

struct source {
    int fd;           /* -1 for text */
    const char *text;
    int at;           /* in text */
    char buf[4096];   /* read ahead from fd (not for stdin) */
    int len;
    int pos;
};

void sh_error(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "sh: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
}

void sh_exit(int status)
{
    fflush(stdout);
    if (job_control)
        jobs_hangup();
    exit(status & 0xff);
}

/* The next character of s, or -1 at the end. */
static int next_char(struct source *s)
{
    char c;
    if (s->fd < 0)
        return s->text[s->at] == '\0' ? -1 : (unsigned char)s->text[s->at++];
    if (s->fd == 0) {
        int n;
        while ((n = read(0, &c, 1)) < 0 && errno == EINTR)
            ;
        return n == 1 ? (unsigned char)c : -1;
    }
    if (s->pos == s->len) {
        while ((s->len = read(s->fd, s->buf, sizeof s->buf)) < 0 && errno == EINTR)
            ;
        s->pos = 0;
        if (s->len <= 0) {
            s->len = 0;
            return -1;
        }
    }
    return (unsigned char)s->buf[s->pos++];
}

/* Appends the next line of s (with its newline) to *cmd.  0, or -1 at the end
 * of the input with nothing read. */
static int read_line(struct source *s, char **cmd, int *len, int *cap)
{
    int c, got = 0;
    while ((c = next_char(s)) >= 0) {
        if (*len + 2 > *cap) {
            int grown = *cap == 0 ? 256 : *cap * 2;
            char *bigger = realloc(*cmd, grown);
            if (bigger == NULL) {
                sh_error("out of memory");
                return -1;
            }
            *cmd = bigger;
            *cap = grown;
        }
        (*cmd)[(*len)++] = c;
        got = 1;
        if (c == '\n')
            break;
    }
    if (!got)
        return -1;
    if ((*cmd)[*len - 1] != '\n')
        (*cmd)[(*len)++] = '\n';
    (*cmd)[*len] = '\0';
    return 0;
}

static void prompt_for(int continuing)
{
    const char *p = var_get(continuing ? "PS2" : "PS1");
    if (!continuing) {
        jobs_reap();
        jobs_notify();
    }
    fputs(p != NULL ? p : continuing ? "> " : "$ ", stderr);
}

/* Reads and runs commands from fd (or from text when fd < 0) to the end.  A
 * syntax error ends a non-interactive shell (status 2).  The status of the
 * last command. */
int run_source(int fd, const char *text, int prompt)
{
    struct source *s = malloc(sizeof *s);
    char *cmd = NULL;
    int len = 0, cap = 0, mark = arena_mark();
    if (s == NULL) {
        sh_error("out of memory");
        return 1;
    }
    s->fd = fd;
    s->text = text;
    s->at = 0;
    s->len = s->pos = 0;
    for (;;) {
        struct node *tree;
        int parsed;
        if (prompt)
            prompt_for(len > 0);
        if (read_line(s, &cmd, &len, &cap) < 0) {
            if (len > 0) {
                sh_error("syntax error: unexpected end of file");
                last_status = 2;
            }
            break;
        }
        arena_release(mark);
        parsed = parse_command(cmd, &tree);
        if (parsed == PARSE_INCOMPLETE)
            continue;
        len = 0;
        if (parsed == PARSE_ERROR) {
            last_status = 2;
            if (!interactive)
                sh_exit(2);
            continue;
        }
        if (tree != NULL)
            run_tree(tree);
    }
    arena_release(mark);
    free(cmd);
    free(s);
    if (prompt)
        fprintf(stderr, "exit\n");
    return last_status;
}

/* An interactive shell on a terminal takes job control: its own process group
 * in the foreground, and the signals a terminal sends ignored. */
static void start_job_control(void)
{
    pid_t fg;
    tty_fd = fcntl(2, F_DUPFD_CLOEXEC, 10);
    if (tty_fd < 0 || __syscall(SYS_ioctl, tty_fd, TIOCGPGRP, &fg) < 0)
        return;
    job_control = 1;
    setpgid(0, 0);
    shell_pgid = getpgrp();
    terminal_give(shell_pgid);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
}

static int run_script(const char *path)
{
    int fd = open(path, O_RDONLY), copy;
    if (fd < 0) {
        sh_error("%s: %s", path, strerror(errno));
        return errno == ENOENT ? 127 : 126;
    }
    copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    return run_source(copy, NULL, 0);
}

/* Variables every shell has: the prompts, and PWD (exported, as bash does). */
static void set_defaults(void)
{
    char buf[1024];
    if (var_get("PS1") == NULL)
        var_set("PS1", "$ ", 0);
    if (var_get("PS2") == NULL)
        var_set("PS2", "> ", 0);
    if (getcwd(buf, sizeof buf) != NULL)
        var_set("PWD", buf, 1);
}

int main(int argc, char **argv, char **envp)
{
    const char *command = NULL;
    int force_interactive = 0, script = 0, i = 1;
    vars_init(envp);
    shell_pid = getpid();
    sh_name = argc > 0 ? argv[0] : "sh";
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-i") == 0) {
            force_interactive = 1;
        } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            command = argv[++i];
        } else {
            sh_error("%s: invalid option", argv[i]);
            fprintf(stderr, "usage: sh [-i] [-c command [name [arg ...]]] [file [arg ...]]\n");
            return 2;
        }
    }
    if (i < argc) {
        script = command == NULL;
        sh_name = argv[i++];
    }
    sh_args = argv + i;
    sh_nargs = argc - i;
    set_defaults();
    if (command != NULL)
        return run_source(-1, command, 0) & 0xff;
    if (script)
        return run_script(sh_name) & 0xff;
    interactive = force_interactive || (isatty(0) && isatty(2));
    if (interactive) {
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        start_job_control();
    }
    run_source(0, NULL, interactive);
    sh_exit(last_status);
    return last_status;
}
