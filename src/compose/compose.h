/*
 * compose — documents from figures: the annual report and the per-school
 * summary sheets.
 *
 * This is where schools meet typesetting.  A template (Markdown with
 * Mustache-style placeholders, document/template.h) is expanded against a
 * context of figures already formatted at display precision; the result is
 * parsed to a doc (document/markdown.h), and each block placeholder
 * ({{> compliance_table}} ...) is replaced by blocks built from the figures.
 * The core computes, the layout draws; nothing here does either.
 */
#ifndef JH_COMPOSE_H
#define JH_COMPOSE_H

#include "common/diag.h"
#include "core/figures.h"
#include "document/doc.h"
#include "document/value.h"

/* The report's free-form facts ([narrative] in the INI), as written: each
 * key and value with its line in `path`, for messages.  Plain data: compose
 * reads no file; src/config/ fills it. */
typedef struct jh_fact { const char *key, *value; int line; } jh_fact;
typedef struct jh_facts { const char *path; const jh_fact *items; int n; } jh_facts;

/* The report's template context: every figure a template can use, formatted,
 * and the narrative facts (may be NULL).  Owned by the caller (tv_free). */
tv_value *report_context(const jh_figures *f, const jh_facts *narrative, diag_list *dl);

/* Block placeholders of the report template, NULL-terminated. */
extern const char *const report_blocks[];

/* Expand the report template at path and build its document.  NULL with
 * diagnostics on any error. */
doc *report_doc(const jh_figures *f, const tv_value *ctx, const char *template_path, diag_list *dl);

/* One school's sheet: the context for the school with `code` (all its parts). */
tv_value *sheet_context(const jh_figures *f, const char *code, diag_list *dl);
extern const char *const sheet_blocks[];
/* Build the sheet document of school `code` from the template text. */
doc *sheet_doc(const jh_figures *f, const char *code, const char *template_text, size_t len,
               const char *template_path, diag_list *dl);

/* The distinct school codes in file order; *codes owned by the caller (free
 * the array only: the strings belong to the figures). */
int sheet_codes(const jh_figures *f, const char ***codes);

#endif
