/* assert.h: glibc's assert.  Deliberately without an include guard: the C
 * standard re-evaluates NDEBUG each time the header is included.  A failure
 * prints "prog: file:line: func: Assertion `expr' failed." on stderr and
 * aborts. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H_DECLS
#define _ASSERT_H_DECLS
void __assert_fail(const char *assertion, const char *file, unsigned int line, const char *function);
#endif
