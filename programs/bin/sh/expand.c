/* expand.c: from words as written to the fields a command gets.
 *
 * In order, as POSIX has it: a leading ~ becomes $HOME; parameters ($NAME,
 * ${NAME}, ${NAME:-word}, ${NAME-word}, ${#NAME}, $? $$ $! $# $0..$9 $@ $*)
 * are substituted; the results of unquoted substitutions are split at blanks;
 * unquoted * ? [...] are matched against file names (glob.c); quotes and
 * backslashes are removed.  '...' keeps everything literal, "..." keeps
 * blanks and glob characters but substitutes parameters ("$@" gives one field
 * per positional parameter).  Fields are allocated in the arena. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"
#include "field.h"

#define MODE_FIELDS 0 /* split and glob: the words of a command */
#define MODE_SINGLE 1 /* one string: assignments, redirection targets */

static void field_reset(struct field *f)
{
    f->len = 0;
    f->started = 0;
    f->has_glob = 0;
    f->drop_if_empty = 0;
}

static void field_add(struct field *f, char c, int active)
{
    if (f->len >= FIELD_MAX - 1) {
        f->overflow = 1;
        return;
    }
    f->buf[f->len] = c;
    f->active[f->len] = active;
    f->len++;
    if (active)
        f->has_glob = 1;
}

static int is_glob_char(char c)
{
    return c == '*' || c == '?' || c == '[';
}

