/*
 * api — what each request of the workbench answers, as a web_reply: JSON
 * for the page's calls, a file for downloads.  server.c owns the HTTP; this
 * file owns what is said.  Every call runs the library (app/app.h) and
 * turns its diagnostics into JSON entries with their place: file, line,
 * column, and the row and column of the data table they point at.
 */
#ifndef JH_WEB_API_H
#define JH_WEB_API_H

#include "web/county.h"

#include <semaphore.h>
#include <stddef.h>

typedef struct web_reply {
    int status;
    const char *type;     /* Content-Type */
    char *body;           /* owned */
    size_t len;
    char *file;           /* when set, send this file instead of body (owned) */
    char *disposition;    /* Content-Disposition, owned, may be NULL */
} web_reply;

void reply_free(web_reply *r);
/* {"error": msg} with status. */
void api_error(web_reply *r, int status, const char *msg);

void api_counties(counties *cs, web_reply *r);
/* The county as the page shows it: settings, the data in force and the
 * correction waiting (each: table, problems, printed tables and chart,
 * verdicts), and what the correction changes. */
void api_state(county *c, web_reply *r);
/* An upload (streamed to tmp) becomes the pending correction; the state. */
void api_uploaded(county *c, const char *tmp, int xlsx, web_reply *r);
void api_accept(county *c, web_reply *r);
void api_discard(county *c, web_reply *r);
/* Render `what` (report, sheets, zip, figures) from the data in force,
 * waiting for a place on the pool. */
void api_render(county *c, const char *what, sem_t *pool, web_reply *r);
/* A rendered file by its public name; as an attachment when download. */
void api_file(county *c, const char *name, int download, web_reply *r);

#endif
