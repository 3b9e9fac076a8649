/*
 * sfnt — a dense cmap for the subset fonts libharu embeds.
 *
 * libharu 2.3.0 builds the CIDToGIDMap of every embedded font by looking up
 * all 65,536 BMP code points, each with a linear scan over the format-4 cmap
 * segments (HPDF_TTFontDef_GetGlyphid).  A subset of scattered Chinese
 * characters has one segment per character, so that is some five million
 * comparisons per font per PDF: a quarter of the time of a one-page sheet.
 * Rewriting the cmap as a few dense segments (gaps filled with glyph 0 in the
 * glyph array) makes every lookup stop within a handful of segments.  PDF
 * viewers never read this cmap (the CIDToGIDMap replaces it), so it only has
 * to be right for libharu and for the tools that inspect the file.
 */
#ifndef JH_SFNT_H
#define JH_SFNT_H

#include <stddef.h>
#include <stdint.h>

/* Rebuild the TrueType font in font[0..len) with a cmap holding only a
 * (3,1) format-4 subtable that maps cps[i] to gids[i] (n entries, BMP code
 * points, sorted ascending, no duplicates).  Returns a new buffer (malloc'd,
 * *outlen bytes), or NULL if the font cannot be parsed or the mapping would
 * not fit a format-4 table; the caller then keeps the original. */
unsigned char *sfnt_dense_cmap(const unsigned char *font, size_t len, const uint32_t *cps,
                               const uint16_t *gids, size_t n, size_t *outlen);

#endif
