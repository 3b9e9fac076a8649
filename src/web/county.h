/*
 * county — the counties a workbench serves, and the files of each.
 *
 * A county is a folder of the root with report.ini (or exactly one .ini).
 * Clients name counties by folder name and files by a fixed list; this
 * module turns those names into paths, so nothing a client sends is ever
 * pasted into one.  The table only grows (folders that `junheng init`
 * creates while the server runs are picked up), so a county pointer stays
 * valid while the server runs.
 */
#ifndef JH_WEB_COUNTY_H
#define JH_WEB_COUNTY_H

#include "common/diag.h"

#include <pthread.h>
#include <stddef.h>

#define WEB_MAX_COUNTIES 512

typedef struct county {
    char *id;        /* the folder's name */
    char *dir;       /* root/id */
    char *ini;       /* its INI file */
    char *work;      /* dir/.junheng: uploads waiting, renders */
    pthread_mutex_t lock;   /* held while the county's data or renders change */
} county;

typedef struct counties {
    char *root;
    county *items[WEB_MAX_COUNTIES];
    int n;
    pthread_mutex_t lock;
} counties;

/* Scan root; 0, or -1 with a diagnostic if it cannot be read. */
int counties_open(counties *cs, const char *root, diag_list *dl);
/* Pick up folders added since. */
void counties_rescan(counties *cs);
void counties_close(counties *cs);
/* The county whose folder name is exactly id[0..len), NULL if none. */
county *counties_find(counties *cs, const char *id, size_t len);

/* The data file the INI names ([data] schools), which the page may replace
 * only if it lies in the county's folder.  Owned; NULL with a diagnostic. */
char *county_data_path(const county *c, int for_writing, diag_list *dl);

/* The correction waiting for acceptance (.junheng/pending.csv or .xlsx),
 * owned, or NULL if there is none. */
char *county_pending(const county *c);

/* A file of the county's work folder by its public name; NULL if the name
 * is not one of: report.pdf, sheets.pdf, sheets.zip, figures.csv,
 * figures.xlsx.  Owned. */
char *county_output(const county *c, const char *name);

/* Write data[0..len) as the pending correction (ext "csv" or "xlsx"),
 * atomically; any other pending file is removed.  0 / -1 with diagnostic. */
int county_save_pending(county *c, const char *tmp_path, const char *ext, diag_list *dl);

/* The pending correction becomes the data (the current file is kept as
 * .junheng/previous.EXT first); or it is thrown away.  0 / -1.  A
 * correction of another format than the INI's data file (a workbook where
 * it names a CSV) becomes schools.EXT in the county's folder, and
 * *switched_to (owned) names it: the caller points [data] schools there. */
int county_accept(county *c, char **switched_to, diag_list *dl);
int county_discard(county *c, diag_list *dl);

/* A temporary file in the county's work folder for an upload; the path
 * (owned) and an open descriptor in *fd.  NULL with a diagnostic. */
char *county_upload_tmp(county *c, int *fd, diag_list *dl);

#endif
