/*
 * app — the products of junheng behind one call each: what the commands of
 * src/cli/ and the workbench of src/web/ both run.
 *
 *   app_load     configuration + school data → figures (every problem, with
 *                its place, in a diag_list: this is `check`)
 *   app_report   figures → the annual report PDF, to a file or to memory
 *   app_sheets   figures → one summary sheet per school (one file each, or
 *                one combined PDF)
 *   app_figures_json / _csv / _xlsx   every computed figure, unrounded
 *   app_diff_json              what a correction changes (core/compare.h on
 *                              two loads), for tools and the page
 *
 * Nothing here prints or exits: every problem goes to the caller's
 * diag_list, and a failure returns -1 (or NULL) leaving no half-written
 * file.  Different app_inputs may be used from different threads at once.
 */
#ifndef JH_APP_H
#define JH_APP_H

#include <stddef.h>

#include <stdio.h>

#include "common/diag.h"
#include "common/json.h"
#include "common/strbuf.h"
#include "core/compare.h"
#include "core/figures.h"
#include "config/config.h"

typedef struct app_inputs {
    jh_config *cfg;
    jh_schools *schools;
    jh_figures *fig;
} app_inputs;

/* Load the configuration at path and the school data it names — or, when
 * data is not NULL, that file instead (a correction being looked at) — and
 * compute.  Every problem goes to dl (unknown INI keys as warnings, judged
 * against the schema the same way for every product); 0 when there is no
 * error. */
int app_load(const char *path, const char *data, app_inputs *in, diag_list *dl);
void app_free(app_inputs *in);

/* `check` and `figures`: load and check.  0 when there is no error. */
int app_check(const char *path, const char *data, app_inputs *in, diag_list *dl);

/* The template for `key` ("report", "sheet"): [templates] KEY resolved
 * against the INI file, else the shipped file.  Owned; NULL with a diagnostic. */
char *app_template(app_inputs *in, const char *key, const char *shipped, diag_list *dl);

/* The report's document (before layout), and its template context in
 * *context when not NULL (owned by the caller; tv_free).  NULL with
 * diagnostics.  The workbench shows its tables and chart as printed. */
struct doc;
struct tv_value;
struct doc *app_report_doc(app_inputs *in, struct tv_value **context, diag_list *dl);

/* Refuse outputs that are inputs: 0 when none of outs[0..nouts-1] is the
 * same file as the INI, the school data, a font of st or one of extra (a
 * template; NULL-terminated list of {path, what}); else -1 with an error
 * naming both (common/outfile.h outfile_not_input). */
struct layout_style;
struct outfile_input;
int app_guard_outputs(const app_inputs *in, const struct layout_style *st,
                      const struct outfile_input *extra, const char *const *outs, int nouts,
                      diag_list *dl);

/* The report of a loaded county.  With path, the PDF is written there
 * atomically; else *pdf (malloc'd) and *len receive it; with neither, it is
 * laid out and nothing is written (`check`).  *pages (if not NULL) gets the
 * page count.  0 / -1. */
int app_report(app_inputs *in, const char *path, unsigned char **pdf, size_t *len, int *pages,
               diag_list *dl);

/* The summary sheets of a loaded county. */
typedef struct app_sheets_opts {
    const char *const *codes;  /* only these schools (ncodes of them); NULL: all */
    int ncodes;
    int jobs;                  /* threads, ≥ 1 */
    const char *combined;      /* one PDF with a bookmark per school ... */
    const char *dir;           /* ... or one PDF per school in this folder */
    int progress;              /* draw a progress bar on stderr */
    int dry_run;               /* lay every sheet out and write nothing (`check`) */
} app_sheets_opts;

typedef struct app_sheets_result {
    int written;               /* sheets written */
    int failed;                /* schools that failed (their problems are in dl) */
} app_sheets_result;

/* 0 when every sheet was written; -1 otherwise (a failing school is named in
 * dl and the others are still written). */
int app_sheets(app_inputs *in, const app_sheets_opts *o, app_sheets_result *r, diag_list *dl);

/* Where report and sheets write when not told (-o): [report] output, else
 * out/<county>-<year>-report.pdf; out/<county>-<year>-sheets.  Owned. */
char *app_report_path(const app_inputs *in);
char *app_sheets_dir(const app_inputs *in);

/* Every character the products set from the data and the INI must be in a
 * face of fs: each missing one is an error naming the character, its U+ code
 * and where it came from — the school and its CSV line, or the INI key —
 * rather than the template line that prints it.  app_glyphs: the report's
 * texts (report = 1: [report] and [narrative] values, every school's name)
 * or the sheets' ([report] county); app_school_glyphs: school `code`'s
 * names.  0 / -1.  Run by app_report and app_sheets before any layout. */
struct fontset;
int app_glyphs(const app_inputs *in, const struct fontset *fs, int report, diag_list *dl);
int app_school_glyphs(const app_inputs *in, const char *code, const struct fontset *fs, diag_list *dl);

/* `check`: everything `report` and `sheets` would do on a loaded county
 * except writing — the template expanded (narrative keys it needs), every
 * text set in its faces, both laid out — and the outputs they would write
 * (report_path / sheets_dir, NULL: the defaults) writable.  0 when both
 * would succeed. */
int app_dry_run(app_inputs *in, const char *report_path, const char *sheets_dir, diag_list *dl);

/* The file name of a school's sheet in folder dir: CODE-NAME.pdf, with what
 * no filesystem accepts replaced.  Owned. */
char *app_sheet_file(const char *dir, const char *code, const char *name);

/* Every figure of f as one JSON document through w (the shape is in
 * figures.c), or to out as CSV (one figure a row).  Both are written school
 * by school as they go: memory does not grow with the output.  The JSON
 * call finishes w: 0, or -1 if the writer refused a text (not UTF-8); the
 * caller frees w.  Make w with json_new_file(stdout), json_new_strbuf(&b)
 * or json_new(sink, ud) (common/json.h). */
int app_figures_json(json_writer *w, const jh_figures *f);
void app_figures_csv(FILE *out, const jh_figures *f);

/* Every figure as an Excel workbook at path (表1, 表2, one sheet of schools
 * per 学段; compose/workbook.h says what it holds), written atomically.
 * 0, or -1 with a diagnostic. */
int app_figures_xlsx(const jh_figures *f, const char *path, diag_list *dl);

/* `junheng init`: make a county's folder ready to fill — dir/report.ini
 * (every key of the configuration schema, commented, with what is given
 * here filled in), dir/practices.md (the county's own words, a section per
 * heading, to write) and dir/schools.xlsx (compose/schools_template.h).
 * The folder is made if missing; if any of the three files exists nothing
 * is written.  All or nothing: 0, or -1 with diagnostics. */
typedef struct app_init_opts {
    const char *county;   /* NULL: left for the county to fill */
    int year;             /* 0: likewise */
    int quality;          /* scheme = quality */
} app_init_opts;
int app_init(const char *dir, const app_init_opts *o, diag_list *dl);

/* The changes of d as one JSON document through w (the shape is in diff.c);
 * finishes w as app_figures_json does. */
int app_diff_json(json_writer *w, const jh_diff *d);

#endif
