/* glob.c: pathname expansion of a field with active glob characters.  The
 * pattern is matched a component at a time against the names in each
 * directory (read with getdents64); * matches any string, ? any character,
 * [abc] [a-z] [!x] one of a set; a leading '.' must be matched literally.
 * The matches, sorted, replace the field; with none the field stays as it is
 * (POSIX). */
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "sh.h"
#include "field.h"

#define MAX_MATCHES 1024
#define PATH_BUF 1024

struct matches {
    char *names[MAX_MATCHES];
    int count;
};

/* [set] at pat (on the '['): whether c is in it; *used gets the pattern bytes
 * it spans, or 0 when there is no closing ']' (the '[' is then literal). */
static int in_bracket(const char *pat, int plen, char c, int *used)
{
    int i = 1, negate = 0, found = 0;
    if (i < plen && (pat[i] == '!' || pat[i] == '^')) {
        negate = 1;
        i++;
    }
    if (i < plen && pat[i] == ']') {
        found = c == ']';
        i++;
    }
    for (; i < plen && pat[i] != ']'; i++) {
        if (i + 2 < plen && pat[i + 1] == '-' && pat[i + 2] != ']') {
            if (c >= pat[i] && c <= pat[i + 2])
                found = 1;
            i += 2;
        } else if (pat[i] == c) {
            found = 1;
        }
    }
    if (i >= plen) {
        *used = 0;
        return 0;
    }
    *used = i + 1;
    return found != negate;
}

/* Whether s matches the pattern pat[0..plen) (act marks active bytes). */
static int match(const char *pat, const char *act, int plen, const char *s)
{
    int i = 0;
    while (i < plen) {
        if (act[i] && pat[i] == '*') {
            while (i < plen && act[i] && pat[i] == '*')
                i++;
            if (i == plen)
                return 1;
            for (;; s++) {
                if (match(pat + i, act + i, plen - i, s))
                    return 1;
                if (*s == '\0')
                    return 0;
            }
        }
        if (*s == '\0')
            return 0;
        if (act[i] && pat[i] == '?') {
            i++;
            s++;
            continue;
        }
        if (act[i] && pat[i] == '[') {
            int used;
            int hit = in_bracket(pat + i, plen - i, *s, &used);
            if (used > 0) {
                if (!hit)
                    return 0;
                i += used;
                s++;
                continue;
            }
        }
        if (pat[i] != *s)
            return 0;
        i++;
        s++;
    }
    return *s == '\0';
}

static int has_active(const char *act, int len)
{
    int i;
    for (i = 0; i < len; i++)
        if (act[i])
            return 1;
    return 0;
}

static void add_match(struct matches *m, const char *path)
{
    char *copy;
    if (m->count == MAX_MATCHES)
        return;
    copy = arena_strndup(path, strlen(path));
    if (copy != NULL)
        m->names[m->count++] = copy;
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void glob_from(char *prefix, const char *pat, const char *act, int plen, struct matches *m);

/* One name matched the component: go on with the rest of the pattern. */
static void glob_next(char *prefix, int at, const char *name, const char *rest, const char *act, int rlen, struct matches *m)
{
    int n = strlen(name);
    if (at + n + 2 >= PATH_BUF)
        return;
    memcpy(prefix + at, name, n + 1);
    if (rlen == 0) {
        add_match(m, prefix);
    } else if (is_directory(prefix)) {
        prefix[at + n] = '/';
        prefix[at + n + 1] = '\0';
        glob_from(prefix, rest, act, rlen, m);
    }
    prefix[at] = '\0';
}

/* Matches pat[0..plen) (no leading '/') under the directory named prefix
 * ("" for the working directory, else ending in '/'). */
static void glob_from(char *prefix, const char *pat, const char *act, int plen, struct matches *m)
{
    int clen = 0, at = strlen(prefix), rstart, fd;
    char buf[4096];
    int n;
    while (clen < plen && pat[clen] != '/')
        clen++;
    rstart = clen;
    while (rstart < plen && pat[rstart] == '/')
        rstart++;
    if (!has_active(act, clen)) {
        char name[256];
        if (clen >= (int)sizeof name)
            return;
        memcpy(name, pat, clen);
        name[clen] = '\0';
        if (rstart == plen && clen < plen) {
            /* "dir/": the name is a directory */
            if (at + clen + 2 < PATH_BUF) {
                strcpy(prefix + at, name);
                if (is_directory(prefix)) {
                    strcat(prefix, "/");
                    add_match(m, prefix);
                }
                prefix[at] = '\0';
            }
            return;
        }
        glob_next(prefix, at, name, pat + rstart, act + rstart, plen - rstart, m);
        return;
    }
    fd = open(at == 0 ? "." : prefix, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    while ((n = __syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        int off = 0;
        while (off < n) {
            unsigned short reclen = *(unsigned short *)(buf + off + 16);
            char *name = buf + off + 19;
            off += reclen;
            if (name[0] == '.' && !(pat[0] == '.' && !act[0]))
                continue;
            if (match(pat, act, clen, name))
                glob_next(prefix, at, name, pat + rstart, act + rstart, plen - rstart, m);
        }
    }
    close(fd);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names f matches, sorted, appended to out; their count (0: no match, out
 * unchanged). */
int glob_field(struct field *f, struct fields *out)
{
    struct matches *m = arena_alloc(sizeof *m);
    char prefix[PATH_BUF];
    int skip = 0, i;
    if (m == NULL)
        return 0;
    prefix[0] = '\0';
    if (f->len > 0 && f->buf[0] == '/') {
        strcpy(prefix, "/");
        while (skip < f->len && f->buf[skip] == '/')
            skip++;
    }
    glob_from(prefix, f->buf + skip, f->active + skip, f->len - skip, m);
    qsort(m->names, m->count, sizeof m->names[0], by_name);
    for (i = 0; i < m->count && out->count < out->max; i++)
        out->items[out->count++] = m->names[i];
    return m->count;
}
