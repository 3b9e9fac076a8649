/*
 * pdf_floor MANIFEST OUT — the floor under junheng's PDF writing: the same
 * faces opened, subset (fontset_subset_cps, as the back end does it),
 * deflated at the same libdeflate level and written, with nothing else (no
 * layout, no page content, no libharu).  MANIFEST comes from
 * tests/bench/pdf_cps.py: per PDF, one line per font "PSNAME LEVEL hex,..."
 * and a blank line; each PDF's compressed fonts go to OUT (rewritten per
 * PDF, as junheng writes one file per PDF).  The faces are the default
 * style's (layout/style.h), matched by PostScript name.  `make bench` times
 * the whole process beside junheng's.
 */
#include "layout/fontset.h"
#include "layout/style.h"

#include <hb-ot.h>
#include <hb.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fontset face of the default style's file whose PostScript name is ps. */
static int face_of(fontset *fs, const layout_style *st, const char *ps, diag_list *dl)
{
    for (int r = 0; r < ROLE_COUNT + st->nfallback; r++) {
        const font_spec *f = r < ROLE_COUNT ? &st->font[r] : &st->fallback[r - ROLE_COUNT];
        if (!f->path) continue;
        hb_blob_t *b = hb_blob_create_from_file(f->path);
        hb_face_t *face = hb_face_create(b, (unsigned)f->index);
        char name[128];
        unsigned len = sizeof name;
        name[0] = 0;
        hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
        hb_face_destroy(face);
        hb_blob_destroy(b);
        if (!strcmp(name, ps)) return fontset_open(fs, f->path, f->index, NULL, dl);
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc != 3) { fputs("usage: pdf_floor MANIFEST OUT\n", stderr); return 2; }
    FILE *m = fopen(argv[1], "r");
    if (!m) { perror(argv[1]); return 1; }
    layout_style st;
    style_default(&st);
    diag_list dl;
    diag_init(&dl);
    fontset *fs = fontset_new();
    struct libdeflate_compressor *z[13] = {0};
    size_t cap = 0, line_cap = 0, zcap = 0;
    uint32_t *cps = NULL;
    unsigned char *zbuf = NULL;
    char *line = NULL;
    FILE *out = NULL;
    long fonts = 0, bytes = 0;
    int rc = 0;
    while (getline(&line, &line_cap, m) > 0) {
        if (line[0] == '\n') {                 /* end of one PDF */
            if (out && fclose(out) != 0) rc = 1;
            out = NULL;
            continue;
        }
        char *ps = strtok(line, "\t"), *lv = strtok(NULL, "\t"), *hex = strtok(NULL, "\t\n");
        int level = lv ? atoi(lv) : 0;
        if (!ps || !hex || level < 1 || level > 12) { fputs("bad manifest line\n", stderr); return 1; }
        size_t n = 0;
        for (char *t = strtok(hex, ","); t; t = strtok(NULL, ",")) {
            if (n == cap) { cap = cap ? 2 * cap : 1024; cps = realloc(cps, cap * sizeof *cps); }
            cps[n++] = (uint32_t)strtoul(t, NULL, 16);
        }
        int face = face_of(fs, &st, ps, &dl);
        if (face < 0) { fprintf(stderr, "no default face is %s\n", ps); return 1; }
        font_subset s;
        if (fontset_subset_cps(fs, face, cps, n, &s, &dl) != 0) { diag_print(&dl, stderr); return 1; }
        if (!z[level]) z[level] = libdeflate_alloc_compressor(level);
        size_t bound = libdeflate_zlib_compress_bound(z[level], s.len);
        if (bound > zcap) { zcap = bound; zbuf = realloc(zbuf, zcap); }
        size_t zl = libdeflate_zlib_compress(z[level], s.data, s.len, zbuf, zcap);
        if (!out && !(out = fopen(argv[2], "wb"))) { perror(argv[2]); return 1; }
        if (fwrite(zbuf, 1, zl, out) != zl) rc = 1;
        bytes += (long)zl;
        fonts++;
        font_subset_free(&s);
    }
    if (out && fclose(out) != 0) rc = 1;
    printf("%ld fonts, %ld bytes\n", fonts, bytes);
    for (int i = 0; i < 13; i++) if (z[i]) libdeflate_free_compressor(z[i]);
    free(cps);
    free(zbuf);
    free(line);
    fclose(m);
    fontset_free(fs);
    style_free(&st);
    diag_free(&dl);
    return rc;
}
