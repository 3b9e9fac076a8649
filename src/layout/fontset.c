/*
 * fontset — faces through HarfBuzz: coverage (nominal glyph), advances
 * (h_advance at the unit scale) and the subsetter.  libharu only ever sees the
 * subset files, which also avoids its composite-glyph bug (glyph ids > 32767)
 * because the subset renumbers glyphs densely.
 */
#include "layout/fontset.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/xalloc.h"
#include "layout/sfnt.h"

#include <hb.h>
#include <hb-subset.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const font_role_names[ROLE_COUNT] = {
    "title", "body", "heading1", "heading2", "table", "pagenum"
};

typedef struct face {
    char *path;
    int index;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    double upem;
    hb_set_t *used;
    char *subset;      /* subset file path, or NULL */
    long subset_size;
} face;

struct fontset {
    face *faces;
    int n, cap;
    int role[ROLE_COUNT];   /* face id, -1 unset */
    int *fallback;
    int nfb, fbcap;
    char *tmpdir;           /* created on the first subset */
    pthread_mutex_t lock;   /* guards the used sets while documents are laid out in parallel */
    int frozen;             /* fontset_freeze: usage is no longer recorded */
};

fontset *fontset_new(void)
{
    fontset *fs = xcalloc(1, sizeof *fs);
    for (int i = 0; i < ROLE_COUNT; i++) fs->role[i] = -1;
    pthread_mutex_init(&fs->lock, NULL);
    return fs;
}

void fontset_free(fontset *fs)
{
    if (!fs) return;
    for (int i = 0; i < fs->n; i++) {
        face *f = &fs->faces[i];
        if (f->subset) { unlink(f->subset); outfile_forget(f->subset); free(f->subset); }
        hb_set_destroy(f->used);
        hb_font_destroy(f->font);
        hb_face_destroy(f->face);
        hb_blob_destroy(f->blob);
        free(f->path);
    }
    if (fs->tmpdir) { rmdir(fs->tmpdir); outfile_forget(fs->tmpdir); free(fs->tmpdir); }
    free(fs->faces);
    free(fs->fallback);
    pthread_mutex_destroy(&fs->lock);
    free(fs);
}

static int has_table(hb_face_t *f, hb_tag_t tag)
{
    hb_blob_t *b = hb_face_reference_table(f, tag);
    unsigned len = hb_blob_get_length(b);
    hb_blob_destroy(b);
    return len > 0;
}

int fontset_open(fontset *fs, const char *path, int index, const char *where, diag_list *dl)
{
    for (int i = 0; i < fs->n; i++)
        if (fs->faces[i].index == index && strcmp(fs->faces[i].path, path) == 0) return i;
    const char *w = where ? where : path;
    /* a FIFO would block HarfBuzz's read, /dev/zero would never end */
    diag_list tmp;
    diag_init(&tmp);
    int fd = file_open_input(path, _("the font file"), FILE_CAP_FONT, NULL, &tmp);
    if (fd < 0) {   /* placed where the font is named (the INI line), the path in the text */
        diag_hint(diag_error(dl, w, 0, 0, "%s: %s", path, tmp.n ? tmp.items[0].msg : ""),
                  _("check the path; Debian's default faces come from fonts-arphic-uming, "
                  "fonts-arphic-ukai, fonts-wqy-zenhei and fonts-lxgw-wenkai (make deps)"));
        diag_free(&tmp);
        return -1;
    }
    close(fd);
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) {
        diag_hint(diag_error(dl, w, 0, 0, _("cannot read font file %s"), path),
                  _("check the path; Debian's default faces come from fonts-arphic-uming, "
                  "fonts-arphic-ukai, fonts-wqy-zenhei and fonts-lxgw-wenkai (make deps)"));
        return -1;
    }
    unsigned nfaces = hb_face_count(blob);
    if (index < 0 || (unsigned)index >= (nfaces ? nfaces : 1)) {
        diag_hint(diag_error(dl, w, 0, 0, _("font %s has no face number %d"), path, index),
                  _("it holds %u face(s), numbered from 0"), nfaces);
        hb_blob_destroy(blob);
        return -1;
    }
    hb_face_t *hf = hb_face_create(blob, (unsigned)index);
    const char *why = NULL;
    if (hb_face_get_glyph_count(hf) == 0) why = "is not a TrueType font";
    else if (has_table(hf, HB_TAG('C', 'F', 'F', ' ')) || has_table(hf, HB_TAG('C', 'F', 'F', '2')))
        why = "has CFF (PostScript) outlines, which libharu cannot embed";
    else if (!has_table(hf, HB_TAG('g', 'l', 'y', 'f')))
        why = "has no TrueType outlines (glyf table)";
    if (why) {
        diag_hint(diag_error(dl, w, 0, 0, _("font %s (face %d) %s"), path, index, why),
                  _("use a TrueType .ttf/.ttc (e.g. simfang.ttf, simhei.ttf on Windows; "
                  "Noto/Source Han .otf/.ttc are CFF and cannot be used)"));
        hb_face_destroy(hf);
        hb_blob_destroy(blob);
        return -1;
    }
    XGROW(fs->faces, fs->cap, fs->n + 1);
    face *f = &fs->faces[fs->n];
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    f->index = index;
    f->blob = blob;
    f->face = hf;
    f->font = hb_font_create(hf);
    f->upem = hb_face_get_upem(hf);
    f->used = hb_set_create();
    hb_font_make_immutable(f->font);  /* shared read-only across threads */
    return fs->n++;
}

