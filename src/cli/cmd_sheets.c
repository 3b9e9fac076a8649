/* cmd_sheets — placeholder until the command is built. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_sheets(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("junheng sheets: not implemented yet\n", stderr);
    return EXIT_USAGE;
}
