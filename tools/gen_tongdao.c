/*
 * gen_tongdao — builds data/tongdao-2019/schools.csv, the school-level data
 * behind the built-in example, and proves that it reproduces the seed report.
 *
 * The seed report (通道侗族自治县 2019) prints only county aggregates: for each
 * 学段 eight county means and eight enrolment-weighted 差异系数, and the count
 * of school parts meeting each of ten provincial standards.  This program
 * invents school parts with plausible names and enrolments and then fits the
 * raw quantities so that every printed figure comes out exactly:
 *
 *  1. Skeleton: a fixed roster (names, nominal enrolments, whether the campus
 *     is new); enrolments get a small deterministic jitter (splitmix64).
 *  2. Shape: for each balance indicator a per-pupil profile y_i = P_i^-a ×
 *     campus factor × noise — small village schools get more per pupil, which
 *     is what makes a real county's CVs high while every school passes.
 *  3. Fit: x_i = m + s·(y_i − ȳ)/sd(y) has exactly the target weighted mean m
 *     and weighted standard deviation s = m·CV.  The exponent a is the
 *     smallest that keeps every school above its floor (the provincial
 *     standard, or a realistic minimum).
 *  4. Raw values: Q_i = x_i·P_i rounded to the unit (1 元, 1 book, 0.01 m²);
 *     a greedy search then moves single schools by ±1, ±10, … units until the
 *     achieved mean and CV sit in the middle of their display interval, never
 *     crossing a floor or a cap (qualified ≤ teachers, …).
 *  5. The remaining columns (site, building, labs, rooms, library, qualified
 *     teachers) follow from the fitted ones and the standards, and exactly one
 *     小学 — the crowded 县第一完全小学 — is left short of 生均校地.
 *
 * Output: the CSV (UTF-8, Chinese headers) to the path given, and on stdout a
 * verification table (target, achieved unrounded, displayed).  Exit 1 if any
 * displayed figure differs from the seed's.
 *
 * usage: gen_tongdao [OUT.csv]     (without OUT only the verification runs)
 */
#include "common/num.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_TEACH, K_SPORTS, K_EQUIP, K_BOOKS, K_COMP, K_TEACHERS, K_ABOVE, K_SENIOR, NK };

static const char *const k_name[NK] = {
    "teaching_area", "sports_area", "equipment_value", "books",
    "computers", "teacher_ratio", "above_degree", "senior_title",
};
/* Size of one raw unit (0.01 m² for areas) and the display scale of the
 * per-pupil value (computers are counted per 100 pupils). */
static const double k_unit[NK]  = {0.01, 0.01, 1, 1, 1, 1, 1, 1};
static const double k_scale[NK] = {1, 1, 1, 1, 100, 1, 1, 1};

#define MAXP 32

typedef struct {
    const char *name;
    int nominal;     /* enrolment before jitter */
    double campus;   /* >1: new or rebuilt campus, generous for its size */
} skel;

/* The school-level standards the data must satisfy (the values of report.ini). */
typedef struct {
    double teacher_ratio, qualified, site, building, sports, equipment, books;
    int labs, rooms;
} standard;

typedef struct {
    const char *level;          /* 小学 / 初中 */
    const char *code_prefix;
    const skel *sk;
    int n;
    double mean[NK], cv[NK];    /* the seed's printed figures */
    int mean_dec[NK];
    double floor[NK];           /* lowest per-pupil value any school may have */
    double noise[NK];           /* spread of the random part of the profile */
    standard std;
    int site_short;             /* index of the part left below 生均校地, -1 none */
    const char *composite_seed; /* what the seed printed */
} level_spec;

typedef struct {
    char code[16];
    const char *name;
    int students;
    long q[NK];                 /* raw quantities in units */
    long qualified, site_c, building_c, labs, rooms, library;  /* areas in 0.01 m² */
} part;

/* --- deterministic randomness ------------------------------------------ */

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static double uniform(uint64_t *s) { return (double)(splitmix64(s) >> 11) / 9007199254740992.0; }
/* Irwin–Hall approximation of a standard normal: plain arithmetic, so the
 * same on every libm. */
static double gauss(uint64_t *s)
{
    double t = 0;
    for (int i = 0; i < 12; i++) t += uniform(s);
    return t - 6.0;
}

