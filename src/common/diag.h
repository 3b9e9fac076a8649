/*
 * diag — a list of diagnostics (errors and warnings) with their place.
 *
 * Every stage reports problems here instead of printing them, so a command can
 * collect all problems of a run, print them in order and decide the exit code.
 * A place is a file and optionally a line and a column (0 = not known).  The
 * message says what is wrong; the optional hint says how to fix it.
 *
 * Printed form:  FILE:LINE:COL: message        (error)
 *                FILE:LINE: warning: message    (warning)
 *                  hint: ...
 */
#ifndef JH_DIAG_H
#define JH_DIAG_H

#include <stdarg.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_level;

typedef struct diag {
    diag_level level;
    char *file;     /* owned; may be NULL */
    int line, col;  /* 1-based; 0 = unknown */
    char *msg;      /* owned */
    char *hint;     /* owned; may be NULL */
} diag;

typedef struct diag_list {
    diag *items;
    int n, cap;
    int errors, warnings;
    int max_errors;  /* errors beyond this are counted but not stored; 0 = 100 */
    int dropped;     /* how many were not stored */
    int last;        /* index of the latest diagnostic added, -1 if it was dropped */
} diag_list;

void diag_init(diag_list *dl);
void diag_free(diag_list *dl);

/* Add one diagnostic.  fmt is printf-style.  Returns the new entry or NULL if dropped. */
diag *diag_add(diag_list *dl, diag_level lv, const char *file, int line, int col,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));
diag *diag_addv(diag_list *dl, diag_level lv, const char *file, int line, int col,
                const char *fmt, va_list ap);
/* Attach a hint (printf-style) to d; d may be NULL (then nothing happens). */
void diag_hint(diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define diag_error(dl, file, line, col, ...)   diag_add(dl, DIAG_ERROR, file, line, col, __VA_ARGS__)
#define diag_warning(dl, file, line, col, ...) diag_add(dl, DIAG_WARNING, file, line, col, __VA_ARGS__)

/* The diagnostic added last (to give a callee's error a caller's hint), or
 * NULL if it was dropped. */
diag *diag_last(diag_list *dl);

/* Print every diagnostic to f, then a line for dropped ones. */
void diag_print(const diag_list *dl, FILE *f);
/* Move all of src's entries to the end of dst. */
void diag_move(diag_list *dst, diag_list *src);

#endif
