/*
 * fontset — faces through HarfBuzz: coverage (nominal glyph), advances
 * (h_advance at the unit scale) and the subsetter.  The PDF back end embeds
 * the in-memory subsets itself; their dense glyph numbering also keeps clear
 * of libharu 2.3.0's composite-glyph bug (glyph ids > 32767).
 */
#include "layout/fontset.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <hb.h>
#include <hb-ot.h>
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
    float *ink;        /* ink box of the punctuation blocks, ems, 2 a mark (fontset_ink) */
} face;

struct fontset {
    face *faces;
    int n, cap;
    int role[ROLE_COUNT];   /* face id, -1 unset */
    int *fallback;
    int nfb, fbcap;
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
        hb_set_destroy(f->used);
        free(f->ink);
        hb_font_destroy(f->font);
        hb_face_destroy(f->face);
        hb_blob_destroy(f->blob);
        free(f->path);
    }
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

/* The punctuation blocks whose ink boxes are read once per face: general
 * punctuation (quotes, dashes, ellipsis), CJK symbols (。、《》「」…) and the
 * full-width forms (，；：？！（）).  The layout asks for these marks on
 * every line it breaks; everything else is read on demand. */
static const uint32_t INK_BLOCK[][2] = { {0x2010, 0x2027}, {0x3000, 0x303F}, {0xFF00, 0xFF65} };
#define INK_NBLOCK (sizeof INK_BLOCK / sizeof INK_BLOCK[0])

static int ink_slot(uint32_t cp)
{
    int base = 0;
    for (size_t b = 0; b < INK_NBLOCK; b++) {
        if (cp >= INK_BLOCK[b][0] && cp <= INK_BLOCK[b][1]) return base + (int)(cp - INK_BLOCK[b][0]);
        base += (int)(INK_BLOCK[b][1] - INK_BLOCK[b][0] + 1);
    }
    return -1;
}

/* Left and right ink edge of cp from the glyph origin, in ems (0, 0 for a
 * glyph without ink or a missing one). */
static void ink_read(const face *f, uint32_t cp, float *l, float *r)
{
    hb_codepoint_t g = 0;
    hb_glyph_extents_t e;
    *l = *r = 0;
    if (!hb_font_get_nominal_glyph(f->font, cp, &g) || g == 0) return;
    if (!hb_font_get_glyph_extents(f->font, g, &e) || e.width == 0) return;
    double x0 = e.x_bearing, x1 = (double)e.x_bearing + e.width;
    if (x1 < x0) { double t = x0; x0 = x1; x1 = t; }
    *l = (float)(x0 / f->upem);
    *r = (float)(x1 / f->upem);
}

static void ink_cache(face *f)
{
    int n = 0;
    for (size_t b = 0; b < INK_NBLOCK; b++) n += (int)(INK_BLOCK[b][1] - INK_BLOCK[b][0] + 1);
    f->ink = xmalloc((size_t)n * 2 * sizeof *f->ink);
    for (size_t b = 0; b < INK_NBLOCK; b++)
        for (uint32_t cp = INK_BLOCK[b][0]; cp <= INK_BLOCK[b][1]; cp++) {
            int k = ink_slot(cp);
            ink_read(f, cp, &f->ink[2 * k], &f->ink[2 * k + 1]);
        }
}