/* --- the figures, computed as junheng computes them --------------------- */

static double per_pupil(const part *p, int k)
{
    return (double)p->q[k] * k_unit[k] * k_scale[k] / p->students;
}

/* County mean Σquantity/Σstudents and enrolment-weighted CV (population form). */
static void mean_cv(const part *ps, int n, int k, double *mean, double *cv)
{
    double sq = 0, sp = 0;
    for (int i = 0; i < n; i++) { sq += (double)ps[i].q[k] * k_unit[k] * k_scale[k]; sp += ps[i].students; }
    double m = sq / sp, ss = 0;
    for (int i = 0; i < n; i++) { double d = per_pupil(&ps[i], k) - m; ss += ps[i].students * d * d; }
    *mean = m;
    *cv = sqrt(ss / sp) / m;
}

static int same_display(double got, double want, int dec)
{
    char a[64], b[64];
    return strcmp(num_format(a, sizeof a, got, dec), num_format(b, sizeof b, want, dec)) == 0;
}

/* --- fitting ------------------------------------------------------------ */

/* Weighted mean and sd of y over the parts. */
static void wstats(const part *ps, int n, const double *y, double *mean, double *sd)
{
    double sp = 0, s = 0, ss = 0;
    for (int i = 0; i < n; i++) { sp += ps[i].students; s += ps[i].students * y[i]; }
    double m = s / sp;
    for (int i = 0; i < n; i++) ss += ps[i].students * (y[i] - m) * (y[i] - m);
    *mean = m;
    *sd = sqrt(ss / sp);
}

/* Lowest raw quantity part p may hold for indicator k: the floor with a small
 * margin, so no school sits exactly on a threshold. */
static long q_floor(const level_spec *L, const part *p, int k)
{
    double f = L->floor[k] * 1.002 * p->students / (k_unit[k] * k_scale[k]);
    return (long)ceil(f - 1e-9);
}
static long q_cap(const part *p, int k)
{
    return (k == K_ABOVE || k == K_SENIOR) ? p->q[K_TEACHERS] : 1000000000L;
}

/* Distance of the achieved figures from the middle of their display interval,
 * in half-intervals (below 1 means the displayed figure is right). */
static double miss(const level_spec *L, const part *ps, int k)
{
    double m, c;
    mean_cv(ps, L->n, k, &m, &c);
    double em = (m - L->mean[k]) / (0.5 * pow(10, -L->mean_dec[k]));
    double ec = (c - L->cv[k]) / 0.0005;
    return em * em + ec * ec;
}

/* Greedy repair of the rounding residue: try moving one school by ±step
 * units, or moving step units from one school to another (which keeps the
 * total, needed where the mean's interval holds a single integer total — 每百名
 * 学生计算机 at three decimals), keep the best move, until both figures sit
 * well inside their display intervals. */
static int try_move(const level_spec *L, part *ps, int k, int i, int j, long d,
                    double *best, int *bi, int *bj, long *bd)
{
    long ni = ps[i].q[k] + d, nj = j >= 0 ? ps[j].q[k] - d : 0;
    if (ni < q_floor(L, &ps[i], k) || ni > q_cap(&ps[i], k)) return 0;
    if (j >= 0 && (nj < q_floor(L, &ps[j], k) || nj > q_cap(&ps[j], k))) return 0;
    ps[i].q[k] += d;
    if (j >= 0) ps[j].q[k] -= d;
    double f = miss(L, ps, k);
    ps[i].q[k] -= d;
    if (j >= 0) ps[j].q[k] += d;
    if (f < *best) { *best = f; *bi = i; *bj = j; *bd = d; }
    return 1;
}

static int polish(const level_spec *L, part *ps, int k)
{
    static const long steps[] = {1, 2, 5, 10, 50, 100, 1000, 10000};
    for (int iter = 0; iter < 5000; iter++) {
        double best = miss(L, ps, k);
        if (best < 0.2 * 0.2) return 0;
        int bi = -1, bj = -1;
        long bd = 0;
        for (int i = 0; i < L->n; i++)
            for (size_t s = 0; s < sizeof steps / sizeof *steps; s++)
                for (int sign = -1; sign <= 1; sign += 2) {
                    long d = sign * steps[s];
                    try_move(L, ps, k, i, -1, d, &best, &bi, &bj, &bd);
                    if (sign > 0)
                        for (int j = 0; j < L->n; j++)
                            if (j != i) try_move(L, ps, k, i, j, d, &best, &bi, &bj, &bd);
                }
        if (bi < 0) return best < 0.8 * 0.8 ? 0 : -1;   /* best reachable; inside if < 1 */
        ps[bi].q[k] += bd;
        if (bj >= 0) ps[bj].q[k] -= bd;
    }
    return -1;
}

