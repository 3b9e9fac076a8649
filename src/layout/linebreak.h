/*
 * linebreak — where a line of Chinese/Latin text may end, how wide each line
 * is once its punctuation is set as clreq asks, and where every glyph goes.
 *
 * Break opportunities come from libunibreak (UAX #14), then the GB/T 15834
 * 禁则 (domain.md §4.3) are enforced on top: no line starts with a closing or
 * stop mark (。，、；：？！”’）》〕】」』 % ‰ ℃ …), none ends with an opening mark
 * (“‘（《〔【「『 …), ——/…… stay whole, and a number stays whole with its
 * decimal point, percent sign and the character after it (96.15%, 2019年,
 * 4.5平方米), also across a space (2063 ㎡, 6006 万元).
 *
 * Punctuation (clreq, reference/clreq.md).  A full-width mark is half ink,
 * half blank; which half — or both quarters, as UMing/UKai centre 。、 — is
 * read from the glyph's ink box (lb_item.ink_l/ink_r), so a squeeze removes
 * blank only and never moves ink into a neighbour.  Fixed rules, whatever
 * the line's width:
 *   - adjacent marks: closing/stop + closing/stop (。” ”， ），) lose the
 *     first mark's blank (1.5 em); closing/stop + opening (，“ 。（) lose both
 *     blanks between them (1 em); opening + opening (（《) lose the second's;
 *   - line end: a closing/stop mark loses its trailing blank, its ink ends on
 *     the margin; line start: an opening mark loses its leading blank.
 * Then, only when a line must take more than fits, the other marks of the
 * line give up their remaining blank evenly (never one mark alone while the
 * others stay full).  Justification puts the extra space between ideographs
 * and at ideograph/Latin boundaries, never inside a run of digits, a Latin
 * word, a number with its unit, or a pair of marks.
 *
 * Breaking is total-fit (each paragraph at once, as TeX does): the lines
 * minimise stretch per gap, squeeze where stretch would pass max_stretch, and
 * the last line of a paragraph is never a single ideograph (with or without
 * its punctuation) when the paragraph has more than one line.
 */
#ifndef JH_LINEBREAK_H
#define JH_LINEBREAK_H

#include <stdint.h>

/* LB_SOFT: a break only to avoid a loose line (between a year and 年/月/日:
 * 2014|年, which a typesetter splits rather than open a line by 3 pt a gap). */
enum { LB_NO = 0, LB_ALLOW = 1, LB_MUST = 2, LB_SOFT = 3 };
/* Punctuation classes (clreq §1). */
enum { LB_PC_NONE = 0, LB_PC_OPEN, LB_PC_CLOSE, LB_PC_STOP };

/* One character to set. */
typedef struct lb_item {
    uint32_t cp;
    int face;          /* fontset face id */
    float size;        /* pt */
    float adv;         /* advance in pt, as set on the grid (font advance + tracking) */
    float ink_l, ink_r; /* the glyph's ink from its origin, pt (both 0: no ink known) */
    unsigned char cls; /* LB_PC_*: lb_punct_class(cp) */
    unsigned char brk; /* LB_*: may the line end after this item? */
    unsigned char space; /* a space: dropped at either end of a line */
    int tag;           /* caller's (e.g. run index) */
} lb_item;

typedef struct lb_line {
    int start, end;    /* items [start, end), ends trimmed of spaces */
    double natural;    /* width as set, punctuation rules applied, no stretch or squeeze */
    double shrink;     /* what the line's other marks could still give up */
    int forced;        /* 1 if the line ends at a mandatory break or the text end */
} lb_line;

/* 1 if cp may not start a line; 1 if cp may not end a line. */
int lb_no_start(uint32_t cp);
int lb_no_end(uint32_t cp);
/* LB_PC_* of cp. */
int lb_punct_class(uint32_t cp);

/* brk[i] for i in [0, n): may a line end after cps[i] (LB_*); the last is LB_MUST. */
void lb_opportunities(const uint32_t *cps, int n, unsigned char *brk);

/* Break items into lines: the first line is first_width wide, the others
 * width.  justify: lines other than a paragraph's last are stretched to the
 * width (so breaking minimises their stretch); else lines are ragged (the
 * fewest lines, then the most even).  Returns the number of lines; *lines is
 * malloc'd (caller frees). */
int lb_fill(const lb_item *it, int n, double first_width, double width, int justify, lb_line **lines);

/* Where each glyph of l goes: x[k] is the origin of item l->start + k from
 * the left of the measure.  Squeezes when natural > width; stretches to the
 * width when justify and the line is not forced.  Returns the width the
 * line takes (for centring). */
double lb_set_line(const lb_item *it, const lb_line *l, double width, int justify, double *x);

/* Largest stretch per gap (pt) that lb_fill accepts before it squeezes or
 * re-breaks; a line looser than this is a last resort. */
#define LB_MAX_STRETCH 1.0

#endif
