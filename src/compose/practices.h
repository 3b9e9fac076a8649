/*
 * practices — the county's own words: what it did (主要做法) and its own
 * difficulties and plans, from a Markdown file beside its INI (default
 * practices.md, or [report] practices = FILE).  Internal to src/compose/.
 *
 * junheng computes figures; only the county can say what it did.  So the
 * shipped templates hold no fact of any county, and include the county's
 * text by section: {{> practices.主要做法}} prints the section headed
 * `# 主要做法`.  The file format (templates/README.md, "The county's own
 * words"):
 *
 *   <!-- notes for whoever fills it in: never printed -->
 *   # 主要做法                  one level-1 heading per section, named as the
 *                               template includes it
 *   **（一）标题。**正文……       ordinary Markdown: paragraphs, run-in headings
 *   ## （二）标题               (bold at a paragraph's start), lists; `##` is
 *   正文……                      printed one level down, under the report's
 *                               own heading that includes the section
 *
 * A section's text is a template too: {{narrative.KEY}}, {{funding.total}}
 * and every other report name can be used in it.  A missing file, a missing
 * or empty section is an error naming the file and the section.
 */
#ifndef JH_COMPOSE_PRACTICES_H
#define JH_COMPOSE_PRACTICES_H

#include "common/diag.h"
#include "document/doc.h"
#include "document/value.h"

typedef struct practices practices;

/* Read and split the file.  NULL with diagnostics (cannot read, text before
 * the first heading, a section twice). */
practices *practices_load(const char *path, diag_list *dl);
void practices_free(practices *p);
const char *practices_path(const practices *p);

/* Expand section `name` against ctx and append its blocks to d (headings
 * one level down).  -1 with diagnostics: no such section, empty, or a
 * mistake in it (file:line:column of the practices file). */
int practices_append(practices *p, const char *name, const tv_value *ctx, doc *d, diag_list *dl);

/* A warning for each section no template included (its text would vanish). */
void practices_warn_unused(const practices *p, diag_list *dl);

#endif
