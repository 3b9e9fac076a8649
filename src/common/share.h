/*
 * share — find the data files junheng ships (templates, font notes).
 */
#ifndef JH_SHARE_H
#define JH_SHARE_H

/* The path of rel ("templates/report.md") in the first of: $JUNHENG_SHARE,
 * the binary's folder and its parents (a source checkout), and
 * PREFIX/share/junheng beside an installed binary.  Owned; NULL if none. */
char *share_find(const char *rel);

#endif
