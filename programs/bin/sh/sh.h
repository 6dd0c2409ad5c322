/* sh.h: declarations shared by the files of /bin/sh, ipcvm's guest shell.
 *
 * The shell reads a complete command (one line, or more while a quote, a
 * trailing | && || or a parenthesis is open), parses it into a tree of nodes
 * (parse.c), and runs the tree (run.c): simple commands, pipelines, && and ||,
 * ; and &, ( subshells ), redirections.  Words keep their quotes until run
 * time, when expand.c turns them into fields.  Jobs (jobs.c) are pipelines
 * started together; with job control (an interactive shell on a terminal)
 * each job has its own process group, and the foreground one owns the
 * terminal, so Ctrl-C reaches the foreground job only. */
#ifndef SH_H
#define SH_H

#include <sys/types.h>

#define MAX_WORDS 512   /* words of one simple command */
#define MAX_STAGES 32   /* commands in one pipeline */
#define MAX_JOBS 64

/* ---- the tree (parse.c) ---- */

enum node_kind {
    N_CMD,      /* a simple command: words and redirections */
    N_PIPE,     /* left | right */
    N_AND,      /* left && right */
    N_OR,       /* left || right */
    N_SEQ,      /* left ; right  (right may be NULL) */
    N_BG,       /* left &        (then right, which may be NULL) */
    N_SUBSHELL, /* ( left ) with redirections */
    N_NOT       /* ! left */
};

enum redir_op {
    R_IN,     /* n<word  */
    R_OUT,    /* n>word  */
    R_APPEND, /* n>>word */
    R_DUPIN,  /* n<&word */
    R_DUPOUT, /* n>&word */
    R_RDWR    /* n<>word */
};

struct redir {
    int fd;
    int op;
    char *word;           /* as written, expanded when applied */
    struct redir *next;
};

struct node {
    int kind;
    struct node *left;
    struct node *right;
    char **words;         /* N_CMD: the words as written */
    int nwords;
    struct redir *redirs; /* N_CMD, N_SUBSHELL */
    char *text;           /* the source text, for jobs and fg */
};

/* Parse status of a buffer. */
#define PARSE_OK 0
#define PARSE_INCOMPLETE 1 /* more input could complete it */
#define PARSE_ERROR 2      /* reported on stderr */

int parse_command(const char *text, struct node **out);

/* ---- the memory of one command (arena.c) ---- */

int arena_mark(void);
void arena_release(int mark);
void *arena_alloc(int size);
char *arena_strndup(const char *s, int n);

/* ---- variables (vars.c) ---- */

void vars_init(char **envp);
char *var_get(const char *name);
int var_set(const char *name, const char *value, int export_it);
int var_unset(const char *name);
int var_export(const char *name);
int valid_name(const char *s, int len);
char **vars_environ(char **extra, int nextra);
void vars_print_exported(void);

/* positional parameters and specials */
extern char *sh_name;        /* $0 */
extern char **sh_args;       /* $1 ... */
extern int sh_nargs;         /* $# */
extern int last_status;      /* $? */
extern pid_t last_bg_pid;    /* $! */
extern pid_t shell_pid;      /* $$: the shell's, also in its subshells */

/* ---- expansion (expand.c) ---- */

int expand_words(char **words, int nwords, char **out, int max);
char *expand_one(const char *word);
char *expand_assignment_value(const char *word);
int is_assignment(const char *word);

/* ---- running (run.c) ---- */

int run_tree(struct node *n);
void run_in_child(struct node *n);
void child_signals(int background);

/* ---- redirections (redir.c) ---- */

#define MAX_SAVED 32 /* descriptors a builtin's redirections may replace */

int apply_redirs(struct redir *r, int save[], int *nsaved);
void restore_redirs(int save[], int nsaved);

/* ---- jobs (jobs.c) ---- */

extern int job_control;      /* interactive shell on a terminal */
extern int interactive;
extern pid_t shell_pgid;
extern int tty_fd;           /* the terminal, for tcsetpgrp (job control) */

struct job {
    int id;              /* 0: free slot */
    pid_t pgid;
    pid_t pids[MAX_STAGES];
    int status[MAX_STAGES];
    int done[MAX_STAGES];
    int npids;
    int stopped;
    int notified;        /* state change already reported */
    char *text;
};

struct job *job_new(const char *text);
void job_add_pid(struct job *j, pid_t pid);
int job_wait(struct job *j);
int job_finished(struct job *j);
int job_status(struct job *j);
void job_free(struct job *j);
struct job *job_find(const char *spec);
void jobs_reap(void);
void jobs_forget(void);
void jobs_hangup(void);
void jobs_notify(void);
int jobs_list(void);
int jobs_wait_all(void);
int job_wait_spec(const char *spec);
int job_foreground(struct job *j, int resume);
int job_background(struct job *j);
void job_set_current(struct job *j);
void terminal_give(pid_t pgid);
int status_of(int wstatus);

/* ---- builtins (builtin.c) ---- */

int is_builtin(const char *name, char **argv, int argc);
int run_builtin(int argc, char **argv);

/* ---- the main loop (main.c) ---- */

int run_source(int fd, const char *text, int prompt);
void sh_error(const char *fmt, ...);
void sh_exit(int status);

#endif
