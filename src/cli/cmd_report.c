/* cmd_report — placeholder until the command is built. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_report(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("junheng report: not implemented yet\n", stderr);
    return EXIT_USAGE;
}
