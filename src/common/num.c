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
    /* %g drops trailing zeros, so when 15 digits read back the result is
     * already the shortest form (a double carries 15.9 digits). */
    int p = 15;
    for (; p < 17; p++) {
        snprintf(buf, NUM_SHORTEST, "%.*g", p, x);
        if (strtod(buf, NULL) == x) break;
    }
    /* %g uses an exponent only once the integer digits exceed the
     * precision (≥ 15), so whole numbers below 10^15 print plain.  When
     * neither 15 nor 16 digits read back, 17 always do. */
    if (p == 17) snprintf(buf, NUM_SHORTEST, "%.17g", x);
    if (!strcmp(buf, "-0")) strcpy(buf, "0");
    return buf;
}