/* Fit indicator k: choose the profile exponent, scale to the exact moments,
 * round to units and polish.  `base` (may be NULL) is a per-pupil profile to
 * follow instead of P^-a (used to tie qualified-teacher counts to teachers). */
static int fit(const level_spec *L, part *ps, int k, uint64_t *rng, const double *base)
{
    int n = L->n;
    double noise[MAXP], y[MAXP], x[MAXP];
    for (int i = 0; i < n; i++) noise[i] = exp(L->noise[k] * gauss(rng));
    double target_sd = L->mean[k] * L->cv[k];
    double a_found = -1;
    for (double a = 0.02; a <= 3.0 + 1e-9; a += 0.02) {
        for (int i = 0; i < n; i++)
            y[i] = base ? base[i] * pow(ps[i].students / 500.0, -a * 0.1) * noise[i]
                        : pow(ps[i].students, -a) * (k <= K_COMP ? L->sk[i].campus : 1.0) * noise[i];
        double ym, ysd;
        wstats(ps, n, y, &ym, &ysd);
        int ok = 1;
        for (int i = 0; i < n; i++) {
            x[i] = L->mean[k] + target_sd * (y[i] - ym) / ysd;
            if (x[i] < L->floor[k] * 1.03) ok = 0;
        }
        if (ok) { a_found = a; break; }
    }
    if (a_found < 0) {
        fprintf(stderr, "gen_tongdao: %s %s: no profile keeps every school above %g\n",
                L->level, k_name[k], L->floor[k]);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        double q = x[i] * ps[i].students / (k_unit[k] * k_scale[k]);
        long v = (long)floor(q + 0.5);
        if (v < q_floor(L, &ps[i], k)) v = q_floor(L, &ps[i], k);
        if (v > q_cap(&ps[i], k)) v = q_cap(&ps[i], k);
        ps[i].q[k] = v;
    }
    if (polish(L, ps, k) != 0) {
        fprintf(stderr, "gen_tongdao: %s %s: could not settle the rounding residue\n",
                L->level, k_name[k]);
        return -1;
    }
    return 0;
}

/* The columns that are not balance indicators, derived from the fitted ones. */
static void derive(const level_spec *L, part *ps, uint64_t *rng)
{
    const standard *S = &L->std;
    for (int i = 0; i < L->n; i++) {
        part *p = &ps[i];
        int P = p->students;
        /* Qualified teachers: everyone, except that a large 初中 may carry one
         * or two teachers short of the degree as long as the rate stays met. */
        p->qualified = p->q[K_TEACHERS];
        while (p->qualified > 0 && (double)(p->qualified - 1) / p->q[K_TEACHERS] >= S->qualified + 0.002
               && p->qualified > p->q[K_TEACHERS] - 2 && P > 1000)
            p->qualified--;
        /* Buildings: teaching rooms are half to two thirds of the floor space. */
        double build = p->q[K_TEACH] * (1.5 + 0.4 * uniform(rng));
        double bmin = S->building * 1.01 * P * 100;
        if (build < bmin) build = bmin + P * 100 * 0.3 * uniform(rng);
        p->building_c = (long)ceil(build);
        /* Site: at least the sports ground plus a three-storey footprint, and
         * above the standard with room to spare — except the one short school. */
        double foot = p->q[K_SPORTS] + p->building_c / 3.0;
        double site = S->site * P * 100 * (1.04 + 0.5 * uniform(rng) + (P < 300 ? 0.6 : 0));
        if (i == L->site_short) site = S->site * P * 100 * 0.87;
        if (site < foot * 1.15) site = foot * 1.15;
        p->site_c = (long)ceil(site);
        p->labs = S->labs + (P > 1500) + (P > 2500) + (P > 800 && S->labs > 1);
        p->rooms = S->rooms;
        p->library = 1;
    }
}

