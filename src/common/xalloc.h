/*
 * xalloc — allocation that never returns NULL.
 *
 * junheng's inputs are small next to memory; running out is not a state we can
 * report usefully from deep inside a parser, so we print and exit(70).
 */
#ifndef JH_XALLOC_H
#define JH_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grow *items (of *cap elements of size sz) so that it holds at least need. */
void xgrow(void **items, int *cap, int need, size_t sz);
#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
