/*
 * inputs — what every school command loads: the configuration (the INI read
 * once against the schema, config/config.h), the school data and the figures
 * computed from them.
 */
#ifndef JH_INPUTS_H
#define JH_INPUTS_H

#include "common/diag.h"
#include "config/config.h"
#include "core/figures.h"

typedef struct inputs {
    jh_config *cfg;
    jh_schools *schools;
    jh_figures *fig;
} inputs;

/* Load the configuration at path and the data it names, and compute.  Every
 * problem goes to dl (unknown INI keys as warnings, the same for every
 * command); 0 when there is no error. */
int inputs_load(const char *path, inputs *in, diag_list *dl);
void inputs_free(inputs *in);

/* The template for `key` ("report", "sheet"): [templates] KEY resolved
 * against the INI file, else the shipped file.  Owned; NULL with a diagnostic. */
char *inputs_template(inputs *in, const char *key, const char *shipped, diag_list *dl);

#endif
