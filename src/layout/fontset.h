/*
 * fontset — the faces a layout draws with, by role, with per-character
 * fallback, coverage, metrics and real subsetting (HarfBuzz).
 *
 * A fontset is built once and may be shared by many documents:
 *   1. fontset_new + fontset_set_role / fontset_add_fallback (or fontset_from_style)
 *   2. lay out every document (layout_doc): each glyph drawn is recorded with
 *      fontset_use (not thread-safe: lay out documents one after the other);
 *   3. write each PDF (pdf/pdf.h): the writer cuts each face down to what
 *      that PDF draws (fontset_subset_cps), in memory, reading the fontset
 *      only, so separate documents may be written from separate threads;
 *   4. fontset_free.
 *
 * Faces are TrueType (glyf) files or collections; CFF-flavoured OpenType is
 * refused (libharu cannot embed it).  Faces are deduplicated by file + index.
 */
#ifndef JH_FONTSET_H
#define JH_FONTSET_H

#include <stdint.h>
#include "common/diag.h"

typedef enum {
    ROLE_TITLE, ROLE_BODY, ROLE_HEADING1, ROLE_HEADING2, ROLE_TABLE, ROLE_PAGENUM,
    ROLE_COUNT
} font_role;

extern const char *const font_role_names[ROLE_COUNT]; /* "title", "body", ... (INI keys) */

typedef struct fontset fontset;

fontset *fontset_new(void);
void fontset_free(fontset *fs);

/* Open a face (file + collection index).  Returns the face id (>= 0) or -1
 * with a diagnostic naming `where` (e.g. "report.ini:12" or NULL). */
int fontset_open(fontset *fs, const char *path, int index, const char *where, diag_list *dl);
/* The primary face of a role, and the faces tried after it (in order) when the
 * role's face lacks a character.  0 / -1. */
int fontset_set_role(fontset *fs, font_role role, const char *path, int index,
                     const char *where, diag_list *dl);
int fontset_add_fallback(fontset *fs, const char *path, int index, const char *where, diag_list *dl);

/* The face that draws cp in role (the role's face, else the first fallback
 * that has it), or -1 if none has it.  Does not record use. */
int fontset_face_for(const fontset *fs, font_role role, uint32_t cp);
/* Advance of cp in face, in ems (1.0 = the font size). */
double fontset_advance(const fontset *fs, int face, uint32_t cp);
/* Where the ink of cp sits in face: its left and right edge from the glyph
 * origin, in ems (0, 0 if the glyph has no ink).  Punctuation is read once
 * per face when it is opened; other characters are read on demand.  The
 * layout squeezes a mark on its blank side only (UMing centres 。 and 、).
 * Reads only: thread-safe. */
void fontset_ink(const fontset *fs, int face, uint32_t cp, double *left, double *right);
/* Record that face draws cp (for the subset).  Thread-safe. */
void fontset_use(fontset *fs, int face, uint32_t cp);
/* Stop recording: after the subset, a second layout of the same documents
 * (e.g. to write them one by one without keeping every layout in memory)
 * draws nothing new, and then lays out without taking the lock. */
void fontset_freeze(fontset *fs);

int fontset_nfaces(const fontset *fs);
const char *fontset_face_path(const fontset *fs, int face);
/* Number of distinct code points recorded for face. */
unsigned fontset_used_count(const fontset *fs, int face);

/* A face cut down, in memory, to what one PDF draws: the code points
 * cps[0..n) (any order, no duplicates).  Glyphs are renumbered densely,
 * hinting and every table a PDF viewer does not read (cmap, name, post,
 * OS/2, layout and vertical tables) are dropped: a CIDFontType2 program is
 * reached through the PDF's own CIDToGIDMap, widths and ToUnicode, and needs
 * only head, hhea, maxp, loca, glyf and hmtx (ISO 32000-1 §9.9).  Reads the fontset only; thread-safe. */
typedef struct font_subset {
    const unsigned char *data;   /* the TrueType program */
    size_t len;
    uint16_t *gid;               /* gid[i]: cps[i]'s glyph in the subset (0: none) */
    int *adv;                    /* adv[i]: cps[i]'s advance in 1/1000 em, truncated */
    char psname[64];             /* PostScript name (sanitised), "" if none */
    int ascent, descent, cap_height, bbox[4];   /* 1/1000 em */
    void *priv;                  /* owns data */
} font_subset;
int fontset_subset_cps(const fontset *fs, int face, const uint32_t *cps, size_t n, font_subset *out,
                       diag_list *dl);
void font_subset_free(font_subset *s);

#endif
