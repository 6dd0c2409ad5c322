/* malloc.c: the heap, on sbrk.  Blocks carry an 8-byte header (their size
 * with an in-use bit, and the size of the block before them) so a freed
 * block merges with free neighbours on both sides.  Free blocks form one
 * doubly linked list searched first-fit; a found block is split when the
 * rest can stand alone.  Every stretch of heap ends in a fence header that is
 * always in use, so merging never runs off the end, and a stretch that sbrk
 * extends in place absorbs its old fence.  Payloads are 8-byte aligned.
 *
 * A double free or a pointer malloc never returned aborts, as glibc does. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

#define HEADER 8
#define ALIGNMENT 8
#define MIN_BLOCK 16
#define IN_USE 1U
#define GROW_PAD 0x20000U
#define PAGE 0x1000U
#define LARGEST_REQUEST 0x7ff00000U

struct block {
    unsigned int size; /* whole block, header included, | IN_USE */
    unsigned int prev_size; /* size of the block just below, 0 if none */
    struct block *next_free; /* only while free */
    struct block *prev_free;
};

static struct block *free_list;
static char *heap_end; /* just past the current stretch's fence */
static char *heap_start;

#define SIZE_OF(b) ((b)->size & ~IN_USE)
#define NEXT_BLOCK(b) ((struct block *)((char *)(b) + SIZE_OF(b)))
#define PREV_BLOCK(b) ((struct block *)((char *)(b) - (b)->prev_size))
#define PAYLOAD(b) ((void *)((char *)(b) + HEADER))
#define BLOCK_OF(p) ((struct block *)((char *)(p) - HEADER))

static void list_remove(struct block *b)
{
    if (b->prev_free != NULL)
        b->prev_free->next_free = b->next_free;
    else
        free_list = b->next_free;
    if (b->next_free != NULL)
        b->next_free->prev_free = b->prev_free;
}

static void list_push(struct block *b)
{
    b->prev_free = NULL;
    b->next_free = free_list;
    if (free_list != NULL)
        free_list->prev_free = b;
    free_list = b;
}

static void set_size(struct block *b, unsigned int size, unsigned int in_use)
{
    b->size = size | in_use;
    NEXT_BLOCK(b)->prev_size = size;
}

/* Marks b free, merges it with free neighbours and lists the result. */
static void release(struct block *b)
{
    struct block *next = NEXT_BLOCK(b);
    unsigned int size = SIZE_OF(b);
    if (!(next->size & IN_USE)) {
        list_remove(next);
        size += SIZE_OF(next);
    }
    if (b->prev_size != 0 && !(PREV_BLOCK(b)->size & IN_USE)) {
        b = PREV_BLOCK(b);
        list_remove(b);
        size += SIZE_OF(b);
    }
    set_size(b, size, 0);
    list_push(b);
}

/* Cuts b (in use) down to size bytes when the rest makes a block. */
static void trim(struct block *b, unsigned int size)
{
    unsigned int rest = SIZE_OF(b) - size;
    struct block *tail;
    if (rest < MIN_BLOCK)
        return;
    set_size(b, size, IN_USE);
    tail = NEXT_BLOCK(b);
    set_size(tail, rest, IN_USE);
    release(tail);
}

/* Adds at least need bytes of free heap; returns 0 or -1 (ENOMEM). */
static int grow(unsigned int need)
{
    unsigned int amount = (need + HEADER + GROW_PAD + PAGE - 1) & ~(PAGE - 1);
    char *p = sbrk(0);
    unsigned int pad = (ALIGNMENT - (unsigned int)p % ALIGNMENT) % ALIGNMENT;
    struct block *b;

    if (p != heap_end && pad != 0 && sbrk(pad) == (void *)-1)
        return -1;
    p = sbrk(amount);
    if (p == (char *)-1)
        return -1;
    if (p == heap_end) {
        /* extended in place: the old fence becomes the new block's header */
        b = (struct block *)(p - HEADER);
    } else {
        /* a new stretch: its first block has nothing below it */
        b = (struct block *)p;
        b->prev_size = 0;
        amount -= HEADER;
        if (heap_start == NULL)
            heap_start = p;
    }
    heap_end = (char *)b + amount + HEADER;
    set_size(b, amount, IN_USE);
    NEXT_BLOCK(b)->size = IN_USE;
    release(b);
    return 0;
}

static unsigned int block_size_for(size_t n)
{
    unsigned int size = ((unsigned int)n + HEADER + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    return size < MIN_BLOCK ? MIN_BLOCK : size;
}

void *malloc(size_t n)
{
    unsigned int size;
    struct block *b;

    if (n > LARGEST_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    size = block_size_for(n);
    for (;;) {
        for (b = free_list; b != NULL; b = b->next_free) {
            if (SIZE_OF(b) >= size) {
                list_remove(b);
                set_size(b, SIZE_OF(b), IN_USE);
                trim(b, size);
                return PAYLOAD(b);
            }
        }
        if (grow(size) < 0) {
            errno = ENOMEM;
            return NULL;
        }
    }
}

static void corrupt(const char *message)
{
    write(2, message, strlen(message));
    abort();
}

static struct block *checked_block(void *p, const char *who)
{
    struct block *b = BLOCK_OF(p);
    if ((unsigned int)p % ALIGNMENT != 0 || heap_start == NULL || (char *)b < heap_start ||
        (char *)p >= heap_end) {
        corrupt(who);
    }
    return b;
}

void free(void *p)
{
    struct block *b;
    if (p == NULL)
        return;
    b = checked_block(p, "free(): invalid pointer\n");
    if (!(b->size & IN_USE))
        corrupt("free(): double free detected in tcache 2\n");
    b->size = SIZE_OF(b);
    release(b);
}

void *calloc(size_t nmemb, size_t size)
{
    void *p;
    if (size != 0 && nmemb > 0xffffffffU / size) {
        errno = ENOMEM;
        return NULL;
    }
    p = malloc(nmemb * size);
    if (p != NULL)
        memset(p, 0, nmemb * size);
    return p;
}

void *realloc(void *p, size_t n)
{
    struct block *b, *next;
    unsigned int size;
    void *moved;

    if (p == NULL)
        return malloc(n);
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (n > LARGEST_REQUEST) {
        errno = ENOMEM;
        return NULL;
    }
    b = checked_block(p, "realloc(): invalid pointer\n");
    size = block_size_for(n);
    next = NEXT_BLOCK(b);
    if (SIZE_OF(b) < size && !(next->size & IN_USE) && SIZE_OF(b) + SIZE_OF(next) >= size) {
        list_remove(next);
        set_size(b, SIZE_OF(b) + SIZE_OF(next), IN_USE);
    }
    if (SIZE_OF(b) >= size) {
        trim(b, size);
        return p;
    }
    moved = malloc(n);
    if (moved == NULL)
        return NULL;
    memcpy(moved, p, SIZE_OF(b) - HEADER);
    free(p);
    return moved;
}
