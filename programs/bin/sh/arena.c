/* arena.c: the memory of one command.  The parse tree, and the strings
 * expansion makes while the command runs, come from here; the main loop frees
 * them all at once when the command is done (a mark, then release to it, so a
 * command run by `.` inside another one frees only its own). */
#include <string.h>
#include "sh.h"

#define ARENA_SIZE (256 * 1024)

static char arena[ARENA_SIZE];
static int arena_used;

/* Where the arena is filled to; arena_release(mark) frees what came after. */
int arena_mark(void)
{
    return arena_used;
}

void arena_release(int mark)
{
    arena_used = mark;
}

void *arena_alloc(int size)
{
    void *p;
    size = (size + 7) & ~7;
    if (arena_used + size > ARENA_SIZE)
        return NULL;
    p = arena + arena_used;
    arena_used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(const char *s, int n)
{
    char *p = arena_alloc(n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