static int is_ifs(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Ends the field being built: appends it (or the file names it matches) to
 * out.  0, or -1 when out is full. */
static int field_emit(struct field *f, struct fields *out, int mode)
{
    char *s;
    if (!f->started && f->len == 0)
        return 0;
    if (f->drop_if_empty && f->len == 0) {
        field_reset(f);
        return 0;
    }
    if (mode == MODE_FIELDS && f->has_glob && glob_field(f, out) > 0) {
        field_reset(f);
        return out->count > out->max ? -1 : 0;
    }
    if (out->count >= out->max)
        return -1;
    s = arena_strndup(f->buf, f->len);
    if (s == NULL)
        return -1;
    out->items[out->count++] = s;
    field_reset(f);
    return 0;
}

/* Adds the value of a substitution: quoted, as it is; unquoted (and splitting),
 * split at blanks with its glob characters active. */
static int add_value(struct field *f, const char *value, int quoted, struct fields *out, int mode)
{
    if (quoted || mode == MODE_SINGLE) {
        for (; *value; value++)
            field_add(f, *value, 0);
        return 0;
    }
    for (; *value; value++) {
        if (is_ifs(*value)) {
            if ((f->started || f->len > 0) && field_emit(f, out, mode) < 0)
                return -1;
        } else {
            field_add(f, *value, is_glob_char(*value));
            f->started = 1;
        }
    }
    return 0;
}

/* The value of a one-character special parameter, or NULL when c is not one. */
static const char *special_value(char c, char *buf)
{
    switch (c) {
    case '?':
        sprintf(buf, "%d", last_status);
        return buf;
    case '$':
        sprintf(buf, "%d", (int)shell_pid);
        return buf;
    case '!':
        if (last_bg_pid == 0)
            return "";
        sprintf(buf, "%d", (int)last_bg_pid);
        return buf;
    case '#':
        sprintf(buf, "%d", sh_nargs);
        return buf;
    case '0':
        return sh_name;
    default:
        if (c >= '1' && c <= '9')
            return c - '0' <= sh_nargs ? sh_args[c - '1'] : "";
        return NULL;
    }
}

/* The value of parameter name (len bytes), "" when unset; *set tells whether it is. */
static const char *param_value(const char *name, int len, char *buf, int *set)
{
    char key[256];
    const char *v;
    *set = 1;
    if (len == 1 && special_value(name[0], buf) != NULL)
        return special_value(name[0], buf);
    if (len > 1 && name[0] >= '0' && name[0] <= '9') {
        int n = atoi(name);
        *set = n <= sh_nargs;
        return *set ? sh_args[n - 1] : "";
    }
    if (len >= (int)sizeof key) {
        *set = 0;
        return "";
    }
    memcpy(key, name, len);
    key[len] = '\0';
    v = var_get(key);
    *set = v != NULL;
    return v == NULL ? "" : v;
}

/* $@ and $*: the positional parameters, one field each where that applies. */
static int add_positional(struct field *f, char which, int quoted, struct fields *out, int mode)
{
    int i;
    if (quoted && which == '@' && mode == MODE_FIELDS) {
        if (sh_nargs == 0)
            f->drop_if_empty = 1;
        for (i = 0; i < sh_nargs; i++) {
            if (i > 0) {
                if (field_emit(f, out, mode) < 0)
                    return -1;
                f->started = 1;
            }
            add_value(f, sh_args[i], 1, out, mode);
        }
        return 0;
    }
    for (i = 0; i < sh_nargs; i++) {
        if (i > 0 && add_value(f, " ", quoted, out, mode) < 0)
            return -1;
        if (add_value(f, sh_args[i], quoted, out, mode) < 0)
            return -1;
    }
    return 0;
}

/* ${...} starting at p (on the '$'); returns where the text goes on, or NULL
 * after a "bad substitution" error. */
static const char *expand_braced(const char *p, struct field *f, int quoted, struct fields *out, int mode)
{
    const char *name = p + 2, *end = name, *close = strchr(p, '}');
    char buf[32];
    int set, length_of = 0;
    const char *value;
    if (*name == '#' && name + 1 < close) {
        length_of = 1;
        name++;
        end = name;
    }
    if (end < close && strchr("?$!#@*", *end) != NULL)
        end++;
    else
        while (end < close && ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') || (*end >= '0' && *end <= '9') || *end == '_'))
            end++;
    if (end == name || (end != close && !(end[0] == '-' || (end[0] == ':' && end[1] == '-')))) {
        sh_error("%.*s: bad substitution", (int)(close - p + 1), p);
        return NULL;
    }
    if (end - name == 1 && (*name == '@' || *name == '*') && !length_of) {
        if (add_positional(f, *name, quoted, out, mode) < 0)
            return NULL;
        return close + 1;
    }
    value = param_value(name, end - name, buf, &set);
    if (length_of) {
        sprintf(buf, "%d", (int)strlen(value));
        value = buf;
    } else if (end != close) {
        int colon = end[0] == ':';
        const char *word = end + (colon ? 2 : 1);
        if (!set || (colon && *value == '\0')) {
            char *alt = arena_strndup(word, close - word);
            value = alt == NULL ? "" : expand_one(alt);
            if (value == NULL)
                return NULL;
        }
    }
    if (add_value(f, value, quoted, out, mode) < 0)
        return NULL;
    return close + 1;
}

/* A substitution at p (on the '$'); returns where the text goes on. */
static const char *expand_dollar(const char *p, struct field *f, int quoted, struct fields *out, int mode)
{
    char buf[32];
    const char *name = p + 1, *end = name;
    int set;
    if (*name == '{')
        return expand_braced(p, f, quoted, out, mode);
    if (*name == '@' || *name == '*') {
        if (add_positional(f, *name, quoted, out, mode) < 0)
            return NULL;
        return name + 1;
    }
    if (*name != '\0' && special_value(*name, buf) != NULL) {
        if (add_value(f, special_value(*name, buf), quoted, out, mode) < 0)
            return NULL;
        return name + 1;
    }
    while ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') || *end == '_' || (end > name && *end >= '0' && *end <= '9'))
        end++;
    if (end == name) {
        field_add(f, '$', 0);
        return name;
    }
    if (add_value(f, param_value(name, end - name, buf, &set), quoted, out, mode) < 0)
        return NULL;
    return end;
}

/* Expands one word into out.  0, or -1 (an error was reported). */
static int expand_word(const char *w, struct fields *out, int mode)
{
    struct field f;
    const char *p = w;
    int dq = 0;
    f.overflow = 0;
    field_reset(&f);
    if (*p == '~' && (p[1] == '/' || p[1] == '\0') && mode == MODE_FIELDS) {
        const char *home = var_get("HOME");
        add_value(&f, home == NULL ? "~" : home, 1, out, mode);
        f.started = 1;
        p++;
    }
    while (*p) {
        char c = *p;
        if (c == '\'' && !dq) {
            f.started = 1;
            for (p++; *p && *p != '\''; p++)
                field_add(&f, *p, 0);
            if (*p)
                p++;
        } else if (c == '"') {
            f.started = 1;
            dq = !dq;
            p++;
        } else if (c == '\\') {
            if (p[1] == '\n') {
                p += 2;
            } else if (dq && strchr("$`\"\\", p[1]) == NULL) {
                field_add(&f, '\\', 0);
                p++;
            } else if (p[1] != '\0') {
                field_add(&f, p[1], 0);
                f.started = 1;
                p += 2;
            } else {
                p++;
            }
        } else if (c == '$') {
            p = expand_dollar(p, &f, dq, out, mode);
            if (p == NULL)
                return -1;
        } else {
            field_add(&f, c, !dq && mode == MODE_FIELDS && is_glob_char(c));
            f.started = 1;
            p++;
        }
    }
    if (f.overflow) {
        sh_error("word too long");
        return -1;
    }
    if (field_emit(&f, out, mode) < 0) {
        sh_error("too many words");
        return -1;
    }
    return 0;
}

/* The fields of words[0..nwords), at most max, stored in out.  Their count,
 * or -1 after an error. */
int expand_words(char **words, int nwords, char **out, int max)
{
    struct fields fields;
    int i;
    fields.items = out;
    fields.count = 0;
    fields.max = max;
    for (i = 0; i < nwords; i++)
        if (expand_word(words[i], &fields, MODE_FIELDS) < 0)
            return -1;
    return fields.count;
}

/* A word expanded to one string, with no splitting or globbing (assignments,
 * redirection targets); NULL after an error. */
char *expand_one(const char *word)
{
    char *item[1];
    struct fields fields;
    fields.items = item;
    fields.count = 0;
    fields.max = 1;
    if (expand_word(word, &fields, MODE_SINGLE) < 0)
        return NULL;
    return fields.count == 0 ? arena_strndup("", 0) : item[0];
}

/* NAME=... with an unquoted valid NAME. */
int is_assignment(const char *word)
{
    const char *eq = strchr(word, '=');
    return eq != NULL && eq > word && valid_name(word, eq - word);
}

/* The value of an assignment word, expanded. */
char *expand_assignment_value(const char *word)
{
    return expand_one(strchr(word, '=') + 1);
}
