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
#include "web/settings.h"

#include <pthread.h>
#include <stddef.h>

/* The render pool: at most `free` renders at once; the others wait their
 * turn in arrival order (a ticket queue: a semaphore wakes waiters in any
 * order, and under load the unlucky ones waited three times the median). */
typedef struct web_pool {
    pthread_mutex_t m;
    pthread_cond_t c;
    unsigned long next, serving;
    int free;
} web_pool;

void pool_init(web_pool *p, int jobs);
void pool_destroy(web_pool *p);

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
/* Render `what` (report, sheets, zip, figures: CSV, xlsx: the figures
 * workbook) from the data in force,
 * waiting for a place on the pool. */
void api_render(county *c, const char *what, web_pool *pool, web_reply *r);
/* The settings form (settings.h); saving answers with the new state, or
 * 422 with the problems (nothing written). */
void api_settings(county *c, web_reply *r);
void api_settings_save(county *c, const setting_edit *e, int n, web_reply *r);
/* The county's own words (practices.md in its folder: the file `junheng
 * init` makes): {file, exists, text}; saving writes it atomically and
 * answers the same. */
void api_practices(county *c, web_reply *r);
void api_practices_save(county *c, const char *text, size_t len, web_reply *r);
/* A rendered file by its public name; as an attachment when download. */
void api_file(county *c, const char *name, int download, web_reply *r);

#endif
