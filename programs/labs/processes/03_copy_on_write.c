/* labs/processes/03_copy_on_write -- after fork, parent and child have
 * separate memories.
 *
 * The child changes a global, a static local, a heap block and a stack
 * array, and prints what it sees; the parent waits for it and prints its own
 * copies, untouched.  The kernel does not copy anything at fork: both
 * processes map the same physical pages read-only, and the first write to a
 * page by either process faults and gives the writer a private copy
 * (copy-on-write).  Pages nobody writes are shared for ever.  Run with
 * --stats to see the child's page faults. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

int global_counter = 100;

static int *next_ticket(void)
{
    static int ticket = 1;
    return &ticket;
}

static void show(const char *who, int *heap, char *stack)
{
    printf("%s: global=%d static=%d heap=[%d %d %d] stack=\"%s\"\n", who,
           global_counter, *next_ticket(), heap[0], heap[1], heap[2], stack);
}

int main(void)
{
    char stack[16];
    int *heap = malloc(3 * sizeof(int));
    pid_t pid;

    heap[0] = 1;
    heap[1] = 2;
    heap[2] = 3;
    strcpy(stack, "parent");
    show("before fork", heap, stack);
    fflush(stdout);

    pid = fork();
    if (pid == 0) {
        global_counter += 1;
        *next_ticket() = 42;
        heap[0] = heap[1] = heap[2] = -7;
        strcpy(stack, "child");
        show("child      ", heap, stack);
        exit(0);
    }
    waitpid(pid, NULL, 0);
    show("parent     ", heap, stack);
    free(heap);
    return 0;
}
