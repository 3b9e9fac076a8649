/*
 * num — rounding and formatting of displayed figures.
 *
 * Figures are computed from unrounded values and rounded once, half away from
 * zero (as Excel's ROUND does), only for display.  printf's "%.2f" rounds the
 * binary value ties-to-even (0.125 -> "0.12"), so every displayed number goes
 * through num_round() first.
 */
#ifndef JH_NUM_H
#define JH_NUM_H

#include <stddef.h>

/* x rounded half-up (away from zero) to `decimals` places (0..9). */
double num_round(double x, int decimals);

/* Format x rounded to `decimals` places into buf ("0.273", "96.15", "-1.50").
 * Never prints "-0".  Returns buf. */
char *num_format(char *buf, size_t size, double x, int decimals);

/* Percentage of part/whole at `decimals` places, from the exact ratio
 * (25/26 -> "96.15"); whole == 0 gives "-". */
char *num_percent(char *buf, size_t size, long part, long whole, int decimals);

/* The shortest decimal that reads back (strtod) as exactly x, for figures
 * handed to other programs unrounded: at most 17 significant digits, whole
 * numbers below 10^15 in plain digits ("100", not "1e+02"), "0" for -0.
 * Non-finite x gives "" (the caller writes null or an empty cell).
 * buf holds at least NUM_SHORTEST bytes.  Returns buf. */
#define NUM_SHORTEST 40
char *num_shortest(char *buf, double x);

/* Parse a decimal number: optional sign, digits, optional fraction, optional
 * exponent, surrounding ASCII spaces allowed.  Returns 0 on success.  Thousands
 * separators and units are not accepted (the caller reports the field). */
int num_parse(const char *s, double *out);

#endif
