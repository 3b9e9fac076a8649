/*
 * config — the report's INI file read once, against the table of every key
 * (config/schema.h), into plain structs the stages take: the core's
 * parameters (core/params.h), the layout's style (layout/style.h), the
 * report's narrative facts (compose/compose.h), the data file and the
 * outputs.  No stage reads the INI itself.
 *
 * Every command loads the same way, so a key is judged the same everywhere:
 * a section or key the table lacks is a warning naming its line (with the
 * section a misplaced key belongs in), a malformed value an error naming
 * file, line, [section] and key, with a hint.  Paths are resolved against
 * the INI file's folder.
 */
#ifndef JH_CONFIG_H
#define JH_CONFIG_H

#include "common/diag.h"
#include "compose/compose.h"
#include "core/params.h"
#include "input/ini.h"
#include "input/schools.h"
#include "layout/style.h"

struct jh_key;
typedef struct jh_key jh_key_ref;

typedef struct jh_config {
    char *ini_path;
    jh_params core;        /* [report] heading facts, [balance], [standard.*], [quality.*], [display] */
    /* [report] */
    char *output;          /* resolved PDF path; NULL if not given */
    /* [data] */
    char *schools_path;    /* resolved CSV or .xlsx path */
    char *sheet;           /* the worksheet of a workbook; NULL: the first visible one */
    int encoding;          /* jh_encoding: auto | utf-8 | gb18030 */
    int mixed;             /* 0 split (rows of mixed schools hold whole-school totals), 1 parts */
    /* [report] practices: the county's own text (主要做法 …), resolved;
     * default practices.md beside the INI (compose/practices.h) */
    char *practices;
    /* [templates] */
    char *template_report, *template_sheet;   /* resolved; NULL: the shipped ones */
    /* [layout], [fonts] */
    layout_style style;
    /* [narrative] */
    jh_fact *facts;
    int nfacts;
    jh_facts narrative;    /* {ini_path, facts, nfacts} */
    /* internal: the display decimal of all county means ([display] mean) */
    int dec_mean_all;
    /* where each key the file sets is: config_line() */
    struct config_place { const jh_key_ref *key; int line; } *places;
    int nplaces;
} jh_config;

/* What the command needs: a report (every required key) or only the style
 * (`render -c`: [layout] and [fonts]; required keys may be absent). */
typedef enum { CONFIG_REPORT, CONFIG_STYLE } config_need;

/* Read ini against the schema.  NULL if anything is malformed, or (with
 * CONFIG_REPORT) a required key is missing; every problem is in dl. */
jh_config *config_load(jh_ini *ini, config_need need, diag_list *dl);
/* ini_load + config_load; NULL with diagnostics. */
jh_config *config_read(const char *path, config_need need, diag_list *dl);
void config_free(jh_config *c);

/* The INI line that set section/key, 0 if the file does not set it. */
int config_line(const jh_config *c, const char *section, const char *key);

/* The options schools_load needs, from the configuration. */
jh_load_opts config_load_opts(const jh_config *c);

/* Print the key reference from the schema: fmt "man" (troff, for
 * doc/junheng.1), "md" (Markdown, doc/configuration.md) or "text" (the
 * terminal, translated).  0, or -1 for an unknown fmt. */
int config_reference(FILE *out, const char *fmt);

#endif
