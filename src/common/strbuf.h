/*
 * strbuf — a growable, always NUL-terminated byte string.
 */
#ifndef JH_STRBUF_H
#define JH_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *s;      /* NUL-terminated; NULL until the first append */
    size_t len, cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void sb_add(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap);
/* The contents ("" if empty); valid until the next change. */
const char *sb_str(const strbuf *b);
/* Hand over the string (never NULL) and reset b. */
char *sb_take(strbuf *b);
void sb_reset(strbuf *b);   /* length 0, keep memory */
void sb_free(strbuf *b);

#endif
