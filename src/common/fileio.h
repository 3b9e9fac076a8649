/*
 * fileio — read a whole input file into memory.
 */
#ifndef JH_FILEIO_H
#define JH_FILEIO_H

#include <stddef.h>
#include "common/diag.h"

/* Read path into a NUL-terminated buffer (owned by the caller; *len bytes,
 * not counting the NUL).  `what` names the file in messages ("the school
 * data").  NULL with a diagnostic naming the path, the reason and a hint. */
char *file_read(const char *path, const char *what, size_t *len, diag_list *dl);

#endif
