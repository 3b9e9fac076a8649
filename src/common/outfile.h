/*
 * outfile — write an output file atomically.
 *
 * The data goes to a temporary file beside the target (same folder, so the
 * final rename(2) is atomic); only outfile_commit() puts it in place.  A failed
 * or interrupted run therefore never leaves a half-written PDF behind: pending
 * temporary files are removed by outfile_abort(), and on SIGINT/SIGTERM by the
 * handler that outfile_install_signal_cleanup() installs.
 */
#ifndef JH_OUTFILE_H
#define JH_OUTFILE_H

#include <stdio.h>
#include "common/diag.h"

typedef struct outfile {
    char *path;   /* final path (owned) */
    char *tmp;    /* temporary path (owned); write here, or through f */
    FILE *f;      /* open for writing on tmp */
} outfile;

/* Create missing parent folders and the temporary file.  0 on success; on
 * failure a diagnostic naming the path is added and -1 returned. */
int outfile_open(outfile *o, const char *path, diag_list *dl);
/* Close, then rename the temporary file onto path.  0 on success. */
int outfile_commit(outfile *o, diag_list *dl);
/* Close and remove the temporary file; safe to call twice or after commit. */
void outfile_abort(outfile *o);

/* An input a run reads, for outfile_not_input(): its path and what it is
 * ("the school data"), for the message. */
typedef struct outfile_input {
    const char *path;   /* NULL entries are skipped */
    const char *what;
} outfile_input;

/* Refuse to write `out` over one of the inputs: -1 with an error naming both
 * when out already exists and is the same file (same device and inode: a
 * hard link, a symbolic link or another spelling of the path are caught) as
 * one of in[0..n-1]; else 0.  Every command calls it with every file it
 * reads before it does any work. */
int outfile_not_input(const char *out, const outfile_input *in, int n, diag_list *dl);

/* Make folder `dir` and its parents (like mkdir -p).  0 on success. */
int make_dirs(const char *dir, diag_list *dl);

/* Remove pending temporary files when the process gets SIGINT or SIGTERM. */
void outfile_install_signal_cleanup(void);

/* Other temporary files and folders (e.g. font subsets) that the signal
 * handler must remove too.  Track the name before creating it (mkstemp fills
 * the name in place, so no instant exists where the file is there but
 * unknown); forget it before freeing the string.  Files go before folders. */
void outfile_track(const char *path);
void outfile_forget(const char *path);

#endif
