/* jobs.c: the job table.  A job is the processes of one pipeline (or of one
 * backgrounded and-or list, run in a subshell).  With job control each job is
 * a process group, and the shell hands the terminal to the foreground one
 * (tcsetpgrp) and takes it back when it stops or ends; `jobs`, `fg`, `bg`,
 * `wait` and `kill %N` name jobs by number.  Without job control (scripts,
 * sh -c) jobs still exist for `wait`, `jobs` and `kill %N`, but their
 * processes stay in the shell's group. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "sh.h"

#define TIOCSPGRP 0x5410

int job_control;
int interactive;
pid_t shell_pgid;
int tty_fd = -1;

static struct job jobs[MAX_JOBS];
static int current_id;  /* the job `%+` names */
static int previous_id; /* `%-` */

/* Processes of jobs already forgotten, with their wait status, for a later
 * `wait PID` (bash remembers them the same way). */
static pid_t reaped_pid[MAX_JOBS];
static int reaped_status[MAX_JOBS];
static int reaped_next;

/* Makes pgid the terminal's foreground process group (job control only). */
void terminal_give(pid_t pgid)
{
    if (job_control && tty_fd >= 0)
        __syscall(SYS_ioctl, tty_fd, TIOCSPGRP, &pgid);
}

/* $? for a wait status: the exit code, or 128 + the signal. */
int status_of(int wstatus)
{
    if (WIFEXITED(wstatus))
        return WEXITSTATUS(wstatus);
    if (WIFSIGNALED(wstatus))
        return 128 + WTERMSIG(wstatus);
    if (WIFSTOPPED(wstatus))
        return 128 + WSTOPSIG(wstatus);
    return 0;
}

static struct job *by_id(int id)
{
    int i;
    for (i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id == id && id != 0)
            return &jobs[i];
    return NULL;
}

/* The highest job number in use other than `except`, or 0. */
static int highest_id(int except)
{
    int i, best = 0;
    for (i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id > best && jobs[i].id != except)
            best = jobs[i].id;
    return best;
}

struct job *job_new(const char *text)
{
    int i;
    for (i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id == 0) {
            memset(&jobs[i], 0, sizeof jobs[i]);
            jobs[i].text = strdup(text);
            if (jobs[i].text == NULL)
                return NULL;
            jobs[i].id = highest_id(0) + 1;
            return &jobs[i];
        }
    }
    sh_error("too many jobs");
    return NULL;
}

void job_add_pid(struct job *j, pid_t pid)
{
    if (j->npids == 0)
        j->pgid = pid;
    j->pids[j->npids++] = pid;
}

/* Makes j the current job (%+); the old current becomes the previous (%-). */
void job_set_current(struct job *j)
{
    if (current_id != j->id)
        previous_id = current_id;
    current_id = j->id;
}

/* A subshell starts with no jobs of its own. */
void jobs_forget(void)
{
    int i;
    for (i = 0; i < MAX_JOBS; i++)
        jobs[i].id = 0;
    current_id = previous_id = 0;
}

void job_free(struct job *j)
{
    int k;
    for (k = 0; k < j->npids; k++) {
        if (!j->done[k])
            continue;
        reaped_pid[reaped_next] = j->pids[k];
        reaped_status[reaped_next] = j->status[k];
        reaped_next = (reaped_next + 1) % MAX_JOBS;
    }
    if (j->id == current_id) {
        current_id = previous_id;
        previous_id = highest_id(current_id);
        if (previous_id == j->id)
            previous_id = 0;
    } else if (j->id == previous_id) {
        previous_id = highest_id(current_id);
        if (previous_id == j->id)
            previous_id = 0;
    }
    free(j->text);
    j->id = 0;
}

int job_finished(struct job *j)
{
    int i;
    for (i = 0; i < j->npids; i++)
        if (!j->done[i])
            return 0;
    return 1;
}

/* A job's status: its last command's. */
int job_status(struct job *j)
{
    return status_of(j->status[j->npids - 1]);
}

/* Notes what wait reported about pid. */
static void record(pid_t pid, int wstatus)
{
    int i, k;
    for (i = 0; i < MAX_JOBS; i++) {
        struct job *j = &jobs[i];
        if (j->id == 0)
            continue;
        for (k = 0; k < j->npids; k++) {
            if (j->pids[k] != pid)
                continue;
            if (WIFSTOPPED(wstatus)) {
                j->stopped = 1;
                j->status[k] = wstatus;
                j->notified = 0;
            } else if (WIFCONTINUED(wstatus)) {
                j->stopped = 0;
            } else {
                j->done[k] = 1;
                j->status[k] = wstatus;
                if (job_finished(j))
                    j->notified = 0;
            }
            return;
        }
    }
}

/* Waits until j has finished or (with job control) stopped.  Its status. */
int job_wait(struct job *j)
{
    int i;
    for (i = 0; i < j->npids; i++) {
        while (!j->done[i]) {
            int wstatus;
            pid_t r = waitpid(j->pids[i], &wstatus, job_control ? WUNTRACED : 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0) {
                j->done[i] = 1;
                break;
            }
            record(r, wstatus);
            if (j->stopped)
                return status_of(wstatus);
        }
    }
    return job_status(j);
}

