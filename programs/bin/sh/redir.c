/* redir.c: redirections, applied in the order written: < > >> <> open a
 * file onto a descriptor, <& >& duplicate one ("-" closes it).  For a command
 * the shell runs itself (a builtin), the descriptors replaced are kept and put
 * back afterwards. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "sh.h"

static int open_target(struct redir *r, const char *target)
{
    switch (r->op) {
    case R_IN:
        return open(target, O_RDONLY);
    case R_OUT:
        return open(target, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    case R_APPEND:
        return open(target, O_WRONLY | O_CREAT | O_APPEND, 0666);
    default: /* R_RDWR */
        return open(target, O_RDWR | O_CREAT, 0666);
    }
}

/* The descriptor a <& or >& names, -2 for "-" (close), -1 after an error. */
static int dup_source(const char *target)
{
    const char *p;
    if (strcmp(target, "-") == 0)
        return -2;
    for (p = target; *p; p++)
        if (*p < '0' || *p > '9')
            break;
    if (*p != '\0' || p == target) {
        sh_error("%s: ambiguous redirect", target);
        return -1;
    }
    if (fcntl(atoi(target), F_GETFD) < 0) {
        sh_error("%s: Bad file descriptor", target);
        return -1;
    }
    return atoi(target);
}

/* Applies the redirections in order.  With save, the descriptors they replace
 * are kept (as pairs fd, copy) for restore_redirs.  0, or -1 after reporting
 * why one failed (those before it stay applied). */
int apply_redirs(struct redir *r, int save[], int *nsaved)
{
    for (; r != NULL; r = r->next) {
        char *target = expand_one(r->word);
        int fd;
        if (target == NULL)
            return -1;
        if (r->op == R_DUPIN || r->op == R_DUPOUT) {
            fd = dup_source(target);
            if (fd == -1)
                return -1;
        } else {
            fd = open_target(r, target);
            if (fd < 0) {
                sh_error("%s: %s", target, strerror(errno));
                return -1;
            }
        }
        if (save != NULL && *nsaved < MAX_SAVED) {
            save[2 * *nsaved] = r->fd;
            save[2 * *nsaved + 1] = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
            (*nsaved)++;
        }
        if (fd == -2) {
            close(r->fd);
        } else if (fd != r->fd) {
            if (dup2(fd, r->fd) < 0) {
                sh_error("%d: %s", r->fd, strerror(errno));
                return -1;
            }
            if (r->op != R_DUPIN && r->op != R_DUPOUT)
                close(fd);
        }
    }
    return 0;
}

/* Puts back the descriptors apply_redirs saved, last first. */
void restore_redirs(int save[], int nsaved)
{
    while (nsaved-- > 0) {
        int fd = save[2 * nsaved], copy = save[2 * nsaved + 1];
        if (copy >= 0) {
            dup2(copy, fd);
            close(copy);
        } else {
            close(fd);
        }
    }
}
