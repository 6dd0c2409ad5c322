/* stdio_impl.h: the FILE structure, private to the library.  A stream owns
 * one buffer used either for reading (bytes rpos..rend not yet consumed) or
 * for writing (wpos bytes not yet written), never both at once.  Its
 * buffering mode is decided at first use (STDIO_UNDECIDED until then). */
#ifndef _LIBC_STDIO_IMPL_H
#define _LIBC_STDIO_IMPL_H

#include <stdio.h>

#define STDIO_BUFSIZE 4096 /* glibc's size for files and pipes */
#define STDIO_TTY_BUFSIZE 1024 /* and for terminals */
#define STDIO_UNDECIDED (-1)

#define F_READ 0x01 /* opened for reading */
#define F_WRITE 0x02 /* opened for writing */
#define F_EOF 0x04
#define F_ERR 0x08
#define F_OWN_BUF 0x10 /* buf was malloc'd by the library */
#define F_HEAP 0x20 /* the FILE itself was malloc'd */
#define F_UNBUFFERED 0x40 /* unbuffered by default (stderr) */

struct __stdio_file {
    int fd;
    int flags;
    int mode; /* _IOFBF, _IOLBF, _IONBF or STDIO_UNDECIDED */
    unsigned char *buf;
    int size;
    int rpos;
    int rend;
    int wpos;
    int ungot; /* a byte pushed back by ungetc, or EOF */
    unsigned char onebyte; /* the buffer of an unbuffered stream */
    struct __stdio_file *next; /* every open stream, for fflush(NULL) and exit */
};

/* Sets up f as a fresh stream on fd (not linked into the open list). */
void __stdio_init(FILE *f, int fd, int flags);
/* Decides the buffering mode and buffer at first use; 0, or EOF. */
int __stdio_setup(FILE *f);
/* Writes out pending output; 0, or EOF with F_ERR set. */
int __stdio_flush(FILE *f);
/* Drops unread input, moving the file offset back over it when it can. */
void __stdio_drop_input(FILE *f);
/* Appends n bytes to the stream with its buffering rules; 0, or EOF. */
int __stdio_put(FILE *f, const char *s, int n);
/* Reads the next byte, refilling the buffer as needed; EOF at end or error. */
int __stdio_getc(FILE *f);
/* The flags open(2) needs for an fopen mode string, or -1 (EINVAL). */
int __stdio_mode_flags(const char *mode, int *stream_flags);

#endif
