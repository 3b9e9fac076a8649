/*
 * format — shared helpers of the compose stage: figures as display strings
 * and small template-value builders.  Internal to src/compose/.
 */
#ifndef JH_COMPOSE_FORMAT_H
#define JH_COMPOSE_FORMAT_H

#include "core/figures.h"
#include "document/doc.h"
#include "document/value.h"

/* x at d decimals, half-up ("-" when undefined), into a static-size buffer. */
typedef struct { char s[64]; } numstr;
numstr fmt_num(double x, int decimals);
numstr fmt_int(long x);

/* Set map[key] to the formatted number. */
void tv_num(tv_value *map, const char *key, double x, int decimals);
void tv_int(tv_value *map, const char *key, long x);
void tv_flag(tv_value *map, const char *key, int yes);

/* Push items[0..n) onto list, adding "first" and "last" flags to each map so
 * templates can punctuate enumerations (、 between, 。 after the last). */
void tv_push_all(tv_value *list, tv_value **items, int n);

/* The value of a compliance indicator as shown (a rate as percent with "%",
 * teacher_ratio as "1:18.5"), and its threshold likewise. */
numstr fmt_compliance(int ci, double value);

/* What a school lacks, in words a report uses: label, amount, unit.  The
 * amount is rounded up to a whole unit (a school that lacks 319.4 m² must
 * build 320).  Returns 0 when nothing is lacking. */
int shortfall_words(int ci, double shortfall, const char **label, numstr *amount, const char **unit);

/* The list of what is lacking (key, label, amount, unit) for the shortfalls
 * of the ten compliance indicators (0 = nothing lacking); *count items. */
tv_value *needs_value(const double shortfall[JH_NCOMPLIANCE], int *count);

/* A document's PDF metadata from the parameters: title, author (the
 * issuer), and the date ([report] date, as YYYY-MM-DD) when it parses. */
void doc_meta(doc *d, const jh_params *cfg, const char *title);

/* The display name of a school part: its name, plus 小学部/初中部 when the
 * school has two parts. */
char *part_name(const jh_figures *f, const jh_part_figures *p);

/* The short labels of the compliance indicators p misses, joined with 、 */
char *missing_list(const jh_part_figures *p, int *count);

/* Expand a template and parse the result into a doc, calling mo->block for
 * each {{> name}} of `blocks`.  NULL with diagnostics. */
struct md_options;
doc *expand_to_doc(const char *text, size_t len, const char *path, const tv_value *ctx,
                   const char *const *blocks, struct md_options *mo, diag_list *dl);

/* "2019-12-05" or "2019年12月5日" -> y, m, d.  0 on success. */
int parse_cn_date(const char *s, int *y, int *m, int *d);

#endif