void fontset_ink(const fontset *fs, int face_id, uint32_t cp, double *left, double *right)
{
    const face *f = &fs->faces[face_id];
    int k = ink_slot(cp);
    float l, r;
    if (k >= 0) { l = f->ink[2 * k]; r = f->ink[2 * k + 1]; }
    else ink_read(f, cp, &l, &r);
    *left = l;
    *right = r;
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
    ink_cache(f);
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

static int16_t be16(const char *p) { return (int16_t)((unsigned char)p[0] << 8 | (unsigned char)p[1]); }

/* Descriptor metrics and the PostScript name of face f, in 1/1000 em. */
static void metrics(const face *f, font_subset *out)
{
    double k = 1000.0 / f->upem;
    hb_position_t v;
    hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned hl = 0;
    const char *h = hb_blob_get_data(head, &hl);
    if (h && hl >= 44)
        for (int i = 0; i < 4; i++) out->bbox[i] = (int)(be16(h + 36 + 2 * i) * k);
    hb_blob_destroy(head);
    out->ascent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)
                  ? (int)(v * k) : out->bbox[3];
    out->descent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)
                   ? (int)(v * k) : out->bbox[1];
    out->cap_height = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0
                      ? (int)(v * k) : out->ascent;
    unsigned len = sizeof out->psname;
    out->psname[0] = 0;
    hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, out->psname);
    /* a PDF name: printable ASCII without delimiters */
    for (char *p = out->psname; *p; p++)
        if (*p <= 0x20 || *p >= 0x7F || strchr("()<>[]{}/%#", *p)) *p = '-';
}

int fontset_subset_cps(const fontset *fs, int face_id, const uint32_t *cps, size_t n, font_subset *out,
                       diag_list *dl)
{
    const face *f = &fs->faces[face_id];
    memset(out, 0, sizeof *out);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return -1;
    hb_set_t *u = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++) hb_set_add(u, cps[i]);
    /* hinting is useless at print resolution and is half of some faces */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    static const hb_tag_t drop[] = {
        HB_TAG('c','m','a','p'), HB_TAG('n','a','m','e'), HB_TAG('p','o','s','t'),
        HB_TAG('G','S','U','B'), HB_TAG('G','P','O','S'), HB_TAG('G','D','E','F'),
        HB_TAG('B','A','S','E'), HB_TAG('J','S','T','F'), HB_TAG('M','A','T','H'),
        HB_TAG('v','h','e','a'), HB_TAG('v','m','t','x'), HB_TAG('V','O','R','G'),
        HB_TAG('k','e','r','n'), HB_TAG('g','a','s','p'), HB_TAG('h','d','m','x'),
        HB_TAG('L','T','S','H'), HB_TAG('V','D','M','X'), HB_TAG('D','S','I','G'),
        HB_TAG('m','e','t','a'), HB_TAG('P','C','L','T'), HB_TAG('O','S','/','2'),
    };
    hb_set_t *dt = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) hb_set_add(dt, drop[i]);
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->face, in);
    hb_subset_input_destroy(in);
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    hb_blob_t *blob = sub ? hb_face_reference_blob(sub) : NULL;
    unsigned len = 0;
    const char *data = blob ? hb_blob_get_data(blob, &len) : NULL;
    if (!data || !len) {
        diag_error(dl, f->path, 0, 0, _("HarfBuzz could not subset font %s (face %d)"), f->path, f->index);
        hb_blob_destroy(blob);
        hb_face_destroy(sub);
        hb_subset_plan_destroy(plan);
        return -1;
    }
    const hb_map_t *o2n = hb_subset_plan_old_to_new_glyph_mapping(plan);
    out->gid = xcalloc(n ? n : 1, sizeof *out->gid);
    out->adv = xcalloc(n ? n : 1, sizeof *out->adv);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        hb_font_get_nominal_glyph(f->font, cps[i], &g);
        hb_codepoint_t ng = hb_map_get(o2n, g);
        out->gid[i] = ng == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)ng;
        /* libharu's rule (advance * 1000 / upem, truncated), so that text
         * sits where it always did */
        out->adv[i] = (int)((uint32_t)hb_font_get_glyph_h_advance(f->font, g) * 1000u / (uint32_t)f->upem);
    }
    metrics(f, out);
    out->data = (const unsigned char *)data;
    out->len = len;
    out->priv = blob;
    hb_face_destroy(sub);
    hb_subset_plan_destroy(plan);
    return 0;
}

void font_subset_free(font_subset *s)
{
    if (!s) return;
    hb_blob_destroy(s->priv);
    free(s->gid);
    free(s->adv);
    memset(s, 0, sizeof *s);
}
