/* getenv.c: the environment (environ, set up by crt0.c).  setenv and putenv
 * copy the array into the heap the first time they change it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

static char **owned_environ;

static int name_matches(const char *entry, const char *name, size_t len)
{
    return strncmp(entry, name, len) == 0 && entry[len] == '=';
}

static int find(const char *name, size_t len)
{
    int i;
    if (environ == NULL)
        return -1;
    for (i = 0; environ[i] != NULL; i++)
        if (name_matches(environ[i], name, len))
            return i;
    return -1;
}

char *getenv(const char *name)
{
    size_t len = strlen(name);
    int i = find(name, len);
    return i < 0 ? NULL : environ[i] + len + 1;
}

/* Appends entry to environ, copying the array into the heap if needed. */
static int append(char *entry)
{
    int count = 0, i;
    char **grown;
    while (environ != NULL && environ[count] != NULL)
        count++;
    grown = malloc((count + 2) * sizeof(char *));
    if (grown == NULL)
        return -1;
    for (i = 0; i < count; i++)
        grown[i] = environ[i];
    grown[count] = entry;
    grown[count + 1] = NULL;
    if (owned_environ != NULL)
        free(owned_environ);
    owned_environ = grown;
    environ = grown;
    return 0;
}

int putenv(char *string)
{
    char *eq = strchr(string, '=');
    int i;
    if (eq == NULL)
        return unsetenv(string);
    i = find(string, eq - string);
    if (i >= 0) {
        environ[i] = string;
        return 0;
    }
    return append(string);
}

int setenv(const char *name, const char *value, int overwrite)
{
    size_t len;
    char *entry;
    int i;
    if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
        errno = EINVAL;
        return -1;
    }
    len = strlen(name);
    i = find(name, len);
    if (i >= 0 && !overwrite)
        return 0;
    entry = malloc(len + strlen(value) + 2);
    if (entry == NULL)
        return -1;
    strcpy(entry, name);
    entry[len] = '=';
    strcpy(entry + len + 1, value);
    if (i >= 0) {
        environ[i] = entry;
        return 0;
    }
    return append(entry);
}

int unsetenv(const char *name)
{
    size_t len;
    int i, j;
    if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
        errno = EINVAL;
        return -1;
    }
    len = strlen(name);
    while ((i = find(name, len)) >= 0)
        for (j = i; environ[j] != NULL; j++)
            environ[j] = environ[j + 1];
    return 0;
}
