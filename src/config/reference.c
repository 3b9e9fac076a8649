/*
 * reference — the key reference printed from the schema (config.h,
 * config_reference): the man page's CONFIGURATION keys, doc/configuration.md,
 * and a plain listing for the terminal.  The documents carry the output
 * verbatim between markers; tests/e2e/keys_doc.sh keeps them in step.
 *
 * man and md are the documents' language (English, untranslated); text is
 * for a person at the terminal and follows the locale.
 */
#include "config/config.h"
#include "config/schema.h"
#include "common/i18n.h"

#include <string.h>

static const char *type_word(const jh_key *k)
{
    switch (k->type) {
    case JH_KEY_TEXT: return "text";
    case JH_KEY_PATH: return "path";
    case JH_KEY_INT: return "whole number";
    case JH_KEY_NUMBER: return "number";
    case JH_KEY_BOOL: return "yes/no";
    case JH_KEY_CHOICE: return "choice";
    case JH_KEY_THRESHOLD: return k->arg ? "ratio or rate" : "number";
    case JH_KEY_FONT: return "font";
    case JH_KEY_FONTS: return "font list";
    case JH_KEY_FREE: return "any key";
    }
    return "";
}

/* troff: escape backslashes and hyphens, and a leading dot or quote. */
static void man_text(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'') fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\') fputs("\\e", out);
        else if (*s == '-') fputs("\\-", out);
        else fputc(*s, out);
    }
}

/* The choices as words: "auto|utf-8,utf8|gb18030" -> "auto, utf-8, gb18030". */
static void choices(FILE *out, const char *c, int man)
{
    int first = 1;
    while (*c) {
        size_t n = strcspn(c, ",|");
        if (!first) fputs(", ", out);
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)n, c);
        if (man) man_text(out, buf); else fputs(buf, out);
        first = 0;
        c += n;
        if (*c == ',') c += strcspn(c, "|");   /* aliases are accepted, not listed */
        if (*c) c++;
    }
}

static void bounds(FILE *out, const jh_key *k, const char *sep)
{
    if ((k->type == JH_KEY_INT || k->type == JH_KEY_NUMBER) && k->hi < 1e9)
        fprintf(out, "%s%g to %g", sep, k->lo, k->hi);
}

static const char *flag_word(const jh_key *k)
{
    return k->flags & JH_KEY_REQUIRED ? "required" : NULL;
}

/* A sentence: the help with its first letter in capitals. */
static void sentence(FILE *out, const char *s, int man)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    if (man) man_text(out, buf); else fputs(buf, out);
}

static void print_man(FILE *out)
{
    const char *sec = "";
    for (size_t i = 0; i < jh_config_nkeys; i++) {
        const jh_key *k = &jh_config_keys[i];
        if (strcmp(k->section, sec)) {
            sec = k->section;
            fprintf(out, ".SS [%s]\n", sec);
            for (size_t s = 0; s < jh_config_nsections; s++)
                if (!strcmp(jh_config_sections[s].name, sec)) {
                    sentence(out, jh_config_sections[s].help, 1);
                    fputs(".\n", out);
                }
        }
        fputs(".TP\n.B ", out);
        man_text(out, strcmp(k->key, "*") ? k->key : "KEY");
        fputs("\n", out);
        sentence(out, k->help, 1);
        fputs(" (", out);
        fputs(k->label, out);
        fputs("; ", out);
        if (k->type == JH_KEY_CHOICE) choices(out, k->choices, 1);
        else man_text(out, type_word(k));
        bounds(out, k, ", ");
        if (*k->unit) { fputs(", ", out); man_text(out, k->unit); }
        if (flag_word(k)) fprintf(out, "; %s", flag_word(k));
        else if (*k->def) { fputs("; default ", out); man_text(out, k->def); }
        fputs(").\n", out);
    }
}

/* Markdown table cells must not contain a bare '|'. */
static void md_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|') fputs("\\|", out);
        else fputc(*s, out);
    }
}

static void print_md(FILE *out)
{
    const char *sec = "";
    for (size_t i = 0; i < jh_config_nkeys; i++) {
        const jh_key *k = &jh_config_keys[i];
        if (strcmp(k->section, sec)) {
            sec = k->section;
            fprintf(out, "%s### [%s]\n\n", i ? "\n" : "", sec);
            for (size_t s = 0; s < jh_config_nsections; s++)
                if (!strcmp(jh_config_sections[s].name, sec))
                {
                    sentence(out, jh_config_sections[s].help, 0);
                    fprintf(out, " (%s).\n\n", jh_config_sections[s].label);
                }
            fputs("| key | 名称 | type | default | used by | meaning |\n|---|---|---|---|---|---|\n", out);
        }
        fprintf(out, "| `%s` | %s | ", strcmp(k->key, "*") ? k->key : "KEY", k->label);
        if (k->type == JH_KEY_CHOICE) choices(out, k->choices, 0);
        else fputs(type_word(k), out);
        bounds(out, k, " ");
        if (*k->unit) fprintf(out, " (%s)", k->unit);
        fputs(" | ", out);
        if (flag_word(k)) fputs("**required**", out);
        else if (*k->def) { fputc('`', out); md_cell(out, k->def); fputc('`', out); }
        fprintf(out, " | %s | ", k->owner);
        sentence(out, k->help, 0);
        fputs(" |\n", out);
    }
}

static void print_text(FILE *out)
{
    const char *sec = "";
    for (size_t i = 0; i < jh_config_nkeys; i++) {
        const jh_key *k = &jh_config_keys[i];
        if (strcmp(k->section, sec)) {
            sec = k->section;
            fprintf(out, "%s[%s]\n", i ? "\n" : "", sec);
        }
        fprintf(out, "  %-20s %s", strcmp(k->key, "*") ? k->key : "*", k->label);
        if (k->flags & JH_KEY_REQUIRED) fprintf(out, _(" (required)"));
        else if (*k->def) fprintf(out, _(" (default %s)"), k->def);
        fprintf(out, "\n  %-20s %s\n", "", _(k->help));
    }
}

int config_reference(FILE *out, const char *fmt)
{
    if (!strcmp(fmt, "man")) print_man(out);
    else if (!strcmp(fmt, "md")) print_md(out);
    else if (!strcmp(fmt, "text")) print_text(out);
    else return -1;
    return 0;
}
