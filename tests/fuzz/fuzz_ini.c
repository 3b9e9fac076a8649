/*
 * fuzz_ini — libFuzzer harness for input/ini and every stage's reader of it
 * (config_load against the schema, with its unknown-key warnings).
 *
 * ini_load takes a path (iniparser reads files), so each input is written to
 * a temporary file in /dev/shm (or /tmp).  Promises checked: no crash, leak
 * or undefined behaviour; NULL exactly when an error was reported; every
 * diagnostic names the file with a line inside it (0: the whole file).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "input/ini.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "broken promise: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

static char path[64];

static void check_diags(const diag_list *dl, int from, int lines)
{
    for (int i = from; i < dl->n; i++) {
        CHECK(dl->items[i].file && (strcmp(dl->items[i].file, path) == 0 || dl->items[i].line == 0));
        CHECK(dl->items[i].line >= 0 && dl->items[i].line <= lines);
        CHECK(dl->items[i].msg[0] != '\0');
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(path, sizeof path, "%s/fuzz-ini-%ld.ini", dir, (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    CHECK(fwrite(data, 1, size, f) == size);
    fclose(f);
    int lines = 1;
    for (size_t i = 0; i < size; i++) lines += data[i] == '\n';

    diag_list dl;
    diag_init(&dl);
    jh_ini *ini = ini_load(path, &dl);
    CHECK((ini != NULL) == (dl.errors == 0));
    check_diags(&dl, 0, lines);
    if (ini) {
        jh_config *c = config_load(ini, CONFIG_REPORT, &dl);
        CHECK(c != NULL || dl.errors > 0);
        jh_config *s = config_load(ini, CONFIG_STYLE, &dl);
        ini_section_keys(ini, "narrative", &(const char *const *){0});
        check_diags(&dl, 0, lines);
        config_free(s);
        config_free(c);
        ini_free(ini);
    }
    diag_free(&dl);
    unlink(path);
    return 0;
}