int fontset_set_role(fontset *fs, font_role role, const char *path, int index,
                     const char *where, diag_list *dl)
{
    int id = fontset_open(fs, path, index, where, dl);
    if (id < 0) return -1;
    fs->role[role] = id;
    return 0;
}

int fontset_add_fallback(fontset *fs, const char *path, int index, const char *where, diag_list *dl)
{
    int id = fontset_open(fs, path, index, where, dl);
    if (id < 0) return -1;
    XGROW(fs->fallback, fs->fbcap, fs->nfb + 1);
    fs->fallback[fs->nfb++] = id;
    return 0;
}

static int has_glyph(const face *f, uint32_t cp)
{
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(f->font, cp, &g) && g != 0;
}

int fontset_face_for(const fontset *fs, font_role role, uint32_t cp)
{
    int r = fs->role[role] >= 0 ? fs->role[role] : fs->role[ROLE_BODY];
    if (r >= 0 && has_glyph(&fs->faces[r], cp)) return r;
    /* the body face comes before the fallbacks: a heading's missing digit
     * should look like the body's, not like the last-resort face */
    int b = fs->role[ROLE_BODY];
    if (b >= 0 && b != r && has_glyph(&fs->faces[b], cp)) return b;
    for (int i = 0; i < fs->nfb; i++)
        if (has_glyph(&fs->faces[fs->fallback[i]], cp)) return fs->fallback[i];
    return -1;
}

double fontset_advance(const fontset *fs, int face_id, uint32_t cp)
{
    const face *f = &fs->faces[face_id];
    hb_codepoint_t g = 0;
    hb_font_get_nominal_glyph(f->font, cp, &g);
    return hb_font_get_glyph_h_advance(f->font, g) / f->upem;
}

void fontset_use(fontset *fs, int face_id, uint32_t cp)
{
    if (fs->frozen) return;
    pthread_mutex_lock(&fs->lock);
    hb_set_add(fs->faces[face_id].used, cp);
    pthread_mutex_unlock(&fs->lock);
}

void fontset_freeze(fontset *fs) { fs->frozen = 1; }

int fontset_nfaces(const fontset *fs) { return fs->n; }
const char *fontset_face_path(const fontset *fs, int face_id) { return fs->faces[face_id].path; }
unsigned fontset_used_count(const fontset *fs, int face_id)
{
    return hb_set_get_population(fs->faces[face_id].used);
}
const char *fontset_subset_file(const fontset *fs, int face_id) { return fs->faces[face_id].subset; }
long fontset_subset_size(const fontset *fs, int face_id) { return fs->faces[face_id].subset_size; }

/* The subset font with libharu's fast cmap (layout/sfnt.h), or NULL to keep
 * HarfBuzz's own. */
