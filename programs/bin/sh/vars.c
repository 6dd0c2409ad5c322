/* vars.c: shell variables.  Each has a value and an export flag; the ones
 * exported make up the environment of the commands the shell runs.  The
 * shell starts with its own environment, all exported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define MAX_VARS 512

struct var {
    char *name;
    char *value;
    int exported;
};

static struct var vars[MAX_VARS];
static int nvars;

char *sh_name = "sh";
char **sh_args;
int sh_nargs;
int last_status;
pid_t last_bg_pid;
pid_t shell_pid;

/* NAME is [A-Za-z_][A-Za-z0-9_]*; len -1 means up to the NUL. */
int valid_name(const char *s, int len)
{
    int i;
    if (len < 0)
        len = strlen(s);
    if (len == 0)
        return 0;
    for (i = 0; i < len; i++) {
        char c = s[i];
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return 0;
    }
    return 1;
}

static struct var *find(const char *name)
{
    int i;
    for (i = 0; i < nvars; i++)
        if (strcmp(vars[i].name, name) == 0)
            return &vars[i];
    return NULL;
}

char *var_get(const char *name)
{
    struct var *v = find(name);
    return v == NULL ? NULL : v->value;
}

/* Sets name to value (exporting it too when export_it).  0, or -1 when the
 * table is full. */
int var_set(const char *name, const char *value, int export_it)
{
    struct var *v = find(name);
    if (v == NULL) {
        if (nvars == MAX_VARS) {
            sh_error("%s: too many variables", name);
            return -1;
        }
        v = &vars[nvars++];
        v->name = strdup(name);
        v->value = NULL;
        v->exported = 0;
    }
    free(v->value);
    v->value = strdup(value);
    if (export_it)
        v->exported = 1;
    return 0;
}

int var_unset(const char *name)
{
    struct var *v = find(name);
    if (v == NULL)
        return 0;
    free(v->name);
    free(v->value);
    *v = vars[--nvars];
    return 0;
}

/* export NAME: marks it (an unset NAME is created empty, as export does when
 * it is later given a value; here it simply becomes an empty variable). */
int var_export(const char *name)
{
    struct var *v = find(name);
    if (v == NULL)
        return var_set(name, "", 1);
    v->exported = 1;
    return 0;
}

void vars_init(char **envp)
{
    int i;
    for (i = 0; envp != NULL && envp[i] != NULL; i++) {
        char *eq = strchr(envp[i], '=');
        char name[256];
        int len;
        if (eq == NULL)
            continue;
        len = eq - envp[i];
        if (len >= (int)sizeof name || !valid_name(envp[i], len))
            continue;
        memcpy(name, envp[i], len);
        name[len] = '\0';
        var_set(name, eq + 1, 1);
    }
}

/* The environment of a command: every exported variable, with the NAME=value
 * strings of extra (the command's own assignments) taking precedence.  A
 * malloc'ed NULL-terminated array; its strings are malloc'ed or from extra. */
char **vars_environ(char **extra, int nextra)
{
    char **env = malloc((nvars + nextra + 1) * sizeof(char *));
    int n = 0, i, j;
    if (env == NULL)
        return NULL;
    for (i = 0; i < nvars; i++) {
        int overridden = 0;
        char *entry;
        if (!vars[i].exported)
            continue;
        for (j = 0; j < nextra; j++) {
            int len = strlen(vars[i].name);
            if (strncmp(extra[j], vars[i].name, len) == 0 && extra[j][len] == '=')
                overridden = 1;
        }
        if (overridden)
            continue;
        entry = malloc(strlen(vars[i].name) + strlen(vars[i].value) + 2);
        if (entry == NULL)
            continue;
        sprintf(entry, "%s=%s", vars[i].name, vars[i].value);
        env[n++] = entry;
    }
    for (j = 0; j < nextra; j++)
        env[n++] = extra[j];
    env[n] = NULL;
    return env;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct var *)a)->name, ((const struct var *)b)->name);
}

/* export with no arguments: the exported variables, sorted, as bash prints them. */
void vars_print_exported(void)
{
    struct var sorted[MAX_VARS];
    int i;
    memcpy(sorted, vars, nvars * sizeof vars[0]);
    qsort(sorted, nvars, sizeof sorted[0], by_name);
    for (i = 0; i < nvars; i++)
        if (sorted[i].exported)
            printf("declare -x %s=\"%s\"\n", sorted[i].name, sorted[i].value);
}