/* Collects, without waiting, what happened to any child. */
void jobs_reap(void)
{
    int wstatus;
    pid_t pid;
    while ((pid = waitpid(-1, &wstatus, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
        record(pid, wstatus);
}

/* "Running", "Done", "Exit 3", "Stopped", or the signal that ended it. */
static void describe(struct job *j, char *buf)
{
    int last;
    if (!job_finished(j)) {
        strcpy(buf, j->stopped ? "Stopped" : "Running");
        return;
    }
    last = j->status[j->npids - 1];
    if (WIFSIGNALED(last))
        sprintf(buf, "%s%s", strsignal(WTERMSIG(last)), WCOREDUMP(last) ? " (core dumped)" : "");
    else if (WEXITSTATUS(last) != 0)
        sprintf(buf, "Exit %d", WEXITSTATUS(last));
    else
        strcpy(buf, "Done");
}

static void print_job(struct job *j, FILE *out)
{
    char state[64];
    char mark = j->id == current_id ? '+' : j->id == previous_id ? '-' : ' ';
    describe(j, state);
    fprintf(out, "[%d]%c  %-24s%s%s\n", j->id, mark, state, j->text, job_finished(j) || j->stopped ? "" : " &");
}

/* Before a prompt: reports jobs that finished or stopped since the last one. */
void jobs_notify(void)
{
    int id, top = highest_id(0);
    for (id = 1; id <= top; id++) {
        struct job *j = by_id(id);
        if (j == NULL || j->notified)
            continue;
        if (job_finished(j)) {
            print_job(j, stderr);
            job_free(j);
        } else if (j->stopped) {
            print_job(j, stderr);
            j->notified = 1;
        }
    }
}

/* The jobs builtin: every job; those that have ended are then forgotten. */
int jobs_list(void)
{
    int id, top;
    jobs_reap();
    top = highest_id(0);
    for (id = 1; id <= top; id++) {
        struct job *j = by_id(id);
        if (j == NULL)
            continue;
        print_job(j, stdout);
        if (job_finished(j))
            job_free(j);
        else
            j->notified = 1;
    }
    return 0;
}

/* wait with no operands: every job, to the end.  0, as POSIX has it. */
int jobs_wait_all(void)
{
    int i;
    for (i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id == 0)
            continue;
        jobs[i].stopped = 0;
        job_wait(&jobs[i]);
        if (job_finished(&jobs[i]))
            job_free(&jobs[i]);
    }
    return 0;
}

/* The job a spec names: %N, %% %+ %, %-, %NAME (its command starts so), or
 * NULL. */
struct job *job_find(const char *spec)
{
    int i;
    if (spec[0] == '%')
        spec++;
    if (spec[0] == '\0' || strcmp(spec, "%") == 0 || strcmp(spec, "+") == 0)
        return by_id(current_id);
    if (strcmp(spec, "-") == 0)
        return by_id(previous_id);
    if (spec[0] >= '0' && spec[0] <= '9')
        return by_id(atoi(spec));
    for (i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id != 0 && strncmp(jobs[i].text, spec, strlen(spec)) == 0)
            return &jobs[i];
    return NULL;
}

/* wait %N or wait PID: that job or child, to the end; 127 when it is unknown. */
int job_wait_spec(const char *spec)
{
    struct job *j = NULL;
    int i, k, status;
    if (spec[0] == '%') {
        j = job_find(spec);
        if (j == NULL) {
            sh_error("wait: %s: no such job", spec);
            return 127;
        }
    } else {
        pid_t pid = atoi(spec);
        for (i = 0; i < MAX_JOBS && j == NULL; i++)
            for (k = 0; jobs[i].id != 0 && k < jobs[i].npids; k++)
                if (jobs[i].pids[k] == pid)
                    j = &jobs[i];
        if (j == NULL) {
            int wstatus;
            for (i = 0; i < MAX_JOBS; i++) {
                if (reaped_pid[i] == pid && pid > 0) {
                    reaped_pid[i] = 0;
                    return status_of(reaped_status[i]);
                }
            }
            if (waitpid(pid, &wstatus, 0) == pid)
                return status_of(wstatus);
            sh_error("wait: pid %s is not a child of this shell", spec);
            return 127;
        }
    }
    j->stopped = 0;
    status = job_wait(j);
    if (job_finished(j))
        job_free(j);
    return status;
}

/* Runs j in the foreground (after SIGCONT when resume) and waits for it.
 * Its status; a job that stops stays in the table. */
int job_foreground(struct job *j, int resume)
{
    int status, i;
    terminal_give(j->pgid);
    if (resume) {
        if (job_control)
            kill(-j->pgid, SIGCONT);
        else
            for (i = 0; i < j->npids; i++)
                kill(j->pids[i], SIGCONT);
        j->stopped = 0;
    }
    status = job_wait(j);
    terminal_give(shell_pgid);
    if (interactive && status == 128 + SIGINT)
        fprintf(stderr, "\n");
    else if (interactive && job_finished(j) && WIFSIGNALED(j->status[j->npids - 1]) && status != 128 + SIGPIPE) {
        /* As bash: "Quit (core dumped)", "Terminated", "Killed" for the job just run. */
        char state[64];
        describe(j, state);
        fprintf(stderr, "%s\n", state);
    }
    if (j->stopped) {
        job_set_current(j);
        if (interactive) {
            fprintf(stderr, "\n");
            print_job(j, stderr);
        }
        j->notified = 1;
        return status;
    }
    job_free(j);
    return status;
}

/* The interactive shell is leaving: its jobs get SIGHUP (and SIGCONT, so a
 * stopped one sees it), as when the terminal hangs up. */
void jobs_hangup(void)
{
    int i;
    for (i = 0; i < MAX_JOBS; i++) {
        if (jobs[i].id == 0 || job_finished(&jobs[i]))
            continue;
        kill(-jobs[i].pgid, SIGHUP);
        kill(-jobs[i].pgid, SIGCONT);
    }
}

/* bg: lets a stopped job go on in the background. */
int job_background(struct job *j)
{
    kill(-j->pgid, SIGCONT);
    j->stopped = 0;
    job_set_current(j);
    printf("[%d]+ %s &\n", j->id, j->text);
    return 0;
}
