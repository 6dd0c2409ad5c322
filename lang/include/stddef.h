/* stddef.h: NULL, size_t, ptrdiff_t, wchar_t and offsetof for the ILP32 guest. */
#ifndef _STDDEF_H
#define _STDDEF_H

#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef __size_t_defined
#define __size_t_defined
typedef unsigned int size_t;
#endif

#ifndef __ptrdiff_t_defined
#define __ptrdiff_t_defined
typedef int ptrdiff_t;
#endif

#ifndef __wchar_t_defined
#define __wchar_t_defined
typedef int wchar_t;
#endif

#define offsetof(type, member) ((size_t)&((type *)0)->member)

#endif
