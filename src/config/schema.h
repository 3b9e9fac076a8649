/*
 * schema — the one table of every INI section and key junheng knows.
 *
 * Each entry says which section and key, which stage uses the value (owner),
 * its type and bounds, its default as an INI would write it, its unit, a
 * one-line help (English, translated through gettext) and a Chinese label.
 * Everything that needs to know the keys reads this table and nothing else:
 *   - config_load (config.h) reads the INI against it: one pass, the same for
 *     every command; a key no entry names is warned about ("unknown key", or
 *     "belongs in [other]" when another section has it);
 *   - the key reference of doc/junheng.1 and doc/configuration.md is printed
 *     from it (config_reference, `junheng check --keys man|md`), and
 *     tests/e2e/keys_doc.sh fails when the documents drift from it;
 *   - a settings form (src/web/) can walk it: jh_config_keys[0 ..
 *     jh_config_nkeys) in document order, sections grouped.
 * This header depends on nothing: no INI reader, no stage.
 *
 * HOW TO ADD A KEY
 *   1. add the field to struct jh_config (config.h), or to the stage's own
 *      plain struct that jh_config embeds (core/params.h jh_params,
 *      layout/style.h layout_style);
 *   2. add one line to the table in schema.c, e.g.
 *        {"data", "sheet", "input", JH_KEY_TEXT, "", "", 0, 0, NULL,
 *         N_("the worksheet to read in an .xlsx workbook"), "工作表",
 *         F(sheet), 0, 0},
 *      F(field) is offsetof(jh_config, field): the loader stores the parsed
 *      value there (TEXT/PATH: char * owned by the config; INT/DECIMALS/BOOL/
 *      CHOICE: int; NUMBER/THRESHOLD: double; FONT: font_spec);
 *   3. run `make keys-doc` to regenerate the reference in the man page and
 *      doc/configuration.md (make test fails until you do).
 * A default that depends on other keys (a title made of county and year, a
 * limit that depends on the scheme) is flagged JH_KEY_DERIVED: `def`
 * describes it in words, and config.c computes it after the table is read.
 */
#ifndef JH_SCHEMA_H
#define JH_SCHEMA_H

#include <stddef.h>

typedef enum {
    JH_KEY_TEXT,       /* any text; empty counts as unset */
    JH_KEY_PATH,       /* a file or folder, relative to the INI file's folder */
    JH_KEY_INT,        /* a whole number in [lo, hi] */
    JH_KEY_NUMBER,     /* a decimal in [lo, hi] */
    JH_KEY_BOOL,       /* yes/no, 1/0, 是/否 */
    JH_KEY_CHOICE,     /* one of `choices`: "a|b|c"; ",x" after a word adds an alias */
    JH_KEY_THRESHOLD,  /* a minimum: a ratio 1:19, a rate 98% or a decimal; lo..hi */
    JH_KEY_FONT,       /* PATH or PATH,INDEX (PATH:INDEX also read) */
    JH_KEY_FONTS,      /* a comma-separated list of FONT */
    JH_KEY_FREE        /* key "*": a section of free keys, kept as written ([narrative]) */
} jh_key_type;

enum {
    JH_KEY_REQUIRED = 1,   /* the report cannot be made without it */
    JH_KEY_DERIVED = 2     /* the default is computed from other keys; def says how */
};

typedef struct jh_key {
    const char *section;   /* lowercase, e.g. "standard.primary" */
    const char *key;       /* lowercase, e.g. "teacher_ratio"; "*" for JH_KEY_FREE */
    const char *owner;     /* the stage that uses it: input, core, compose, layout, cli */
    jh_key_type type;
    const char *def;       /* the default as the INI would write it; "" none */
    const char *unit;      /* "mm", "pt", "m²", "元", ... ; "" none */
    double lo, hi;         /* bounds for INT, NUMBER, THRESHOLD (inclusive) */
    const char *choices;   /* CHOICE only */
    const char *help;      /* one line, English; translate with _() */
    const char *label;     /* Chinese label (a form's field name) */
    size_t offset;         /* where config_load stores the value in struct jh_config */
    int flags;             /* JH_KEY_REQUIRED, JH_KEY_DERIVED */
    int arg;               /* THRESHOLD: 1 = a ratio or a rate, at most 1 */
} jh_key;

extern const jh_key jh_config_keys[];
extern const size_t jh_config_nkeys;

/* The entry for section/key (lowercase), or the FREE entry of the section;
 * NULL if the table has none. */
const jh_key *schema_find(const char *section, const char *key);
/* 1 when the table has the section. */
int schema_has_section(const char *section);
/* One line per section, in table order: its name and what it is for. */
typedef struct jh_section { const char *name, *help, *label; } jh_section;
extern const jh_section jh_config_sections[];
extern const size_t jh_config_nsections;

#endif
