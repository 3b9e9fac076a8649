/*
 * commands — the subcommands of the junheng program.
 *
 * Each takes the arguments after the command name (argv[0] is the command)
 * and returns the process exit code:
 *   0 ok, 1 bad input (data, configuration, template, font), 2 bad usage,
 *   3 (diff only) the report changes.
 */
#ifndef JH_COMMANDS_H
#define JH_COMMANDS_H

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_CHANGED = 3 };

int cmd_figures(int argc, char **argv);  /* cmd_figures.c: print every computed figure */
int cmd_check(int argc, char **argv);    /* cmd_figures.c: validate config and data */
int cmd_render(int argc, char **argv);   /* cmd_render.c: Markdown -> PDF, no schools */
int cmd_report(int argc, char **argv);   /* cmd_report.c: the annual report */
int cmd_sheets(int argc, char **argv);   /* cmd_sheets.c: per-school summary sheets */
int cmd_diff(int argc, char **argv);     /* cmd_diff.c: what a correction changes */
int cmd_init(int argc, char **argv);     /* cmd_init.c: a county's folder, ready to fill */
int cmd_serve(int argc, char **argv);    /* cmd_serve.c: the workbench web page */

#endif
