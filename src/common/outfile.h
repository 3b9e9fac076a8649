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
#include <sys/types.h>
#include "common/diag.h"

typedef struct outfile {
    char *path;   /* final path (owned) */
    char *tmp;    /* temporary path (owned); write here, or through f */
    FILE *f;      /* open for writing on tmp */
} outfile;

/* Create missing parent folders and the temporary file.  0 on success; on
 * failure a diagnostic naming the path is added and -1 returned. */
int outfile_open(outfile *o, const char *path, diag_list *dl);
/* Write len bytes; on failure a diagnostic with the system's reason ("No
 * space left on device") is added, the file aborted and -1 returned. */
int outfile_write(outfile *o, const void *buf, size_t len, diag_list *dl);
/* Flush, close, then rename the temporary file onto path.  0 on
 * success; else a diagnostic with the system's reason. */
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
/* Check that a file can be created in dir — or, where dir is missing, in
 * the folder make_dirs would create it in — by creating and removing one;
 * nothing is left behind.  Called once, before the work, so that an
 * unwritable folder is one error rather than one per file.  0, or -1 with a
 * diagnostic (the system's reason). */
int outfile_check_dir(const char *dir, diag_list *dl);
/* outfile_check_dir for the folder that file `path` goes in; errors name path. */
int outfile_check_for(const char *path, diag_list *dl);

/* Remove pending temporary files when the process gets SIGINT, SIGTERM or
 * SIGHUP, whatever its threads are doing, then die of the signal.  Call once
 * before starting threads. */
void outfile_install_signal_cleanup(void);

/* Temporary files and folders the signal handler removes.  Each is made
 * tracked — the name is known to the handler before the file exists — and
 * stays so until outfile_forget (after the owner removed or renamed it).
 *   outfile_mkstemp  like mkstemp(3): tmpl ends in XXXXXX, filled in place;
 *                    the file is created with `mode` (the umask applies).
 *   outfile_mkdtemp  like mkdtemp(3), mode 0700; 0 or -1.
 *   outfile_create   open(path, O_CREAT|O_TRUNC|O_WRONLY, mode), e.g. a
 *                    fixed name inside a folder of outfile_mkdtemp.
 * Each returns a descriptor (or 0 for a folder), or -1 with errno set.
 * Files are removed before folders.  Up to 512 paths of < 4096 bytes are
 * tracked at once (beyond, a file is made but not tracked).
 *   outfile_track   track a path made some other way (made after this call);
 *   outfile_forget  stop tracking it (the path string may then be freed). */
int outfile_mkstemp(char *tmpl, mode_t mode);
int outfile_mkdtemp(char *tmpl);
int outfile_create(const char *path, mode_t mode);
void outfile_track(const char *path);
void outfile_forget(const char *path);

#endif