/* --- checking --------------------------------------------------------------- */

static int verify(const level_spec *L, const part *ps)
{
    int bad = 0;
    double sum = 0;
    long pupils = 0;
    for (int i = 0; i < L->n; i++) pupils += ps[i].students;
    printf("\n%s  %d parts, %ld pupils\n", L->level, L->n, pupils);
    printf("  %-16s %11s %13s %11s | %7s %9s %7s\n", "indicator", "mean seed", "achieved", "shown",
           "cv seed", "achieved", "shown");
    for (int k = 0; k < NK; k++) {
        double m, c;
        char ms[32], cs[32], seed_m[32], seed_c[32];
        mean_cv(ps, L->n, k, &m, &c);
        sum += c;
        int okm = same_display(m, L->mean[k], L->mean_dec[k]);
        int okc = same_display(c, L->cv[k], 3);
        bad += !okm + !okc;
        printf("  %-16s %11s %13.7f %11s | %7s %9.6f %7s  %s\n", k_name[k],
               num_format(seed_m, sizeof seed_m, L->mean[k], L->mean_dec[k]), m,
               num_format(ms, sizeof ms, m, L->mean_dec[k]),
               num_format(seed_c, sizeof seed_c, L->cv[k], 3), c, num_format(cs, sizeof cs, c, 3),
               okm && okc ? "ok" : "MISMATCH");
    }
    char comp[32];
    printf("  %-16s composite %.6f -> %s (the seed printed %s)\n", "",
           sum / NK, num_format(comp, sizeof comp, sum / NK, 3), L->composite_seed);

    /* Compliance: every part meets every standard, except the one short of site. */
    static const char *const cname[10] = {"teacher_ratio", "qualified_teachers", "site_area",
        "building_area", "sports_area", "labs", "function_rooms", "library", "equipment_value", "books"};
    const standard *S = &L->std;
    for (int c = 0; c < 10; c++) {
        int met = 0;
        for (int i = 0; i < L->n; i++) {
            const part *p = &ps[i];
            double P = p->students;
            int ok = 0;
            switch (c) {
            case 0: ok = p->q[K_TEACHERS] / P >= S->teacher_ratio; break;
            case 1: ok = p->q[K_TEACHERS] > 0 && (double)p->qualified / p->q[K_TEACHERS] >= S->qualified; break;
            case 2: ok = p->site_c / 100.0 / P >= S->site; break;
            case 3: ok = p->building_c / 100.0 / P >= S->building; break;
            case 4: ok = p->q[K_SPORTS] / 100.0 / P >= S->sports; break;
            case 5: ok = p->labs >= S->labs; break;
            case 6: ok = p->rooms >= S->rooms; break;
            case 7: ok = p->library >= 1; break;
            case 8: ok = p->q[K_EQUIP] / P >= S->equipment; break;
            case 9: ok = p->q[K_BOOKS] / P >= S->books; break;
            }
            met += ok;
        }
        int want = (c == 2 && L->site_short >= 0) ? L->n - 1 : L->n;
        char rate[32];
        num_percent(rate, sizeof rate, met, L->n, 2);
        printf("  compliance %-18s %2d/%2d %6s%%  %s\n", cname[c], met, L->n, rate,
               met == want ? "ok" : "MISMATCH");
        bad += met != want;
    }
    return bad;
}

/* Sanity of the raw data: the invariants a clerk's spreadsheet would have. */
static int sane(const level_spec *L, const part *ps)
{
    int bad = 0;
    for (int i = 0; i < L->n; i++) {
        const part *p = &ps[i];
        const char *why = NULL;
        if (p->q[K_ABOVE] > p->q[K_TEACHERS] || p->q[K_SENIOR] > p->q[K_TEACHERS]) why = "more qualified than teachers";
        else if (p->qualified > p->q[K_TEACHERS]) why = "qualified > teachers";
        else if (p->q[K_TEACH] > p->building_c) why = "teaching area > building area";
        else if (p->q[K_SPORTS] > p->site_c) why = "sports area > site";
        else if (p->q[K_COMP] < 1 || p->q[K_TEACHERS] < 2) why = "too few computers or teachers";
        else if (p->q[K_TEACHERS] * 4 > p->students) why = "more than one teacher per 4 pupils";
        if (why) { fprintf(stderr, "gen_tongdao: %s %s: %s\n", L->level, p->name, why); bad++; }
    }
    return bad;
}

