/*
 * settings — a county's INI file as the page's settings form, built from
 * the configuration schema (config/schema.h): every section and key with its
 * Chinese label, unit, help, default and the value the file holds; and the
 * form's answer written back into the file.
 *
 * Only values are written: the file's comments, order and spelling stay.
 * Keys that name files (data, output, templates, fonts) are shown but not
 * editable: no client string becomes a path.  A change is checked by
 * loading the new file (config_read) before it replaces the old one (which
 * is kept as .junheng/previous.ini); a change that does not load is refused
 * with its problems and nothing is written.
 */
#ifndef JH_WEB_SETTINGS_H
#define JH_WEB_SETTINGS_H

#include "common/diag.h"
#include "common/json.h"
#include "web/county.h"

typedef struct setting_edit {
    char *section, *key, *value;   /* value "" removes the key (the default applies) */
} setting_edit;

/* {sections: [{name, label, help, keys: [{key, label, help, type, unit,
 *  default, choices, required, editable, value, line}]}]} */
void settings_json(const county *c, json_writer *g);

/* Apply the edits to the county's INI file.  0, or -1 with diagnostics
 * (an unknown or read-only key, a value that does not load). */
int settings_save(county *c, const setting_edit *e, int n, diag_list *dl);

/* Point [data] schools at `name`, a data file name of the page's own
 * (schools.xlsx, schools.csv) in the county's folder.  0 / -1. */
int settings_set_data_file(county *c, const char *name, diag_list *dl);

#endif
