/*
 * ini — the report's INI configuration: a reader of its syntax.
 *
 * A reader only: it knows the syntax, not the keys.  src/config/ walks the
 * sections and keys in file order (ini_section_at, ini_key_at) and judges
 * each against the table of known keys.  Errors name the file and the line,
 * with a hint.
 *
 * Sections and keys are case-insensitive (kept lowercased).  The file may be
 * UTF-8 (with or without a byte-order mark) or GB18030; a value may run over
 * several lines, each but the last ending in a backslash.  What ini.c accepts
 * is listed at its top.
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
 * Returns the count; *keys is owned by ini (valid until ini_free). */
int ini_section_keys(jh_ini *ini, const char *section, const char *const **keys);

/* The sections and keys as the file has them, in file order.  ini_key_at
 * returns the key's line and sets its section, key and value; strings owned
 * by ini. */
int ini_nsections(const jh_ini *ini);
const char *ini_section_at(const jh_ini *ini, int i, int *line);
int ini_nkeys(const jh_ini *ini);
int ini_key_at(const jh_ini *ini, int i, const char **section, const char **key, const char **value);

#endif
