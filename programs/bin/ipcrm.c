/* ipcrm: remove System V IPC objects, as util-linux ipcrm does.
 *   -q ID / -Q KEY   a message queue, by id or by key
 *   -m ID / -M KEY   a shared memory segment (removed once detached)
 *   -s ID / -S KEY   a semaphore array
 *   -a               every object the caller may remove
 * The status is 1 when any of them could not be removed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

static int remove_id(char kind, int id)
{
    switch (kind) {
    case 'q':
        return msgctl(id, IPC_RMID, NULL);
    case 'm':
        return shmctl(id, IPC_RMID, NULL);
    default:
        return semctl(id, 0, IPC_RMID);
    }
}

/* The id of the object of kind with key, or -1 (errno set). */
static int id_of_key(char kind, key_t key)
{
    if (key == IPC_PRIVATE) {
        errno = EINVAL;
        return -1;
    }
    switch (kind) {
    case 'q':
        return msgget(key, 0);
    case 'm':
        return shmget(key, 0, 0);
    default:
        return semget(key, 0, 0);
    }
}

static int report(int by_key, const char *what)
{
    const char *why;
    switch (errno) {
    case EACCES:
    case EPERM:
        why = by_key ? "permission denied for key" : "permission denied for id";
        break;
    case EIDRM:
        why = by_key ? "already removed key" : "already removed id";
        break;
    default:
        why = by_key ? "invalid key" : "invalid id";
        break;
    }
    fprintf(stderr, "ipcrm: %s (%s)\n", why, what);
    return 1;
}

static int parse_number(const char *text, long *out)
{
    char *end;
    *out = strtol(text, &end, 0);
    return *text != '\0' && *end == '\0';
}

/* Removes every object of one kind (-a), walking its table as ipcs does. */
static int remove_all(char kind)
{
    int info[64];
    int last, i, status = 0;
    struct msqid_ds mds;
    struct shmid_ds sds;
    struct semid_ds ssd;
    if (kind == 'q')
        last = msgctl(0, MSG_INFO, (struct msqid_ds *)info);
    else if (kind == 'm')
        last = shmctl(0, SHM_INFO, (struct shmid_ds *)info);
    else
        last = semctl(0, 0, SEM_INFO, info);
    for (i = 0; i <= last; i++) {
        int id = kind == 'q' ? msgctl(i, MSG_STAT, &mds) : kind == 'm' ? shmctl(i, SHM_STAT, &sds) : semctl(i, 0, SEM_STAT, &ssd);
        char text[16];
        if (id < 0)
            continue;
        if (remove_id(kind, id) < 0) {
            sprintf(text, "%d", id);
            status |= report(0, text);
        }
    }
    return status;
}

static int usage(void)
{
    fprintf(stderr, "Usage:\n ipcrm [options]\n ipcrm shm|msg|sem <id>...\n");
    return 1;
}

int main(int argc, char **argv)
{
    int i, status = 0;
    if (argc < 2)
        return usage();
    for (i = 1; i < argc; i++) {
        const char *opt = argv[i];
        char kind;
        long value;
        int by_key, id;
        if (strcmp(opt, "-a") == 0 || strcmp(opt, "--all") == 0) {
            status |= remove_all('q') | remove_all('m') | remove_all('s');
            continue;
        }
        if (opt[0] != '-' || strlen(opt) != 2 || strchr("qQmMsS", opt[1]) == NULL || i + 1 >= argc)
            return usage();
        by_key = opt[1] == 'Q' || opt[1] == 'M' || opt[1] == 'S';
        kind = opt[1] | 0x20;
        if (!parse_number(argv[++i], &value)) {
            fprintf(stderr, "ipcrm: failed to parse argument: '%s'\n", argv[i]);
            status = 1;
            continue;
        }
        id = by_key ? id_of_key(kind, (key_t)value) : (int)value;
        if (id < 0 || remove_id(kind, id) < 0)
            status |= report(by_key, argv[i]);
    }
    return status;
}
