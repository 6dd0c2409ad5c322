/* stdarg.h: variadic arguments as plain pointer arithmetic.  The guest calling
 * convention (src/isa/abi.ts) pushes arguments right to left in 4-byte slots,
 * so the variadic arguments sit just above the last named one and a va_list is
 * a char pointer walking upward through them. */
#ifndef _STDARG_H
#define _STDARG_H

typedef char *va_list;
typedef char *__gnuc_va_list;

#define __va_slot(type) ((sizeof(type) + 3) & ~3)
#define va_start(ap, last) ((ap) = (char *)&(last) + __va_slot(last))
#define va_arg(ap, type) (*(type *)(((ap) += __va_slot(type)) - __va_slot(type)))
#define va_end(ap) ((void)0)
#define va_copy(dest, src) ((dest) = (src))
#define __va_copy(dest, src) ((dest) = (src))

#endif
