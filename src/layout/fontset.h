/*
 * fontset — the faces a layout draws with, by role, with per-character
 * fallback, coverage, metrics and real subsetting (HarfBuzz).
 *
 * A fontset is built once and may be shared by many documents:
 *   1. fontset_new + fontset_set_role / fontset_add_fallback (or fontset_from_style)
 *   2. lay out every document (layout_doc): each glyph drawn is recorded with
 *      fontset_use (not thread-safe: lay out documents one after the other);
 *   3. fontset_subset once: every face is cut down to the union of the code
 *      points all documents drew, written to a private temporary folder;
 *   4. write each PDF (pdf_write) — reading the fontset only, so separate
 *      documents may be written from separate threads;
 *   5. fontset_free removes the temporary files.
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

/* Subset every used face to the code points recorded so far.  0 / -1.  May be
 * called again after more use (it redoes the work). */
int fontset_subset(fontset *fs, diag_list *dl);
/* A subset of face for exactly the code points cps[0..n), in a new temporary
 * file: for one document of many written in parallel (each its own, smallest
 * font).  Reads the fontset only; thread-safe.  Returns the path (the caller
 * removes the file, calls outfile_forget and frees the string), or NULL with
 * a diagnostic.  The file is tracked for removal on SIGINT (outfile_track). */
char *fontset_subset_cps(const fontset *fs, int face, const uint32_t *cps, size_t n, diag_list *dl);
/* The subset file of face (NULL if the face draws nothing or no subset yet). */
const char *fontset_subset_file(const fontset *fs, int face);
/* Bytes of the subset file (0 if none). */
long fontset_subset_size(const fontset *fs, int face);

#endif