/* --- output ------------------------------------------------------------- */

static void area(FILE *f, long cents) { fprintf(f, ",%ld.%02ld", cents / 100, cents % 100); }

static void write_rows(FILE *f, const level_spec *L, const part *ps)
{
    for (int i = 0; i < L->n; i++) {
        const part *p = &ps[i];
        fprintf(f, "%s,%s,%s,%d,%ld,%ld,%ld,%ld", p->code, p->name, L->level, p->students,
                p->q[K_TEACHERS], p->qualified, p->q[K_ABOVE], p->q[K_SENIOR]);
        area(f, p->site_c);
        area(f, p->building_c);
        area(f, p->q[K_TEACH]);
        area(f, p->q[K_SPORTS]);
        fprintf(f, ",%ld,%ld,%ld,%ld,%ld,%ld\n", p->q[K_EQUIP], p->q[K_BOOKS], p->q[K_COMP],
                p->labs, p->rooms, p->library);
    }
}

/* --- the county ----------------------------------------------------------- */

static const skel primary[] = {
    {"县第一完全小学", 3350, 1.0},   /* the crowded old county-seat school */
    {"县第二完全小学", 2880, 1.0},
    {"县第三完全小学", 2050, 1.05},
    {"思源实验学校", 1720, 1.9},     /* new campus (2015), 九年一贯制: its 小学部 */
    {"礼雅小学", 1480, 1.8},         /* new campus */
    {"县溪镇中心小学", 860, 1.0},
    {"牙屯堡镇中心小学", 760, 1.0},
    {"播阳镇中心小学", 690, 1.1},
    {"陇城镇中心小学", 620, 0.9},
    {"临口镇中心小学", 540, 1.0},
    {"独坡镇中心小学", 470, 1.0},
    {"坪坦乡中心小学", 430, 0.95},
    {"溪口镇中心小学", 360, 1.0},
    {"菁芜洲镇中心小学", 330, 1.05},
    {"万佛山镇中心小学", 300, 1.0},
    {"大高坪苗族乡中心小学", 260, 1.0},
    {"金殿小学", 240, 0.9},
    {"黄土乡中心小学", 210, 1.0},
    {"坪阳乡中心小学", 190, 1.0},
    {"甘溪乡中心小学", 150, 1.0},
    {"下乡乡中心小学", 130, 1.0},
    {"锅冲乡中心小学", 110, 1.0},
    {"双江镇芋头完小", 95, 1.0},
    {"坪坦乡皇都完小", 75, 1.0},
    {"陇城镇路塘完小", 58, 1.0},
    {"独坡镇上岩完小", 46, 1.0},
};

static const skel middle[] = {
    {"芙蓉中学", 2650, 1.0},
    {"思源实验学校", 1450, 1.3},     /* its 初中部 */
    {"县溪中学", 820, 1.0},
    {"牙屯堡中学", 700, 1.0},
    {"播阳中学", 620, 1.05},
    {"陇城中学", 560, 0.95},
    {"临口中学", 480, 1.0},
    {"独坡中学", 430, 1.0},
    {"坪坦中学", 380, 0.95},
    {"溪口中学", 300, 1.0},
    {"菁芜洲中学", 240, 1.0},
};

static const level_spec spec_primary = {
    .level = "小学", .code_prefix = "43123001", .sk = primary, .n = 26,
    .mean = {3.392, 4.649, 2909.14, 28.492, 10.776, 0.059, 0.056, 0.030},
    .cv   = {0.517, 0.533, 0.295, 0.368, 0.519, 0.231, 0.242, 0.334},
    .mean_dec = {3, 3, 2, 3, 3, 3, 3, 3},
    .floor = {1.6, 3.0, 365, 20, 4.0, 1.0 / 21, 0.035, 0.012},
    .noise = {0.12, 0.12, 0.10, 0.10, 0.15, 0.06, 0.03, 0.15},
    .std = {.teacher_ratio = 1.0 / 21, .qualified = 1.0, .site = 15, .building = 4.0,
            .sports = 3.0, .equipment = 365, .books = 20, .labs = 1, .rooms = 6},
    .site_short = 0, .composite_seed = "0.38",
};

