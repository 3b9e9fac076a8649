/* linebreak — UAX #14 + 禁则 + greedy fill with squeeze; see linebreak.h. */
#include "layout/linebreak.h"
#include "common/xalloc.h"

#include <linebreak.h>
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
static const uint32_t SQUEEZE[] = {
    0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
    0x201D, 0x2019, 0xFF09, 0x3015, 0x3011, 0x300B, 0x3009, 0x300D, 0x300F, 0x3017,
    0
};

int lb_no_start(uint32_t cp) { return in_list(cp, NO_START); }
int lb_no_end(uint32_t cp) { return in_list(cp, NO_END); }
int lb_squeezable(uint32_t cp) { return in_list(cp, SQUEEZE); }

static int is_digit(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
static int is_space(uint32_t c) { return c == ' ' || c == 0x3000 || c == 0x2002 || c == 0x00A0; }

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
            else if (number_glue(a, c, i > 0 ? cps[i - 1] : 0)) b = LB_NO;
            else if ((a == 0x2014 && c == 0x2014) || (a == 0x2026 && c == 0x2026)) b = LB_NO;
        }
        /* a line break inside a paragraph would come from a hard break only */
        if (b == LB_MUST && i + 1 < n && !(cps[i] == '\n' || cps[i] == 0x2028)) b = LB_ALLOW;
        brk[i] = b;
    }
    brk[n - 1] = LB_MUST;
    free(ub);
}

static void push(lb_line **lines, int *n, int *cap, const lb_item *it, int s, int e, int forced)
{
    while (s < e && it[s].space) s++;
    while (e > s && it[e - 1].space) e--;
    XGROW(*lines, *cap, *n + 1);
    lb_line *l = &(*lines)[(*n)++];
    l->start = s; l->end = e; l->forced = forced;
    l->natural = l->shrink = 0;
    for (int i = s; i < e; i++) { l->natural += it[i].adv; l->shrink += i + 1 < e ? it[i].shrink : 0; }
}

int lb_fill(const lb_item *it, int n, double first_width, double width, lb_line **lines)
{
    int nl = 0, cap = 0;
    *lines = NULL;
    int s = 0;
    const double eps = 0.01;
    while (s < n) {
        double avail = nl == 0 ? first_width : width;
        double w = 0, sh = 0;
        int last_ok = -1, i, end = -1, forced = 0;
        for (i = s; i < n; i++) {
            w += it[i].adv;
            sh += it[i].shrink;
            double wt = w;               /* trailing spaces do not count */
            if (it[i].space) wt -= it[i].adv;
            if (wt > avail + eps && i > s) {
                /* 挤进: the overflowing item may not start a line: squeeze it in */
                /* the last mark keeps its full width so its em box stays inside */
                if (lb_no_start(it[i].cp) && wt - (sh - it[i].shrink) <= avail + eps && it[i].brk != LB_NO) {
                    end = i + 1;
                } else if (last_ok >= s) {
                    end = last_ok + 1;   /* 推出 or an ordinary break */
                } else {
                    end = i;             /* one unbreakable run longer than the line */
                }
                break;
            }
            if (it[i].brk == LB_MUST) { end = i + 1; forced = 1; break; }
            if (it[i].brk == LB_ALLOW) last_ok = i;
        }
        if (end < 0) { end = n; forced = 1; }
        if (end >= n) forced = 1;
        push(lines, &nl, &cap, it, s, end, forced);
        s = end;
        while (s < n && it[s].space) s++;
    }
    return nl;
}
