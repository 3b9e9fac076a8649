/* cmd_render — placeholder until the command is built. */
#include "cli/commands.h"
#include <stdio.h>

int cmd_render(int argc, char **argv)
{
    (void)argc; (void)argv;
    fputs("junheng render: not implemented yet\n", stderr);
    return EXIT_USAGE;
}
