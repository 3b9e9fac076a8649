/*
 * fileio — open and read input files, refusing what is not a regular file
 * and what is larger than the cap for its kind.
 *
 * Every reader of user-named input (INI, school data, templates, Markdown,
 * fonts) goes through file_open_input(), so a FIFO (which would block
 * forever), a device (/dev/zero would grow without end), a folder or an
 * oversized file is refused at once with a message naming the path.
 */
#ifndef JH_FILEIO_H
#define JH_FILEIO_H

#include <stddef.h>
#include "common/diag.h"

/* Size caps per kind of input, in bytes.  Why these numbers: see fileio.c. */
#define FILE_CAP_DATA ((size_t)200 << 20)   /* school data (CSV) */
#define FILE_CAP_INI  ((size_t)1 << 20)     /* the INI configuration */
#define FILE_CAP_TEXT ((size_t)16 << 20)    /* templates and Markdown documents */
#define FILE_CAP_FONT ((size_t)256 << 20)   /* TrueType fonts and collections */

/* Open path read-only iff it is a regular file of at most cap bytes; never
 * blocks (a FIFO is refused, not opened for reading).  The descriptor
 * (close-on-exec, blocking) or -1 with a diagnostic naming `what` ("the school
 * data"), the path, the reason (strerror text) and a hint.  *size (may be
 * NULL) gets the file's size. */
int file_open_input(const char *path, const char *what, size_t cap, size_t *size, diag_list *dl);

/* Read path into a NUL-terminated buffer (owned by the caller; *len bytes,
 * not counting the NUL), through file_open_input().  A file that grows past
 * cap while read is refused too.  NULL with a diagnostic. */
char *file_read(const char *path, const char *what, size_t cap, size_t *len, diag_list *dl);

#endif
