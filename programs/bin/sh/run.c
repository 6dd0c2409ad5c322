/* run.c: running a parsed command.  Lists run item by item, && and || on the
 * status of their left side, `!` inverts it.  A simple command whose name is
 * a builtin (or that has no name: assignments, bare redirections) runs in the
 * shell itself, its redirections undone afterwards; everything else is a job
 * (jobs.c): the stages of a pipeline are forked with pipes between them, each
 * child sets up its descriptors and signals and executes its command, and the
 * shell waits for a foreground job or goes on at once after `&`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include "sh.h"

static int run_node(struct node *n);

/* ---- commands in a child ---- */

/* A forked child's signals: what the interactive shell ignores goes back to
 * the default; a background job without job control ignores SIGINT and
 * SIGQUIT, so Ctrl-C reaches only the foreground. */
void child_signals(int background)
{
    if (interactive) {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGTSTP, SIG_DFL);
        signal(SIGTTIN, SIG_DFL);
        signal(SIGTTOU, SIG_DFL);
    }
    if (background && !job_control) {
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
    }
}

static int ends_with(const char *s, const char *suffix)
{
    int n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* execve, falling back to running path as a shell script when it is not a
 * program (ENOEXEC), as POSIX shells do -- except for a C source, whose
 * compiler messages have already said why it does not run. */
static void try_exec(const char *path, char **argv, char **envp)
{
    execve(path, argv, envp);
    if (errno == ENOEXEC && !ends_with(path, ".c")) {
        char *script_argv[MAX_WORDS + 2];
        int i;
        script_argv[0] = "sh";
        script_argv[1] = (char *)path;
        for (i = 1; argv[i] != NULL && i < MAX_WORDS; i++)
            script_argv[i + 1] = argv[i];
        script_argv[i + 1] = NULL;
        execve("/bin/sh", script_argv, envp);
        errno = ENOEXEC;
    }
}

/* Executes argv (searching PATH for a name without '/'); on failure reports
 * it and exits 127 (not found) or 126 (found, cannot run). */
static void exec_command(char **argv, char **envp)
{
    const char *path = var_get("PATH");
    char candidate[1024];
    int err = ENOENT, denied = 0;
    if (strchr(argv[0], '/') != NULL) {
        try_exec(argv[0], argv, envp);
        err = errno;
    } else {
        const char *dir = path == NULL ? "/bin" : path;
        for (;;) {
            const char *end = strchr(dir, ':');
            int len = end == NULL ? (int)strlen(dir) : end - dir;
            if (len + strlen(argv[0]) + 2 < sizeof candidate) {
                if (len == 0)
                    strcpy(candidate, argv[0]);
                else
                    sprintf(candidate, "%.*s/%s", len, dir, argv[0]);
                try_exec(candidate, argv, envp);
                if (errno == EACCES)
                    denied = 1;
                else if (errno != ENOENT && errno != ENOTDIR) {
                    err = errno;
                    break;
                }
            }
            if (end == NULL)
                break;
            dir = end + 1;
        }
        if (denied && err == ENOENT)
            err = EACCES;
    }
    if (err == ENOENT && strchr(argv[0], '/') == NULL) {
        sh_error("%s: command not found", argv[0]);
        _exit(127);
    }
    if (err == ENOEXEC && ends_with(argv[0], ".c"))
        _exit(126);
    sh_error("%s: %s", argv[0], strerror(err));
    _exit(err == ENOENT ? 127 : 126);
}

/* Runs a simple command in a child (after fork): does not return. */
static void exec_simple(struct node *n)
{
    char *argv[MAX_WORDS + 1];
    char *assigns[MAX_WORDS];
    int argc, nassign = 0;
    while (nassign < n->nwords && is_assignment(n->words[nassign])) {
        char *word = n->words[nassign];
        char *value = expand_assignment_value(word);
        int len = strchr(word, '=') - word;
        if (value == NULL)
            _exit(1);
        assigns[nassign] = malloc(len + strlen(value) + 2);
        if (assigns[nassign] == NULL)
            _exit(1);
        sprintf(assigns[nassign], "%.*s=%s", len, word, value);
        nassign++;
    }
    argc = expand_words(n->words + nassign, n->nwords - nassign, argv, MAX_WORDS);
    if (argc < 0)
        _exit(1);
    argv[argc] = NULL;
    if (apply_redirs(n->redirs, NULL, NULL) < 0)
        _exit(1);
    if (argc == 0)
        _exit(0);
    if (is_builtin(argv[0], argv, argc)) {
        int status = run_builtin(argc, argv);
        fflush(stdout);
        _exit(status & 0xff);
    }
    exec_command(argv, vars_environ(assigns, nassign));
}

/* Runs n as the last thing this forked process does, and exits: a simple
 * command at the end is executed in place rather than forked, as shells do
 * (so $! of `a && b &` is b once a is done). */
static void run_tail(struct node *n)
{
    int status;
    switch (n->kind) {
    case N_CMD:
        exec_simple(n);
        break;
    case N_AND:
    case N_OR:
        status = run_node(n->left);
        if ((status == 0) == (n->kind == N_AND))
            run_tail(n->right);
        break;
    case N_SEQ:
        run_node(n->left);
        if (n->right != NULL)
            run_tail(n->right);
        break;
    case N_SUBSHELL:
        if (apply_redirs(n->redirs, NULL, NULL) < 0)
            _exit(1);
        if (n->left != NULL)
            run_tail(n->left);
        break;
    default:
        run_node(n);
        break;
    }
    fflush(stdout);
    _exit(last_status & 0xff);
}

/* Runs stage n of a job in this (forked) process and exits with its status. */
void run_in_child(struct node *n)
{
    job_control = 0;
    interactive = 0;
    jobs_forget();
    run_tail(n);
}

/* ---- commands in the shell ---- */

/* The leading NAME=value words of a command with no name set shell variables. */
static int assign_all(struct node *n)
{
    int i;
    for (i = 0; i < n->nwords; i++) {
        char *name = n->words[i];
        int len = strchr(name, '=') - name;
        char *value = expand_assignment_value(name);
        if (value == NULL)
            return 1;
        name[len] = '\0';
        var_set(name, value, 0);
        name[len] = '=';
    }
    return 0;
}

/* A simple command in the foreground: in the shell when it is a builtin or has
 * no name, else as a job. */
static int run_simple(struct node *n)
{
    char *argv[MAX_WORDS + 1];
    int nassign = 0, argc, status, nsaved = 0;
    int saved[2 * MAX_SAVED];
    while (nassign < n->nwords && is_assignment(n->words[nassign]))
        nassign++;
    if (nassign == n->nwords) {
        status = apply_redirs(n->redirs, saved, &nsaved) < 0 ? 1 : 0;
        restore_redirs(saved, nsaved);
        return status != 0 ? status : assign_all(n);
    }
    argc = expand_words(n->words + nassign, n->nwords - nassign, argv, MAX_WORDS);
    if (argc < 0)
        return 1;
    argv[argc] = NULL;
    if (argc == 1 && strcmp(argv[0], "exec") == 0)
        return apply_redirs(n->redirs, NULL, NULL) < 0 ? 1 : 0;
    if (argc > 0 && is_builtin(argv[0], argv, argc)) {
        if (apply_redirs(n->redirs, saved, &nsaved) < 0) {
            restore_redirs(saved, nsaved);
            return 1;
        }
        status = run_builtin(argc, argv);
        fflush(stdout);
        restore_redirs(saved, nsaved);
        return status;
    }
    return -1;
}

/* The stages of a pipeline, left to right. */
static int flatten(struct node *n, struct node **stages)
{
    int count = 0;
    while (n->kind == N_PIPE && count < MAX_STAGES - 1) {
        stages[count++] = n->left;
        n = n->right;
    }
    stages[count++] = n;
    return count;
}

/* Starts n (a pipeline, a command, or a whole and-or list run in a subshell)
 * as a job; waits for it unless background.  Its status (0 for background). */
static int run_job(struct node *n, int background)
{
    struct node *stages[MAX_STAGES];
    int count = n->kind == N_PIPE ? flatten(n, stages) : 1;
    int prev = -1, i, fds[2];
    struct job *j = job_new(n->text == NULL ? "" : n->text);
    if (count == 1)
        stages[0] = n;
    if (j == NULL)
        return 1;
    fflush(stdout);
    for (i = 0; i < count; i++) {
        pid_t pid;
        if (i < count - 1 && pipe(fds) < 0) {
            sh_error("pipe: %s", strerror(errno));
            break;
        }
        pid = fork();
        if (pid < 0) {
            sh_error("fork: %s", strerror(errno));
            if (i < count - 1) {
                close(fds[0]);
                close(fds[1]);
            }
            break;
        }
        if (pid == 0) {
            if (job_control) {
                setpgid(0, j->pgid);
                if (!background)
                    terminal_give(getpgrp());
            }
            child_signals(background);
            if (background && !job_control && i == 0) {
                int null = open("/dev/null", O_RDONLY);
                if (null >= 0 && null != 0) {
                    dup2(null, 0);
                    close(null);
                }
            }
            if (prev >= 0) {
                dup2(prev, 0);
                close(prev);
            }
            if (i < count - 1) {
                close(fds[0]);
                dup2(fds[1], 1);
                close(fds[1]);
            }
            run_in_child(stages[i]);
        }
        if (job_control)
            setpgid(pid, j->pgid == 0 ? pid : j->pgid);
        job_add_pid(j, pid);
        if (prev >= 0)
            close(prev);
        if (i < count - 1) {
            close(fds[1]);
            prev = fds[0];
        }
    }
    if (prev >= 0)
        close(prev);
    if (j->npids == 0) {
        job_free(j);
        return 1;
    }
    if (background) {
        last_bg_pid = j->pids[j->npids - 1];
        job_set_current(j);
        if (interactive)
            fprintf(stderr, "[%d] %d\n", j->id, (int)last_bg_pid);
        return 0;
    }
    return job_foreground(j, 0);
}

static int run_node(struct node *n)
{
    int status;
    if (n == NULL)
        return last_status;
    switch (n->kind) {
    case N_SEQ:
        run_node(n->left);
        return n->right == NULL ? last_status : run_node(n->right);
    case N_BG:
        jobs_reap();
        run_job(n->left, 1);
        last_status = 0;
        return n->right == NULL ? 0 : run_node(n->right);
    case N_AND:
        status = run_node(n->left);
        return status == 0 ? run_node(n->right) : status;
    case N_OR:
        status = run_node(n->left);
        return status != 0 ? run_node(n->right) : status;
    case N_NOT:
        status = run_node(n->left);
        last_status = status == 0;
        return last_status;
    case N_CMD:
        status = run_simple(n);
        if (status < 0)
            status = run_job(n, 0);
        last_status = status;
        return status;
    default: /* N_PIPE, N_SUBSHELL */
        last_status = run_job(n, 0);
        return last_status;
    }
}

/* Runs a whole parsed command in the shell; its status ($?). */
int run_tree(struct node *n)
{
    return run_node(n);
}
