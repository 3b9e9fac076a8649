/*
 * inputs — what every school command loads: the INI file, the typed
 * configuration, the school data and the figures computed from them.
 */
#ifndef JH_INPUTS_H
#define JH_INPUTS_H

#include "common/diag.h"
#include "core/figures.h"
#include "input/config.h"
#include "input/ini.h"

typedef struct inputs {
    jh_ini *ini;
    jh_config *cfg;
    jh_schools *schools;
    jh_figures *fig;
} inputs;

/* Load the configuration at path and the data it names, and compute.  Every
 * problem goes to dl; 0 when there is no error.  Unknown INI keys are not
 * reported yet: the command calls ini_warn_unused() once its stages have
 * read their sections. */
int inputs_load(const char *path, inputs *in, diag_list *dl);
void inputs_free(inputs *in);

/* Mark as known the sections of stages that `except` does not run (NULL-terminated
 * list of section names the command reads itself). */
void inputs_allow_other(inputs *in, const char *const *except);

/* The template for `key` ("report", "sheet"): [templates] KEY resolved
 * against the INI file, else the shipped file.  Owned; NULL with a diagnostic. */
char *inputs_template(inputs *in, const char *key, const char *shipped, diag_list *dl);

/* Where a command writes by default: NAME resolved against the INI file's
 * folder (out/<county>-<year>-report.pdf), so that a run gives the same
 * file from any working folder.  Owned. */
char *inputs_default_output(const inputs *in, const char *suffix);

/* Warn when path already holds a PDF that junheng wrote for another county
 * or year: its Subject does not start with "<county><year>年度".  The run
 * goes on (the user named the file, or the INI did), but a second county
 * copied from the first should not silently replace the first's report. */
void inputs_warn_overwrite(const inputs *in, const char *path, diag_list *dl);

#endif
