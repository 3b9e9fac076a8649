/* num — see num.h. */
#include "common/num.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pow10tab[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

double num_round(double x, int decimals)
{
    if (!isfinite(x)) return x;
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    double p = pow10tab[decimals];
    double a = fabs(x) * p;
    /* The nudge absorbs binary representation error: 1.005 is stored as
     * 1.00499999..., but a person reading "1.005" expects 1.01.  It is
     * relative so large values are not pushed over a true boundary. */
    double r = floor(a + 0.5 + a * 4e-15 + 1e-9) / p;
    return x < 0 ? -r : r;
}

char *num_format(char *buf, size_t size, double x, int decimals)
{
    if (!isfinite(x)) { snprintf(buf, size, "-"); return buf; }
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    double r = num_round(x, decimals);
    if (r == 0) r = 0;  /* turn -0 into 0 */
    snprintf(buf, size, "%.*f", decimals, r);
    return buf;
}

char *num_percent(char *buf, size_t size, long part, long whole, int decimals)
{
    if (whole == 0) { snprintf(buf, size, "-"); return buf; }
    return num_format(buf, size, 100.0 * (double)part / (double)whole, decimals);
}

int num_parse(const char *s, double *out)
{
    while (*s == ' ' || *s == '\t') s++;
    if (!*s) return -1;
    const char *p = s;
    if (*p == '+' || *p == '-') p++;
    if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9'))) return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno == ERANGE || !isfinite(v)) return -1;
    while (*end == ' ' || *end == '\t') end++;
    if (*end) return -1;
    *out = v;
    return 0;
}

/* d17: the 17 significant digits printf gives for x (correctly rounded).
 * Round them to p digits into d (and *ex, when 9.99… carries to 10.0…) the
 * way printf rounds x itself.  The two agree unless the dropped digits are
 * exactly 5 followed by zeros: then x may lie either side of the tie, which
 * the 17 digits cannot tell; return 0 and let printf decide. */
static int round_digits(const char d17[17], int p, char d[17], int *ex)
{
    int up = d17[p] > '5';
    if (d17[p] == '5') {
        int rest = 0;
        for (int i = p + 1; i < 17; i++) rest |= d17[i] != '0';
        if (!rest) return 0;
        up = 1;
    }
    memcpy(d, d17, (size_t)p);
    if (up) {
        int i = p - 1;
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i >= 0) d[i]++;
        else { d[0] = '1'; (*ex)++; }   /* 9.99… -> 10.0…: the rest are zeros already */
    }
    return 1;
}

/* Print digits d[0..p) × 10^ex as printf's %.{p}g does: trailing zeros
 * dropped, an exponent (two digits at least) when ex < -4 or ex >= p. */
static void g_format(char *buf, int neg, const char *d, int p, int ex)
{
    int n = p;
    while (n > 1 && d[n - 1] == '0') n--;
    char *o = buf;
    if (neg) *o++ = '-';
    if (ex < -4 || ex >= p) {
        *o++ = d[0];
        if (n > 1) { *o++ = '.'; memcpy(o, d + 1, (size_t)(n - 1)); o += n - 1; }
        sprintf(o, "e%c%02d", ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
        return;
    }
    if (ex >= 0) {
        for (int i = 0; i <= ex; i++) *o++ = i < n ? d[i] : '0';
        if (n > ex + 1) { *o++ = '.'; memcpy(o, d + ex + 1, (size_t)(n - ex - 1)); o += n - ex - 1; }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -ex - 1; i++) *o++ = '0';
        memcpy(o, d, (size_t)n);
        o += n;
    }
    *o = 0;
}

char *num_shortest(char *buf, double x)
{
    if (!isfinite(x)) { buf[0] = 0; return buf; }
    /* Whole numbers (counts, most thresholds, a shortfall of 0) are half of
     * what the figures print: their digits directly, without printf's
     * arbitrary-precision path.  Below 10^15, %.15g would print the same. */
    if (x == trunc(x) && fabs(x) < 1e15) {
        char tmp[24], *p = tmp + sizeof tmp;
        unsigned long long v = (unsigned long long)fabs(x);
        *--p = 0;
        do *--p = (char)('0' + v % 10); while (v /= 10);
        if (x < 0) *--p = '-';
        return memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
    }
    /* The shortest of %.15g, %.16g and %.17g that reads back (%g drops
     * trailing zeros, so a value with fewer digits comes out of %.15g).  One
     * printf gives all 17 digits; 15 and 16 are rounded from them (see
     * round_digits), and each candidate is checked with strtod. */
    char e[40];
    snprintf(e, sizeof e, "%.16e", x);   /* [-]d.dddddddddddddddde±XX */
    int neg = e[0] == '-';
    const char *m = e + neg;
    char d17[17];
    d17[0] = m[0];
    memcpy(d17 + 1, m + 2, 16);
    int exp10 = atoi(m + 19);
    for (int p = 15; p < 17; p++) {
        char d[17];
        int ex = exp10;
        if (round_digits(d17, p, d, &ex)) g_format(buf, neg, d, p, ex);
        else snprintf(buf, NUM_SHORTEST, "%.*g", p, x);   /* a tie in the digits: printf decides */
        if (strtod(buf, NULL) == x) goto done;
    }
    g_format(buf, neg, d17, 17, exp10);   /* 17 digits always read back */
done:
    if (!strcmp(buf, "-0")) strcpy(buf, "0");
    return buf;
}
