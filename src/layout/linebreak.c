/* linebreak — UAX #14 + 禁则 + greedy fill with squeeze; see linebreak.h. */
#include "layout/linebreak.h"
#include "common/xalloc.h"

#include <linebreak.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static int in_list(uint32_t cp, const uint32_t *list)
{
    for (; *list; list++)
        if (*list == cp) return 1;
    return 0;
}

/* GB/T 15834 §5.1 plus Word's zh-CN kinsoku defaults (domain.md §4.3). */
static const uint32_t NO_START[] = {
    0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,          /* 。，、；：？！ */
    0x201D, 0x2019, 0xFF09, 0x3015, 0x3011, 0x300B, 0x3009,          /* ”’）〕】》〉 */
    0x300D, 0x300F, 0x3017, 0x3019, 0x301B, 0xFF3D, 0xFF5D,          /* 」』〗〙〛］｝ */
    0x2013, 0xFF5E, 0x301C, 0xFF0D,                                  /* – ～ 〜 － */
    0x00B7, 0x30FB, 0x2027,                                          /* · ・ ‧ */
    0x002F, 0xFF0F,                                                  /* / ／ */
    0x0025, 0xFF05, 0x2030, 0x2103, 0x00B0,                          /* % ％ ‰ ℃ ° */
    0x002C, 0x002E, 0x003B, 0x003A, 0x003F, 0x0021, 0x0029, 0x005D, 0x007D,
    0xFF0E, 0x2026, 0x22EF, 0x00B2, 0x00B3,                          /* ． … ⋯ ² ³ */
    0
};
static const uint32_t NO_END[] = {
    0x201C, 0x2018, 0xFF08, 0x3014, 0x3010, 0x300A, 0x3008,          /* “‘（〔【《〈 */
    0x300C, 0x300E, 0x3016, 0x3018, 0x301A, 0xFF3B, 0xFF5B,          /* 「『〖〘〚［｛ */
    0x0028, 0x005B, 0x007B, 0xFFE5, 0x00A5, 0x0024, 0x00A3, 0xFF04,  /* ( [ { ￥ ¥ $ £ ＄ */
    0x002F, 0xFF0F,                                                  /* / ／ */
    0
};
static const uint32_t OPEN[] = {
    0x201C, 0x2018, 0xFF08, 0x3014, 0x3010, 0x300A, 0x3008, 0x300C, 0x300E, 0x3016, 0x3018,
    0x301A, 0xFF3B, 0xFF5B, 0
};
static const uint32_t CLOSE[] = {
    0x201D, 0x2019, 0xFF09, 0x3015, 0x3011, 0x300B, 0x3009, 0x300D, 0x300F, 0x3017, 0x3019,
    0x301B, 0xFF3D, 0xFF5D, 0
};
static const uint32_t STOP[] = {
    0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF0E, 0
};

int lb_no_start(uint32_t cp) { return in_list(cp, NO_START); }
int lb_no_end(uint32_t cp) { return in_list(cp, NO_END); }
int lb_punct_class(uint32_t cp)
{
    return in_list(cp, OPEN) ? LB_PC_OPEN : in_list(cp, CLOSE) ? LB_PC_CLOSE
         : in_list(cp, STOP) ? LB_PC_STOP : LB_PC_NONE;
}

static int is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static int is_space(uint32_t c) { return c == ' ' || c == 0x3000 || c == 0x2002 || c == 0x00A0; }
static int is_ideograph(uint32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF); }
/* A unit written after a number and a space: m², ㎡, ℃, %, 万元, 人. */
static int is_unit_start(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x3380 && c <= 0x33DF)
        || c == '%' || c == 0xFF05 || c == 0x2030 || c == 0x2103 || c == 0x00B0 || is_ideograph(c);
}

/* Number runs: digits with their separators, sign and the unit after them. */
static int number_glue(uint32_t a, uint32_t b, uint32_t before_a)
{
    if (is_digit(a) && (is_digit(b) || b == '.' || b == ',' || b == ':' || b == 0xFF0E))
        return 1;
    if ((a == '.' || a == ',' || a == ':' || a == 0xFF0E) && is_digit(b) && is_digit(before_a))
        return 1;
    if (is_digit(a) && !is_space(b) && !lb_no_end(b) && b != 0x2014)
        return 1;               /* 2019年, 96.15%, 4.5平方米, 45人 */
    if (is_digit(a) && b == 0x2014) return 1;   /* 200—500 */
    if (a == 0x2014 && is_digit(b)) return 1;
    return 0;
}

