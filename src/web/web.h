/*
 * web — `junheng serve`: the workbench, a Chinese web page over the same
 * library calls as the commands (app/app.h).
 *
 * Promises:
 *   - A county is a folder of the root holding report.ini (or exactly one
 *     .ini).  A client names a county and a file only by strings that are
 *     looked up in tables (the folders found, a fixed list of file names):
 *     no client string ever becomes part of a path.
 *   - Everything the page writes goes into the county's folder: an upload to
 *     .junheng/pending.<ext> (size-capped, streamed to a temporary file and
 *     renamed), the accepted data onto the file the INI names (which must lie
 *     in that folder; the previous one is kept as .junheng/previous.<ext>),
 *     renders into .junheng/.
 *   - Loopback by default; any other address needs a token file, and every
 *     request but the login form then needs the token (header or cookie).
 *   - Renders run on at most `jobs` threads; others wait their turn.  A
 *     failing render is a diagnostic in the answer, never the end of the
 *     server.  One log line per request.  Nothing leaves the machine.
 */
#ifndef JH_WEB_H
#define JH_WEB_H

#include "common/diag.h"

#include <stdio.h>

typedef struct web_opts {
    const char *root;        /* folder of county folders */
    const char *listen;      /* "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:80"; port 0: any free one */
    const char *token_file;  /* NULL: no token (loopback only) */
    int jobs;                /* renders at once, ≥ 1 */
    long max_upload;         /* bytes */
    int timeout;             /* seconds a connection may stay idle */
    FILE *log;               /* one line per request; also the "listening" line */
} web_opts;

/* Serve until SIGINT or SIGTERM.  0 after a clean stop; -1 with diagnostics
 * when the server cannot start (address, token file, root). */
int web_serve(const web_opts *o, diag_list *dl);

/* The built-in examples copied (once; existing copies are kept) into a
 * working folder the user owns, $XDG_DATA_HOME/junheng/workbench or
 * ~/.local/share/junheng/workbench: uploads must never touch the examples
 * junheng ships.  The folder's path (owned), NULL with a diagnostic. */
char *web_examples_root(diag_list *dl);

#endif
