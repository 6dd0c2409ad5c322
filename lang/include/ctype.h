/* ctype.h: character classes of the C locale.  A true result is glibc's
 * class bit (isdigit gives 2048, isalpha 1024, ...), so printing one shows
 * what it shows on Linux.  Arguments are EOF or an unsigned char value;
 * negative chars other than EOF classify as nothing. */
#ifndef _CTYPE_H
#define _CTYPE_H

int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int isascii(int c);
int toascii(int c);
int tolower(int c);
int toupper(int c);

#endif
