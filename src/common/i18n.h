/*
 * i18n — translated messages (GNU gettext, text domain "junheng").
 *
 * Messages are written in English in the source and wrapped in _() where they
 * are printed, N_() where a table holds them for later translation.  The
 * zh_CN translation ships as po/zh_CN.po.
 */
#ifndef JH_I18N_H
#define JH_I18N_H

#include <libintl.h>

#define JH_TEXTDOMAIN "junheng"
#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the text domain once at start-up (after setlocale): the catalogue is
 * looked up in $JUNHENG_LOCALEDIR, else <bindir>/../share/locale beside an
 * installed binary, else the build tree's build/locale.  Output is UTF-8
 * whatever the locale's charset, like the rest of junheng's output. */
void i18n_init(void);

#endif