/* libunibreak searches its property tables linearly until init_linebreak()
 * has indexed them: once per process, from whichever thread comes first. */
static pthread_once_t lb_once = PTHREAD_ONCE_INIT;

void lb_opportunities(const uint32_t *cps, int n, unsigned char *brk)
{
    pthread_once(&lb_once, init_linebreak);
    if (n <= 0) return;
    char *ub = xmalloc((size_t)n);
    set_linebreaks_utf32((const utf32_t *)cps, (size_t)n, "zh", ub);
    for (int i = 0; i < n; i++) {
        unsigned char b = ub[i] == LINEBREAK_MUSTBREAK ? LB_MUST
                        : ub[i] == LINEBREAK_ALLOWBREAK ? LB_ALLOW : LB_NO;
        if (i + 1 < n && b == LB_ALLOW) {
            uint32_t a = cps[i], c = cps[i + 1];
            if (lb_no_end(a) || lb_no_start(c)) b = LB_NO;
            else if (number_glue(a, c, i > 0 ? cps[i - 1] : 0))
                b = is_digit(a) && (c == 0x5E74 || c == 0x6708 || c == 0x65E5) ? LB_SOFT : LB_NO;
            else if ((a == 0x2014 && c == 0x2014) || (a == 0x2026 && c == 0x2026)) b = LB_NO;
            /* 2063 ㎡, 6006 万元: the space is not a place to break */
            else if (is_space(a) && i > 0 && is_digit(cps[i - 1]) && is_unit_start(c)) b = LB_NO;
        }
        /* a line break inside a paragraph would come from a hard break only */
        if (b == LB_MUST && i + 1 < n && !(cps[i] == '\n' || cps[i] == 0x2028)) b = LB_ALLOW;
        brk[i] = b;
    }
    brk[n - 1] = LB_MUST;
    free(ub);
}


/* ---- punctuation widths (clreq §2–3) ----
 * Every item of a line gets L and R: the blank it gives up on its left and
 * right side.  Its origin moves left by L, its advance shrinks by L + R. */

#define KEEP 0.06    /* em of white a squeezed mark keeps next to its ink */
#define EPS 0.01

static int closing_or_stop(int cls) { return cls == LB_PC_CLOSE || cls == LB_PC_STOP; }

/* The ink of a mark; a face that gave none is assumed to set the
 * Mainland way (opening marks ink right, the others ink left). */
static void mark_ink(const lb_item *x, double *l, double *r)
{
    if (x->ink_r > x->ink_l) { *l = x->ink_l; *r = x->ink_r; return; }
    if (x->cls == LB_PC_OPEN) { *l = x->adv * 0.5; *r = x->adv; }
    else { *l = 0; *r = x->adv * 0.5; }
}
static double blank_l(const lb_item *x)
{
    if (!x->cls) return 0;
    double l, r;
    mark_ink(x, &l, &r);
    return fmax(0, l);
}
static double blank_r(const lb_item *x)
{
    if (!x->cls) return 0;
    double l, r;
    mark_ink(x, &l, &r);
    return fmax(0, x->adv - r);
}

/* What x could still give up (at most half an em in all, KEEP kept by the ink). */
static double avail(const lb_item *x, double L, double R)
{
    if (!x->cls) return 0;
    double keep = KEEP * x->size;
    double total = fmax(0, 0.5 * x->size - L - R);
    double a = fmax(0, blank_l(x) - keep - L) + fmax(0, blank_r(x) - keep - R);
    return fmin(total, a);
}

/* Take up to want from x's blank, from one side first (a closing or stop
 * mark's right, an opening mark's left), then from the other. */
static double take(const lb_item *x, double want, double *L, double *R)
{
    want = fmin(want, avail(x, *L, *R));
    if (want <= 0) return 0;
    double keep = KEEP * x->size;
    double ar = fmax(0, blank_r(x) - keep - *R), al = fmax(0, blank_l(x) - keep - *L);
    double got = 0, t;
    if (x->cls == LB_PC_OPEN) {
        t = fmin(want, al); *L += t; got += t;
        t = fmin(want - got, ar); *R += t; got += t;
    } else {
        t = fmin(want, ar); *R += t; got += t;
        t = fmin(want - got, al); *L += t; got += t;
    }
    return got;
}

/* The fixed rules for items [s, e) set as one line: line start, line end,
 * adjacent pairs.  L, R are indexed from s. */
