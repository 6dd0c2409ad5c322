/* builtin.c: the commands the shell runs itself, because they change the
 * shell (cd, exit, export, unset, shift, exec, .) or its jobs (wait, jobs,
 * fg, bg, and kill when it names a job with %N: the job's processes are
 * looked up here and /bin/kill does the rest). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

static const char *const names[] = {
    ":", ".", "bg", "cd", "exec", "exit", "export", "fg", "jobs", "pwd", "shift", "source", "unset", "wait", NULL,
};

/* kill is a builtin only for a job operand (%N); otherwise /bin/kill runs. */
int is_builtin(const char *name, char **argv, int argc)
{
    int i;
    if (strcmp(name, "kill") == 0) {
        for (i = 1; i < argc; i++)
            if (argv[i][0] == '%')
                return 1;
        return 0;
    }
    for (i = 0; names[i] != NULL; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

static void set_pwd(void)
{
    char buf[1024];
    char *old = var_get("PWD");
    if (old != NULL)
        var_set("OLDPWD", old, 0);
    if (getcwd(buf, sizeof buf) != NULL)
        var_set("PWD", buf, 0);
}

static int builtin_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    if (argc > 2) {
        sh_error("cd: too many arguments");
        return 1;
    }
    if (dir == NULL) {
        sh_error("cd: HOME not set");
        return 1;
    }
    if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (dir == NULL) {
            sh_error("cd: OLDPWD not set");
            return 1;
        }
        printf("%s\n", dir);
    }
    if (chdir(dir) < 0) {
        sh_error("cd: %s: %s", dir, strerror(errno));
        return 1;
    }
    set_pwd();
    return 0;
}

static int builtin_pwd(void)
{
    char buf[1024];
    if (getcwd(buf, sizeof buf) == NULL) {
        sh_error("pwd: %s", strerror(errno));
        return 1;
    }
    printf("%s\n", buf);
    return 0;
}

static int builtin_export(int argc, char **argv)
{
    int i, status = 0;
    if (argc == 1) {
        vars_print_exported();
        return 0;
    }
    for (i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        int len = eq == NULL ? (int)strlen(argv[i]) : eq - argv[i];
        if (!valid_name(argv[i], len)) {
            sh_error("export: `%s': not a valid identifier", argv[i]);
            status = 1;
        } else if (eq == NULL) {
            var_export(argv[i]);
        } else {
            *eq = '\0';
            var_set(argv[i], eq + 1, 1);
            *eq = '=';
        }
    }
    return status;
}

static int builtin_shift(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    if (n < 0 || n > sh_nargs) {
        sh_error("shift: shift count out of range");
        return 1;
    }
    sh_args += n;
    sh_nargs -= n;
    return 0;
}

/* fg and bg: the job named by argv[1] (default: the current one). */
static struct job *job_operand(const char *cmd, int argc, char **argv)
{
    struct job *j;
    if (!job_control) {
        sh_error("%s: no job control", cmd);
        return NULL;
    }
    j = job_find(argc > 1 ? argv[1] : "%+");
    if (j == NULL)
        sh_error("%s: %s: no such job", cmd, argc > 1 ? argv[1] : "current");
    return j;
}

static int builtin_fg(int argc, char **argv)
{
    struct job *j = job_operand("fg", argc, argv);
    if (j == NULL)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);
    return job_foreground(j, 1);
}

static int builtin_bg(int argc, char **argv)
{
    struct job *j = job_operand("bg", argc, argv);
    return j == NULL ? 1 : job_background(j);
}

static int builtin_wait(int argc, char **argv)
{
    int i, status = 0;
    if (argc == 1)
        return jobs_wait_all();
    for (i = 1; i < argc; i++)
        status = job_wait_spec(argv[i]);
    return status;
}

/* kill ... %N ...: %N becomes the job's process group (-PGID) with job
 * control, else its process ids; then /bin/kill runs with the options as
 * given, "--", and the operands (so that -PGID is not read as a signal). */
static int builtin_kill(int argc, char **argv)
{
    char *args[MAX_WORDS + MAX_STAGES + 3];
    char numbers[MAX_STAGES][16];
    int n = 0, i = 1, used = 0, wstatus;
    pid_t pid;
    args[n++] = "kill";
    for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
        args[n++] = argv[i];
        if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            args[n++] = argv[++i];
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    args[n++] = "--";
    for (; i < argc && n < MAX_WORDS; i++) {
        struct job *j;
        int k;
        if (argv[i][0] != '%') {
            args[n++] = argv[i];
            continue;
        }
        j = job_find(argv[i]);
        if (j == NULL) {
            sh_error("kill: %s: no such job", argv[i]);
            return 1;
        }
        for (k = 0; k < j->npids && used < MAX_STAGES; k++) {
            if (job_control)
                sprintf(numbers[used], "-%d", (int)j->pgid);
            else
                sprintf(numbers[used], "%d", (int)j->pids[k]);
            args[n++] = numbers[used++];
            if (job_control)
                break;
        }
    }
    args[n] = NULL;
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        sh_error("fork: %s", strerror(errno));
        return 1;
    }
    if (pid == 0) {
        execve("/bin/kill", args, vars_environ(NULL, 0));
        sh_error("kill: %s", strerror(errno));
        _exit(126);
    }
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR)
            return 1;
    return status_of(wstatus);
}

/* . FILE: runs FILE's commands in this shell. */
static int builtin_source(int argc, char **argv)
{
    int fd, copy;
    if (argc < 2) {
        sh_error("%s: filename argument required", argv[0]);
        return 2;
    }
    fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        sh_error("%s: %s", argv[1], strerror(errno));
        return 1;
    }
    copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    run_source(copy, NULL, 0);
    close(copy);
    return last_status;
}

int run_builtin(int argc, char **argv)
{
    const char *name = argv[0];
    if (strcmp(name, ":") == 0)
        return 0;
    if (strcmp(name, "cd") == 0)
        return builtin_cd(argc, argv);
    if (strcmp(name, "pwd") == 0)
        return builtin_pwd();
    if (strcmp(name, "exit") == 0) {
        sh_exit(argc > 1 ? atoi(argv[1]) : last_status);
        return 1;
    }
    if (strcmp(name, "export") == 0)
        return builtin_export(argc, argv);
    if (strcmp(name, "unset") == 0) {
        int i;
        for (i = 1; i < argc; i++)
            var_unset(argv[i]);
        return 0;
    }
    if (strcmp(name, "shift") == 0)
        return builtin_shift(argc, argv);
    if (strcmp(name, "wait") == 0)
        return builtin_wait(argc, argv);
    if (strcmp(name, "jobs") == 0)
        return jobs_list();
    if (strcmp(name, "fg") == 0)
        return builtin_fg(argc, argv);
    if (strcmp(name, "bg") == 0)
        return builtin_bg(argc, argv);
    if (strcmp(name, "kill") == 0)
        return builtin_kill(argc, argv);
    if (strcmp(name, ".") == 0 || strcmp(name, "source") == 0)
        return builtin_source(argc, argv);
    /* exec with a command: the shell becomes it (exec without one is handled
     * where redirections are, run.c) */
    if (argc > 1) {
        child_signals(0);
        fflush(stdout);
        execvpe(argv[1], argv + 1, vars_environ(NULL, 0));
        sh_error("%s: %s", argv[1], errno == ENOENT ? "not found" : strerror(errno));
        sh_exit(errno == ENOENT ? 127 : 126);
    }
    return 0;
}
