/* ls: list directory contents, as GNU ls does in the C locale.
 *   -l  long format   -a  all names (. and .. too)   -A  all but . and ..
 *   -1  one name per line   -d  directories themselves, not their contents
 * Names are sorted by their bytes.  Output to a terminal is laid out in
 * columns 80 wide; otherwise one name per line.  Owners and groups print as
 * numbers (there is no user database). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define LINE_WIDTH 80
#define SIX_MONTHS (31556952 / 2)

struct entry {
    char *name;
    struct stat st;
};

static int long_format, show_all, almost_all, one_per_line, directories_as_files;
static int status;
static time_t now;

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static char type_char(int mode)
{
    if (S_ISDIR(mode)) return 'd';
    if (S_ISFIFO(mode)) return 'p';
    if (S_ISCHR(mode)) return 'c';
    if (S_ISBLK(mode)) return 'b';
    if (S_ISLNK(mode)) return 'l';
    if (S_ISSOCK(mode)) return 's';
    return '-';
}

static void mode_string(int mode, char *out)
{
    const char *rwx = "rwxrwxrwx";
    int i;
    out[0] = type_char(mode);
    for (i = 0; i < 9; i++)
        out[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
    if (mode & S_ISUID)
        out[3] = mode & S_IXUSR ? 's' : 'S';
    if (mode & S_ISGID)
        out[6] = mode & S_IXGRP ? 's' : 'S';
    if (mode & S_ISVTX)
        out[9] = mode & S_IXOTH ? 't' : 'T';
    out[10] = '\0';
}

static void date_string(time_t when, char *out)
{
    static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    struct tm tm;
    gmtime_r(&when, &tm);
    if (when > now - SIX_MONTHS && when <= now + 1)
        sprintf(out, "%s %2d %02d:%02d", months[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min);
    else
        sprintf(out, "%s %2d  %d", months[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900);
}

static int digits(unsigned long n)
{
    int d = 1;
    for (; n >= 10; n /= 10)
        d++;
    return d;
}

static void size_string(struct stat *st, char *out)
{
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        sprintf(out, "%u, %u", (unsigned)(st->st_rdev >> 8) & 0xfff, (unsigned)st->st_rdev & 0xff);
    else
        sprintf(out, "%lu", (unsigned long)st->st_size);
}

static void print_long(struct entry *e, int n, int with_total)
{
    int wlink = 1, wuid = 1, wgid = 1, wsize = 1, i;
    unsigned long blocks = 0;
    char text[64];
    for (i = 0; i < n; i++) {
        struct stat *st = &e[i].st;
        int w;
        blocks += st->st_blocks;
        if ((w = digits(st->st_nlink)) > wlink) wlink = w;
        if ((w = digits(st->st_uid)) > wuid) wuid = w;
        if ((w = digits(st->st_gid)) > wgid) wgid = w;
        size_string(st, text);
        if ((w = strlen(text)) > wsize) wsize = w;
    }
    if (with_total)
        printf("total %lu\n", (blocks + 1) / 2);
    for (i = 0; i < n; i++) {
        struct stat *st = &e[i].st;
        char mode[11], size[32], date[32];
        mode_string(st->st_mode, mode);
        size_string(st, size);
        date_string(st->st_mtime, date);
        printf("%s %*lu %-*u %-*u %*s %s %s\n", mode, wlink, (unsigned long)st->st_nlink, wuid, (unsigned)st->st_uid, wgid,
               (unsigned)st->st_gid, wsize, size, date, e[i].name);
    }
}

/* Names in columns filling LINE_WIDTH, read down then across. */
static void print_columns(struct entry *e, int n)
{
    int cols, rows, r, c;
    int width[LINE_WIDTH];
    for (cols = n < LINE_WIDTH / 3 ? n : LINE_WIDTH / 3; cols > 1; cols--) {
        int total = 0;
        rows = (n + cols - 1) / cols;
        if ((cols - 1) * rows >= n)
            continue;
        for (c = 0; c < cols; c++) {
            width[c] = 0;
            for (r = 0; r < rows && c * rows + r < n; r++)
                if ((int)strlen(e[c * rows + r].name) > width[c])
                    width[c] = strlen(e[c * rows + r].name);
            total += width[c] + (c < cols - 1 ? 2 : 0);
        }
        if (total <= LINE_WIDTH)
            break;
    }
    if (cols <= 1) {
        for (r = 0; r < n; r++)
            printf("%s\n", e[r].name);
        return;
    }
    rows = (n + cols - 1) / cols;
    for (r = 0; r < rows; r++) {
        for (c = 0; c < cols && c * rows + r < n; c++) {
            const char *name = e[c * rows + r].name;
            if (c + 1 < cols && (c + 1) * rows + r < n)
                printf("%-*s  ", width[c], name);
            else
                printf("%s", name);
        }
        printf("\n");
    }
}

