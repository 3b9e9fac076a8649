/*
 * figures_floor REPORT.ini — the floor under `junheng figures` that is not
 * the output: load the configuration and the school data and compute every
 * figure (app_check), write nothing.  `make bench` times it beside figures.
 */
#include "app/app.h"
#include "common/diag.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) { fputs("usage: figures_floor REPORT.ini\n", stderr); return 2; }
    diag_list dl;
    diag_init(&dl);
    app_inputs in;
    int rc = app_check(argv[1], NULL, &in, &dl);
    if (rc) diag_print(&dl, stderr);
    else printf("%d school parts\n", in.schools->n);
    app_free(&in);
    diag_free(&dl);
    return rc ? 1 : 0;
}
