/* cmd_figures — placeholder until the command is built. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_figures(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("junheng figures: not implemented yet\n", stderr);
    return EXIT_USAGE;
}

int cmd_check(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("junheng check: not implemented yet\n", stderr);
    return EXIT_USAGE;
}
