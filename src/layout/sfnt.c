/* sfnt — see sfnt.h.  Offsets and layouts are those of the OpenType spec. */
#include "layout/sfnt.h"

#include <stdlib.h>
#include <string.h>

static uint32_t rd32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static void wr32(unsigned char *p, uint32_t v) { p[0] = (unsigned char)(v >> 24); p[1] = (unsigned char)(v >> 16); p[2] = (unsigned char)(v >> 8); p[3] = (unsigned char)v; }
static void wr16(unsigned char *p, uint16_t v) { p[0] = (unsigned char)(v >> 8); p[1] = (unsigned char)v; }

static uint32_t checksum(const unsigned char *p, size_t len)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < len; i += 4) {
        unsigned char w[4] = {0, 0, 0, 0};
        memcpy(w, p + i, len - i < 4 ? len - i : 4);
        sum += rd32(w);
    }
    return sum;
}

typedef struct seg { uint32_t start, end; size_t first; } seg;

/* Group code points into segments whose gaps are at most `gap`. */
static size_t segments(const uint32_t *cps, size_t n, uint32_t gap, seg *out, size_t *entries)
{
    size_t ns = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        if (ns && cps[i] - out[ns - 1].end <= gap) { out[ns - 1].end = cps[i]; continue; }
        if (ns) total += out[ns - 1].end - out[ns - 1].start + 1;
        out[ns].start = out[ns].end = cps[i];
        ns++;
    }
    if (ns) total += out[ns - 1].end - out[ns - 1].start + 1;
    *entries = total;
    return ns;
}

/* The cmap table: header, one (3,1) record, a format-4 subtable. */
static unsigned char *build_cmap(const uint32_t *cps, const uint16_t *gids, size_t n, size_t *len)
{
    if (n == 0 || cps[n - 1] >= 0xFFFF) return NULL;
    seg *sg = malloc((n + 1) * sizeof *sg);
    if (!sg) return NULL;
    static const uint32_t gaps[] = {256, 64, 16, 4, 1};
    size_t ns = 0, entries = 0, sub = 0;
    for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        ns = segments(cps, n, gaps[g], sg, &entries);
        sub = 16 + 8 * (ns + 1) + 2 * entries;
        if (sub <= 0xFFFF) break;
    }
    if (sub > 0xFFFF) { free(sg); return NULL; }
    size_t segc = ns + 1;                 /* + the 0xFFFF sentinel */
    *len = 12 + sub;
    unsigned char *t = calloc(1, *len);
    if (!t) { free(sg); return NULL; }
    wr16(t, 0); wr16(t + 2, 1);           /* version, one encoding record */
    wr16(t + 4, 3); wr16(t + 6, 1); wr32(t + 8, 12);
    unsigned char *s = t + 12;
    uint16_t sr = 2, es = 0;
    while ((size_t)sr * 2 <= segc) { sr *= 2; es++; }
    wr16(s, 4); wr16(s + 2, (uint16_t)sub); wr16(s + 4, 0);
    wr16(s + 6, (uint16_t)(2 * segc)); wr16(s + 8, sr); wr16(s + 10, es);
    wr16(s + 12, (uint16_t)(2 * segc - sr));
    unsigned char *endc = s + 14, *startc = endc + 2 * segc + 2, *delta = startc + 2 * segc;
    unsigned char *range = delta + 2 * segc, *glyphs = range + 2 * segc;
    size_t at = 0, k = 0;
    for (size_t i = 0; i < ns; i++) {
        wr16(endc + 2 * i, (uint16_t)sg[i].end);
        wr16(startc + 2 * i, (uint16_t)sg[i].start);
        /* idRangeOffset: bytes from this entry to the segment's first glyph id */
        wr16(range + 2 * i, (uint16_t)(2 * (segc - i) + 2 * at));
        for (uint32_t cp = sg[i].start; cp <= sg[i].end; cp++) {
            uint16_t gid = 0;
            if (k < n && cps[k] == cp) gid = gids[k++];
            wr16(glyphs + 2 * at++, gid);
        }
    }
    wr16(endc + 2 * ns, 0xFFFF);
    wr16(startc + 2 * ns, 0xFFFF);
    wr16(delta + 2 * ns, 1);              /* 0xFFFF + 1 = glyph 0 */
    free(sg);
    return t;
}

unsigned char *sfnt_dense_cmap(const unsigned char *font, size_t len, const uint32_t *cps,
                               const uint16_t *gids, size_t n, size_t *outlen)
{
    if (len < 12) return NULL;
    uint16_t nt = rd16(font + 4);
    if (nt == 0 || len < 12 + 16 * (size_t)nt) return NULL;
    size_t clen;
    unsigned char *cmap = build_cmap(cps, gids, n, &clen);
    if (!cmap) return NULL;
    /* size of the new file: directory + every table padded to 4 bytes */
    size_t total = 12 + 16 * (size_t)nt;
    int has_cmap = 0;
    for (uint16_t i = 0; i < nt; i++) {
        const unsigned char *r = font + 12 + 16 * i;
        uint32_t off = rd32(r + 8), l = rd32(r + 12);
        if ((size_t)off + l > len) { free(cmap); return NULL; }
        if (!memcmp(r, "cmap", 4)) { l = (uint32_t)clen; has_cmap = 1; }
        total += (l + 3) & ~3u;
    }
    if (!has_cmap) { free(cmap); return NULL; }
    unsigned char *out = calloc(1, total);
    if (!out) { free(cmap); return NULL; }
    memcpy(out, font, 12);
    size_t at = 12 + 16 * (size_t)nt, head_at = 0;
    for (uint16_t i = 0; i < nt; i++) {
        const unsigned char *r = font + 12 + 16 * i;
        unsigned char *w = out + 12 + 16 * i;
        const unsigned char *src = font + rd32(r + 8);
        uint32_t l = rd32(r + 12);
        if (!memcmp(r, "cmap", 4)) { src = cmap; l = (uint32_t)clen; }
        memcpy(out + at, src, l);
        if (!memcmp(r, "head", 4) && l >= 12) { head_at = at; wr32(out + at + 8, 0); }
        memcpy(w, r, 4);
        wr32(w + 4, checksum(out + at, l));
        wr32(w + 8, (uint32_t)at);
        wr32(w + 12, l);
        at += (l + 3) & ~3u;
    }
    if (head_at) wr32(out + head_at + 8, 0xB1B0AFBAu - checksum(out, total));
    free(cmap);
    *outlen = total;
    return out;
}