static unsigned char *dense_cmap(hb_face_t *sub, hb_set_t *cps, const unsigned char *data,
                                 unsigned len, size_t *outlen)
{
    unsigned n = hb_set_get_population(cps);
    uint32_t *cp = malloc((n + 1) * sizeof *cp);
    uint16_t *gid = malloc((n + 1) * sizeof *gid);
    hb_font_t *font = hb_font_create(sub);
    unsigned k = 0;
    hb_codepoint_t c = HB_SET_VALUE_INVALID;
    while (cp && gid && hb_set_next(cps, &c) && c < 0xFFFF) {
        hb_codepoint_t g = 0;
        if (!hb_font_get_nominal_glyph(font, c, &g)) continue;
        cp[k] = c;
        gid[k++] = (uint16_t)g;
    }
    unsigned char *out = cp && gid ? sfnt_dense_cmap(data, len, cp, gid, k, outlen) : NULL;
    hb_font_destroy(font);
    free(cp);
    free(gid);
    return out;
}

/* Subset face f to the code points in cps and write it to path. */
static int subset_to_file(const face *f, hb_set_t *cps, const char *path, long *size, diag_list *dl)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return -1;
    hb_set_union(hb_subset_input_unicode_set(in), cps);
    /* hinting is useless at print resolution and is half of some faces */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t *sub = hb_subset_or_fail(f->face, in);
    hb_subset_input_destroy(in);
    if (!sub) {
        diag_error(dl, f->path, 0, 0, _("HarfBuzz could not subset font %s (face %d)"), f->path, f->index);
        return -1;
    }
    hb_blob_t *out = hb_face_reference_blob(sub);
    unsigned len = 0;
    const char *data = hb_blob_get_data(out, &len);
    size_t dense_len = 0;
    unsigned char *dense = dense_cmap(sub, cps, (const unsigned char *)data, len, &dense_len);
    if (dense) { data = (const char *)dense; len = (unsigned)dense_len; }
    FILE *fp = fopen(path, "wb");
    int rc = 0;
    if (!fp || fwrite(data, 1, len, fp) != len) rc = -1;
    if (fp && fclose(fp) != 0) rc = -1;
    if (rc) diag_error(dl, path, 0, 0, _("cannot write the subset font file"));
    if (size) *size = len;
    free(dense);
    hb_blob_destroy(out);
    hb_face_destroy(sub);
    return rc;
}

static int subset_one(fontset *fs, int id, diag_list *dl)
{
    face *f = &fs->faces[id];
    if (!f->subset) {
        f->subset = xasprintf("%s/face%d.ttf", fs->tmpdir, id);
        outfile_track(f->subset);   /* a SIGINT must not leave it in TMPDIR */
    }
    return subset_to_file(f, f->used, f->subset, &f->subset_size, dl);
}

char *fontset_subset_cps(const fontset *fs, int face_id, const uint32_t *cps, size_t n, diag_list *dl)
{
    const char *t = getenv("TMPDIR");
    char *path = xasprintf("%s/junheng-face-XXXXXX", t && *t ? t : "/tmp");
    outfile_track(path);   /* the caller removes it, and calls outfile_forget */
    int fd = mkstemp(path);
    if (fd < 0) {
        outfile_forget(path);
        diag_hint(diag_error(dl, path, 0, 0, _("cannot create a temporary font file")),
                  _("set TMPDIR to a writable folder"));
        free(path);
        return NULL;
    }
    close(fd);
    hb_set_t *set = hb_set_create();
    for (size_t i = 0; i < n; i++) hb_set_add(set, cps[i]);
    int rc = subset_to_file(&fs->faces[face_id], set, path, NULL, dl);
    hb_set_destroy(set);
    if (rc) { unlink(path); outfile_forget(path); free(path); return NULL; }
    return path;
}

int fontset_subset(fontset *fs, diag_list *dl)
{
    if (!fs->tmpdir) {
        const char *t = getenv("TMPDIR");
        char *tmpl = xasprintf("%s/junheng-fonts-XXXXXX", t && *t ? t : "/tmp");
        outfile_track(tmpl);   /* removed (once empty) on SIGINT too */
        if (!mkdtemp(tmpl)) {
            outfile_forget(tmpl);
            diag_hint(diag_error(dl, tmpl, 0, 0, _("cannot create a temporary folder for the font subsets")),
                      _("set TMPDIR to a writable folder"));
            free(tmpl);
            return -1;
        }
        fs->tmpdir = tmpl;
    }
    int rc = 0;
    for (int i = 0; i < fs->n; i++)
        if (hb_set_get_population(fs->faces[i].used) > 0 && subset_one(fs, i, dl) != 0) rc = -1;
    return rc;
}
