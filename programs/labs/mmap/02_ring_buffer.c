/* labs/mmap/02_ring_buffer -- a byte ring buffer in a shared mapping.
 *
 * A producer passes variable-length text records to a consumer through 64
 * bytes of MAP_SHARED memory used as a circle: a record is a length byte
 * followed by the text, and may wrap from the end of the array to its start.
 * Two counting semaphores hold the invariants, counted in BYTES:
 *     SPACE  free bytes (starts at 64)     FILLED  bytes written (starts at 0)
 * The producer takes 1+len bytes of SPACE in one semop (sem_op = -(1+len)),
 * so it sleeps until the whole record fits; the consumer takes 1 byte of
 * FILLED to learn the length, then `len` more.  With one producer and one
 * consumer no mutex is needed: `head` is only written by the producer and
 * `tail` only by the consumer.  Records longer than the ring would deadlock,
 * so the producer refuses them.  The consumer prints what it gets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define RING 64
#define SPACE 0
#define FILLED 1

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

struct ring {
    unsigned char data[RING];
    int head;                           /* next byte the producer writes */
    int tail;                           /* next byte the consumer reads */
};

static int sem;
static struct ring *r;

static void change(int which, int delta)
{
    struct sembuf op;
    op.sem_num = (unsigned short)which;
    op.sem_op = (short)delta;
    op.sem_flg = 0;
    semop(sem, &op, 1);
}

static void put_byte(int c)
{
    r->data[r->head] = (unsigned char)c;
    r->head = (r->head + 1) % RING;
}

static int get_byte(void)
{
    int c = r->data[r->tail];
    r->tail = (r->tail + 1) % RING;
    return c;
}

static void send_record(const char *text)
{
    int i, len = (int)strlen(text);
    if (1 + len > RING) {
        fprintf(stderr, "producer: record of %d bytes cannot fit in the ring\n", len);
        return;
    }
    change(SPACE, -(1 + len));          /* room for the whole record, at once */
    put_byte(len);
    for (i = 0; i < len; i++)
        put_byte(text[i]);
    change(FILLED, 1 + len);
}

static void producer(void)
{
    static const char *records[] = {
        "a ring buffer",
        "wraps around its end",
        "so this record starts near the end and continues at the start",
        "short",
        "the producer sleeps while the consumer has not made room yet",
        "",
        "end",
    };
    int i;
    for (i = 0; i < 7; i++)
        send_record(records[i]);
    exit(0);
}

int main(void)
{
    unsigned short start[2];
    union semun arg;
    char text[RING];
    int len, i, start_at, wraps = 0, records = 0;
    pid_t pid;

    r = (struct ring *)mmap(NULL, sizeof(struct ring), PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    start[SPACE] = RING;
    start[FILLED] = 0;
    arg.array = start;
    semctl(sem, 0, SETALL, arg);

    fflush(stdout);
    pid = fork();
    if (pid == 0)
        producer();
    for (;;) {
        change(FILLED, -1);
        start_at = r->tail;
        len = get_byte();
        if (len > 0)
            change(FILLED, -len);       /* sem_op 0 would mean "wait for zero"! */
        if (start_at + 1 + len > RING)
            wraps++;
        for (i = 0; i < len; i++)
            text[i] = (char)get_byte();
        text[len] = '\0';
        change(SPACE, 1 + len);
        records++;
        printf("consumer: %2d bytes \"%s\"\n", len, text);
        if (strcmp(text, "end") == 0)
            break;
    }
    waitpid(pid, NULL, 0);
    printf("%d records, %d of them wrapped around the end of the ring\n", records, wraps);
    semctl(sem, 0, IPC_RMID);
    munmap(r, sizeof(struct ring));
    return 0;
}