static void line_rules(const lb_item *it, int s, int e, double *L, double *R)
{
    for (int k = s; k < e; k++) L[k - s] = R[k - s] = 0;
    if (e <= s) return;
    if (it[s].cls == LB_PC_OPEN) L[0] = blank_l(&it[s]);
    if (closing_or_stop(it[e - 1].cls)) R[e - 1 - s] = blank_r(&it[e - 1]);
    for (int k = s; k + 1 < e; k++) {
        const lb_item *a = &it[k], *b = &it[k + 1];
        double half = 0.5 * a->size;
        if (closing_or_stop(a->cls) && closing_or_stop(b->cls)) {
            take(a, half, &L[k - s], &R[k - s]);                 /* 。” ”， ），: 1.5 em */
        } else if (closing_or_stop(a->cls) && b->cls == LB_PC_OPEN) {
            take(a, half, &L[k - s], &R[k - s]);                 /* ，“ 。（: 1 em */
            take(b, 0.5 * b->size, &L[k + 1 - s], &R[k + 1 - s]);
        } else if (a->cls == LB_PC_OPEN && b->cls == LB_PC_OPEN) {
            take(b, 0.5 * b->size, &L[k + 1 - s], &R[k + 1 - s]); /* （《: 1.5 em */
        }
    }
}

static int is_western(uint32_t c)
{
    return (c > 0x20 && c < 0x7F) || (c >= 0xA1 && c < 0x2000 && c != 0xB7)
        || c == 0x2030 || c == 0x2103 || (c >= 0x3380 && c <= 0x33DF)
        || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)
        || c == 0xFF05;
}

/* May justification add space between a and b?  Not inside a run of digits
 * or a Latin word, a number and its unit (2019年, 200—500), a pair of
 * marks, ——, ……, or next to a space. */
static int stretchable(const lb_item *a, const lb_item *b)
{
    if (a->space || b->space) return 0;
    if (is_western(a->cp) && is_western(b->cp)) return 0;
    if (is_digit(a->cp) && !b->cls && (is_ideograph(b->cp) || b->cp == 0x2014)) return 0;
    if (a->cp == 0x2014 && is_digit(b->cp)) return 0;
    if (a->cls && b->cls) return 0;
    if (a->cp == b->cp && (a->cp == 0x2014 || a->cp == 0x2026)) return 0;
    return 1;
}

typedef struct metrics {
    int s, e;          /* trimmed of spaces */
    double natural;    /* width with the fixed rules */
    double shrink;     /* what the marks inside could still give */
    int gaps;          /* stretchable gaps */
} metrics;

static void measure(const lb_item *it, int i, int j, double *L, double *R, metrics *m)
{
    int s = i, e = j;
    while (s < e && it[s].space) s++;
    while (e > s && it[e - 1].space) e--;
    m->s = s; m->e = e;
    m->natural = m->shrink = 0;
    m->gaps = 0;
    line_rules(it, s, e, L, R);
    for (int k = s; k < e; k++) {
        m->natural += it[k].adv - L[k - s] - R[k - s];
        if (k + 1 < e) {
            m->shrink += avail(&it[k], L[k - s], R[k - s]);
            m->gaps += stretchable(&it[k], &it[k + 1]);
        }
    }
}

/* A last line of one ideograph, or one ideograph and its marks. */
static int lonely(const lb_item *it, const metrics *m)
{
    if (m->e <= m->s || it[m->s].cls || is_western(it[m->s].cp)) return 0;
    for (int k = m->s + 1; k < m->e; k++)
        if (!it[k].cls) return 0;
    return 1;
}

#define INFEASIBLE 1e30
#define SOFT_COST 300     /* a soft break: worse than any line within LB_MAX_STRETCH */

/* Demerits of one line of width W. */
static double line_cost(const lb_item *it, const metrics *m, double W, int last, int first, int justify)
{
    double d = W - m->natural, cost = 10;    /* 10 a line: the fewest lines first */
    if (d < -EPS) {
        if (-d > m->shrink + EPS) return INFEASIBLE;
        double f = -d / m->shrink;
        cost += 0.25 + f * f;                /* squeezing the marks is allowed, not free */
    } else if (justify && !last) {
        int g = m->gaps ? m->gaps : m->e - m->s - 1;
        if (g <= 0) cost += 1e7;             /* one item alone on a justified line */
        else {
            double st = d / g;
            cost += st <= LB_MAX_STRETCH ? st * st : 1e3 * (1 + st * st);
        }
    } else if (!justify && !last) {
        cost += (d / W) * (d / W);           /* ragged: every line but the last full */
    }
    if (last && !first && lonely(it, m)) cost += 1e5;
    return cost;
}

/* Total-fit breaking of items [s0, e0), a stretch ending at a mandatory
 * break.  Appends lines. */
