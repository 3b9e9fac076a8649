/*
 * linebreak — where a line of Chinese/Latin text may end, and how to fill
 * lines of a given width.
 *
 * Break opportunities come from libunibreak (UAX #14), then the GB/T 15834
 * 禁则 (domain.md §4.3) are enforced on top: no line starts with a closing or
 * stop mark (。，、；：？！”’）》〕】」』 % ‰ ℃ …), none ends with an opening mark
 * (“‘（《〔【「『 …), ——/…… stay whole, and a number stays whole with its
 * decimal point, percent sign and the character after it (96.15%, 2019年,
 * 4.5平方米).
 *
 * Filling is greedy with one repair rule, chosen for a rigid grid: when the
 * item that no longer fits may not start a line, it is squeezed in (挤进) if
 * the stop and closing marks of the line can give up the room (each may lose
 * up to half its width); otherwise the last character is pushed down with it
 * (推出) and the line is justified wider.  Lines never overflow the width
 * unless a single unbreakable run is longer than a line.
 */
#ifndef JH_LINEBREAK_H
#define JH_LINEBREAK_H

#include <stdint.h>

enum { LB_NO = 0, LB_ALLOW = 1, LB_MUST = 2 };

/* One character to set. */
typedef struct lb_item {
    uint32_t cp;
    int face;          /* fontset face id */
    float size;        /* pt */
    float adv;         /* advance in pt, as set on the grid (font advance + tracking) */
    float shrink;      /* pt it may lose when squeezed (0 for most characters) */
    unsigned char brk; /* LB_*: may the line end after this item? */
    unsigned char space; /* a space: dropped at either end of a line */
    int tag;           /* caller's (e.g. run index) */
} lb_item;

typedef struct lb_line {
    int start, end;    /* items [start, end), ends trimmed of spaces */
    double natural;    /* sum of advances */
    double shrink;     /* shrink available (all but the last item) */
    int forced;        /* 1 if the line ends at a mandatory break or the text end */
} lb_line;

/* 1 if cp may not start a line; 1 if cp may not end a line. */
int lb_no_start(uint32_t cp);
int lb_no_end(uint32_t cp);
/* Half of a full-width stop/closing mark is blank: it may be squeezed. */
int lb_squeezable(uint32_t cp);

/* brk[i] for i in [0, n): may a line end after cps[i] (LB_*); the last is LB_MUST. */
void lb_opportunities(const uint32_t *cps, int n, unsigned char *brk);

/* Fill lines: the first line is first_width wide, the others width.  Returns
 * the number of lines; *lines is malloc'd (caller frees). */
int lb_fill(const lb_item *it, int n, double first_width, double width, lb_line **lines);

#endif
