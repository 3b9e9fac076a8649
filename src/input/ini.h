/*
 * ini — the report's INI configuration, on top of iniparser.
 *
 * Every stage reads its own sections through these getters (the core reads
 * [balance] and [standard.*], the layout reads [fonts] and [layout] ...).  The
 * getters remember which keys were read, so that after all stages have read
 * theirs ini_warn_unused() can name every key or section nobody knows: a typo
 * must not pass silently.  Errors name the file, the line, the section and the
 * key, with a hint.
 *
 * Sections and keys are case-insensitive (iniparser lowercases them).  A UTF-8
 * byte-order mark is accepted.
 */
#ifndef JH_INI_H
#define JH_INI_H

#include "common/diag.h"

typedef struct jh_ini jh_ini;

/* Load path.  NULL on failure (a diagnostic names the file and line). */
jh_ini *ini_load(const char *path, diag_list *dl);
void ini_free(jh_ini *ini);

const char *ini_path(const jh_ini *ini);   /* as given to ini_load */
const char *ini_dir(const jh_ini *ini);    /* its folder ("." if none) */
/* A path from the file, resolved against the file's folder unless absolute.  Owned by the caller. */
char *ini_resolve_path(const jh_ini *ini, const char *path);

/* Line of section:key in the file, 0 if absent. */
int ini_line(const jh_ini *ini, const char *section, const char *key);
int ini_has(const jh_ini *ini, const char *section, const char *key);
int ini_has_section(const jh_ini *ini, const char *section);

/* Getters.  A missing key gives the default and returns 0.  A present but
 * malformed value adds an error naming file:line, [section] and key, and
 * returns -1 (then *out holds the default).  `required` keys that are absent
 * are an error too. */
const char *ini_get_str(jh_ini *ini, const char *section, const char *key, const char *def);
int ini_get_double(jh_ini *ini, const char *section, const char *key, double def,
                   double *out, diag_list *dl);
int ini_get_int(jh_ini *ini, const char *section, const char *key, int def,
                int *out, diag_list *dl);
int ini_get_bool(jh_ini *ini, const char *section, const char *key, int def,
                 int *out, diag_list *dl);
/* A string that must be present and non-empty. */
const char *ini_require_str(jh_ini *ini, const char *section, const char *key, diag_list *dl);

/* Keys of a section, in file order (for free-form sections such as [narrative]);
 * marks them read.  Returns the count; *keys is owned by ini (valid until ini_free). */
int ini_section_keys(jh_ini *ini, const char *section, const char *const **keys);

/* Declare a whole section known to this command although it does not read it
 * (e.g. `figures` allows [fonts]): none of its keys will be warned about. */
void ini_allow_section(jh_ini *ini, const char *section);

/* Report every section and key that no getter asked for, as warnings. */
void ini_warn_unused(const jh_ini *ini, diag_list *dl);

#endif