static void fill_segment(const lb_item *it, int s0, int e0, double first_width, double width,
                         int justify, double *L, double *R, lb_line **lines, int *nl, int *cap)
{
    int len = e0 - s0;
    double *best = xmalloc((size_t)(len + 1) * sizeof *best);
    int *prev = xmalloc((size_t)(len + 1) * sizeof *prev);
    for (int k = 0; k <= len; k++) { best[k] = INFEASIBLE; prev[k] = -1; }
    best[0] = 0;
    metrics m;
    for (int j = s0 + 1; j <= e0; j++) {
        if (j < e0 && it[j - 1].brk == LB_NO) continue;
        int last = j == e0, found = 0, nearest = -1;
        for (int i = j - 1; i >= s0; i--) {
            if (i > s0 && it[i - 1].brk == LB_NO) continue;
            if (best[i - s0] >= INFEASIBLE) continue;
            double W = i == s0 ? first_width : width;
            measure(it, i, j, L, R, &m);
            if (nearest < 0) nearest = i;
            if (m.natural - m.shrink > W + EPS) break;  /* longer lines only get longer */
            double c = line_cost(it, &m, W, last, i == s0, justify);
            if (c >= INFEASIBLE) continue;
            if (it[j - 1].brk == LB_SOFT && j < e0) c += SOFT_COST;
            found = 1;
            if (best[i - s0] + c < best[j - s0]) { best[j - s0] = best[i - s0] + c; prev[j - s0] = i; }
        }
        /* one unbreakable run longer than the line: it overflows alone */
        if (!found && nearest >= 0) { best[j - s0] = best[nearest - s0] + 1e9; prev[j - s0] = nearest; }
    }
    /* walk back from the end */
    int count = 0;
    for (int j = e0; j > s0 && prev[j - s0] >= 0; j = prev[j - s0]) count++;
    XGROW(*lines, *cap, *nl + count);
    int k = *nl + count;
    for (int j = e0; j > s0 && prev[j - s0] >= 0; j = prev[j - s0]) {
        int i = prev[j - s0];
        measure(it, i, j, L, R, &m);
        lb_line *l = &(*lines)[--k];
        l->start = m.s; l->end = m.e; l->natural = m.natural; l->shrink = m.shrink;
        l->forced = j == e0;
    }
    *nl += count;
    free(best);
    free(prev);
}

int lb_fill(const lb_item *it, int n, double first_width, double width, int justify, lb_line **lines)
{
    int nl = 0, cap = 0;
    *lines = NULL;
    if (n <= 0) return 0;
    double *L = xmalloc((size_t)n * sizeof *L), *R = xmalloc((size_t)n * sizeof *R);
    int s = 0;
    for (int i = 0; i < n; i++)
        if (it[i].brk == LB_MUST || i == n - 1) {
            fill_segment(it, s, i + 1, s == 0 ? first_width : width, width, justify, L, R, lines, &nl, &cap);
            s = i + 1;
        }
    free(L);
    free(R);
    return nl;
}

double lb_set_line(const lb_item *it, const lb_line *l, double width, int justify, double *x)
{
    int s = l->start, e = l->end, n = e - s;
    if (n <= 0) return 0;
    double *L = xmalloc((size_t)n * sizeof *L), *R = xmalloc((size_t)n * sizeof *R);
    line_rules(it, s, e, L, R);
    double w = 0, sh = 0;
    int gaps = 0;
    for (int k = s; k < e; k++) {
        w += it[k].adv - L[k - s] - R[k - s];
        if (k + 1 < e) { sh += avail(&it[k], L[k - s], R[k - s]); gaps += stretchable(&it[k], &it[k + 1]); }
    }
    if (w > width + 1e-6 && sh > 0) {
        /* the marks of the line give up their blank evenly */
        double f = fmin(1.0, (w - width) / sh);
        for (int k = s; k + 1 < e; k++) {
            double a = avail(&it[k], L[k - s], R[k - s]);
            if (a > 0) w -= take(&it[k], a * f, &L[k - s], &R[k - s]);
        }
    }
    double per = 0;
    int all = 0;
    if (justify && !l->forced && n > 1 && w < width) {
        if (gaps == 0) { gaps = n - 1; all = 1; }
        per = (width - w) / gaps;
    }
    double pen = 0;
    for (int k = s; k < e; k++) {
        x[k - s] = pen - L[k - s];
        pen = x[k - s] + it[k].adv - R[k - s];
        if (k + 1 < e && (all || stretchable(&it[k], &it[k + 1]))) pen += per;
    }
    free(L);
    free(R);
    return pen;
}