static const level_spec spec_middle = {
    .level = "初中", .code_prefix = "43123002", .sk = middle, .n = 11,
    .mean = {4.102, 7.006, 2942.86, 32.005, 10.955, 0.074, 0.064, 0.046},
    .cv   = {0.556, 0.338, 0.177, 0.300, 0.209, 0.140, 0.175, 0.286},
    .mean_dec = {3, 3, 2, 3, 3, 3, 3, 3},
    .floor = {1.8, 5.5, 695, 25, 6.0, 1.0 / 16, 0.045, 0.025},
    .noise = {0.12, 0.10, 0.08, 0.10, 0.08, 0.04, 0.03, 0.12},
    .std = {.teacher_ratio = 1.0 / 16, .qualified = 0.98, .site = 20, .building = 5.0,
            .sports = 5.5, .equipment = 695, .books = 25, .labs = 3, .rooms = 6},
    .site_short = -1, .composite_seed = "0.279",
};

static int build(const level_spec *L, part *ps, uint64_t *rng)
{
    for (int i = 0; i < L->n; i++) {
        part *p = &ps[i];
        memset(p, 0, sizeof *p);
        snprintf(p->code, sizeof p->code, "%s%02d", L->code_prefix, i + 1);
        p->name = L->sk[i].name;
        p->students = (int)floor(L->sk[i].nominal * (0.95 + 0.1 * uniform(rng)) + 0.5);
    }
    /* A mean shown at three decimals per 100 pupils pins the county total to
     * within ±0.0005/100 × pupils: for some enrolment totals no whole number
     * of computers gives the printed mean.  Grow the largest school until
     * every indicator's total has a whole number well inside its interval. */
    for (;;) {
        long sp = 0;
        for (int i = 0; i < L->n; i++) sp += ps[i].students;
        int ok = 1;
        for (int k = 0; k < NK && ok; k++) {
            double hw = 0.5 * pow(10, -L->mean_dec[k]) * 0.6;
            double lo = (L->mean[k] - hw) * sp / (k_unit[k] * k_scale[k]);
            double hi = (L->mean[k] + hw) * sp / (k_unit[k] * k_scale[k]);
            ok = floor(hi) >= ceil(lo);
        }
        if (ok) break;
        ps[0].students++;
    }
    /* 思源实验学校 is one school with two parts: they share a code. */
    if (strcmp(L->level, "初中") == 0) snprintf(ps[1].code, sizeof ps[1].code, "4312300104");
    for (int k = 0; k < NK; k++) {
        double base[MAXP];
        const double *b = NULL;
        if (k == K_ABOVE) {   /* degree holders follow the teaching staff */
            for (int i = 0; i < L->n; i++) base[i] = per_pupil(&ps[i], K_TEACHERS);
            b = base;
        }
        if (fit(L, ps, k, rng, b) != 0) return -1;
    }
    derive(L, ps, rng);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "usage: gen_tongdao [OUT.csv]\n");
        return 2;
    }
    uint64_t rng = 20191201;   /* fixed: the data must regenerate byte for byte */
    part pp[MAXP], mp[MAXP];
    if (build(&spec_primary, pp, &rng) != 0 || build(&spec_middle, mp, &rng) != 0) return 1;

    int bad = verify(&spec_primary, pp) + verify(&spec_middle, mp);
    bad += sane(&spec_primary, pp) + sane(&spec_middle, mp);
    printf("\n%d mismatches\n", bad);
    if (bad) return 1;

    if (argc == 2) {
        FILE *f = fopen(argv[1], "w");
        if (!f) { perror(argv[1]); return 1; }
        fprintf(f, "学校代码,学校名称,学段,在校生数,专任教师数,学历合格教师数,高于规定学历教师数,"
                   "中级及以上职称教师数,占地面积,校舍建筑面积,教学及辅助用房面积,体育运动场馆面积,"
                   "教学仪器设备值,图书册数,计算机台数,实验室数,功能室数,图书室\n");
        write_rows(f, &spec_primary, pp);
        write_rows(f, &spec_middle, mp);
        if (fclose(f) != 0) { perror(argv[1]); return 1; }
    }
    return 0;
}
