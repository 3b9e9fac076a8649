/*
 * cmd_serve — `junheng serve`: the workbench page (web/web.h).
 */
#include "cli/commands.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "web/web.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const help =
    N_("usage: junheng serve [--root DIR] [--listen HOST:PORT] [--token-file FILE] [-j N]\n"
    "\n"
    "Serve the workbench: a Chinese web page where a county's staff load their\n"
    "school data, see every problem in place, look at the figures, correct and\n"
    "compare, and take away the report and the school sheets.\n"
    "\n"
    "  --root DIR          one folder per county (each with its report.ini);\n"
    "                      default: the built-in examples, copied once into\n"
    "                      $XDG_DATA_HOME/junheng/workbench (~/.local/share/...)\n"
    "                      so that the shipped files are never changed\n"
    "  --listen HOST:PORT  default 127.0.0.1:8080 (port 0: any free port);\n"
    "                      any address other than loopback needs --token-file\n"
    "  --token-file FILE   the token users type in (or send as X-Junheng-Token)\n"
    "  -j, --jobs N        renders at once (default 2); others wait their turn\n"
    "  --timeout S         seconds an idle connection is kept (default 30)\n"
    "\n"
    "One log line per request on stderr.  Stop with Ctrl-C.\n"
    "Exit codes: 0 stopped, 1 cannot start, 2 bad usage.\n");

int cmd_serve(int argc, char **argv)
{
    web_opts o = {NULL, "127.0.0.1:8080", NULL, 2, 20L * 1024 * 1024, 30, stderr};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(_(help), stdout); return EXIT_OK; }
        if (!strcmp(a, "--root") && more) o.root = argv[++i];
        else if (!strcmp(a, "--listen") && more) o.listen = argv[++i];
        else if (!strcmp(a, "--token-file") && more) o.token_file = argv[++i];
        else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs") || !strcmp(a, "--timeout")) && more) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 256) {
                fprintf(stderr, _("junheng serve: %s takes a number from 1 to 256\n"), a);
                return EXIT_USAGE;
            }
            if (!strcmp(a, "--timeout")) o.timeout = (int)v;
            else o.jobs = (int)v;
        } else {
            fprintf(stderr, _("junheng serve: unexpected argument '%s'\n%s"), a, _(help));
            return EXIT_USAGE;
        }
    }
    /* The page is Chinese, so are the problems it lists, whatever the
     * terminal's language (LANGUAGE is ignored under the "C" locale). */
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || !strcmp(cur, "C") || !strcmp(cur, "POSIX")) setlocale(LC_ALL, "C.UTF-8");
    setenv("LANGUAGE", "zh_CN", 1);

    diag_list dl;
    diag_init(&dl);
    char *root = NULL;
    int rc = EXIT_INPUT;
    if (!o.root) {
        if (!(root = web_examples_root(&dl))) goto done;
        fprintf(stderr, _("junheng serve: no --root: the built-in examples are in %s (uploads change only this copy)\n"),
                root);
        o.root = root;
    }
    if (web_serve(&o, &dl) == 0) rc = EXIT_OK;
done:
    diag_print(&dl, stderr);
    free(root);
    diag_free(&dl);
    return rc;
}