static void print_group(struct entry *e, int n, int with_total)
{
    qsort(e, n, sizeof *e, by_name);
    if (long_format)
        print_long(e, n, with_total);
    else if (!one_per_line && isatty(1))
        print_columns(e, n);
    else {
        int i;
        for (i = 0; i < n; i++)
            printf("%s\n", e[i].name);
    }
}

/* Lists the contents of directory path. */
static void list_directory(const char *path)
{
    struct entry *e = NULL;
    int n = 0, cap = 0, fd, got;
    char buf[4096];
    fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        fprintf(stderr, "ls: cannot open directory '%s': %s\n", path, strerror(errno));
        status = 2;
        return;
    }
    while ((got = __syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        int off = 0;
        while (off < got) {
            char *name = buf + off + 19;
            char full[1024];
            off += *(unsigned short *)(buf + off + 16);
            if (name[0] == '.' && !show_all && (!almost_all || strcmp(name, ".") == 0 || strcmp(name, "..") == 0))
                continue;
            if (n == cap) {
                cap = cap == 0 ? 64 : cap * 2;
                e = realloc(e, cap * sizeof *e);
                if (e == NULL) {
                    fprintf(stderr, "ls: out of memory\n");
                    exit(2);
                }
            }
            e[n].name = strdup(name);
            snprintf(full, sizeof full, "%s/%s", path, name);
            if (stat(full, &e[n].st) < 0)
                memset(&e[n].st, 0, sizeof e[n].st);
            n++;
        }
    }
    close(fd);
    print_group(e, n, 1);
}

int main(int argc, char **argv)
{
    struct entry *files, *dirs;
    int nfiles = 0, ndirs = 0, i, c, k, noperands;
    now = time(NULL);
    while ((c = getopt(argc, argv, "laA1d")) != -1) {
        switch (c) {
        case 'l': long_format = 1; break;
        case 'a': show_all = 1; break;
        case 'A': almost_all = 1; break;
        case '1': one_per_line = 1; break;
        case 'd': directories_as_files = 1; break;
        default:
            fprintf(stderr, "Try 'ls --help' for more information.\n");
            return 2;
        }
    }
    i = optind;
    noperands = argc - i;
    if (noperands == 0) {
        argv[--i] = ".";
        noperands = 1;
    }
    files = malloc(noperands * sizeof *files);
    dirs = malloc(noperands * sizeof *dirs);
    for (k = i; k < argc; k++) {
        struct stat st;
        if (stat(argv[k], &st) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", argv[k], strerror(errno));
            status = 2;
            continue;
        }
        if (S_ISDIR(st.st_mode) && !directories_as_files) {
            dirs[ndirs].name = argv[k];
            dirs[ndirs++].st = st;
        } else {
            files[nfiles].name = argv[k];
            files[nfiles++].st = st;
        }
    }
    if (nfiles > 0)
        print_group(files, nfiles, 0);
    qsort(dirs, ndirs, sizeof *dirs, by_name);
    for (k = 0; k < ndirs; k++) {
        if (noperands > 1)
            printf("%s%s:\n", nfiles > 0 || k > 0 ? "\n" : "", dirs[k].name);
        list_directory(dirs[k].name);
    }
    return status;
}
