/*
 * csv_floor FILE — the floor under `junheng figures`: read the school CSV
 * and parse every field with libcsv and strtod, keeping nothing.  Prints the
 * row and field counts.  `make bench` times it beside figures.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { long rows, fields; double sum; } counts;

static void on_field(void *s, size_t n, void *ud)
{
    (void)n;
    counts *c = ud;
    c->fields++;
    c->sum += strtod(s, NULL);  /* what reading a number costs; kept so it is not optimised away */
}

static void on_row(int ch, void *ud) { (void)ch; ((counts *)ud)->rows++; }

int main(int argc, char **argv)
{
    if (argc != 2) { fputs("usage: csv_floor FILE\n", stderr); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    counts c = {0, 0, 0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (csv_parse(&p, buf, n, on_field, on_row, &c) != n) { fputs("csv error\n", stderr); return 1; }
    csv_fini(&p, on_field, on_row, &c);
    csv_free(&p);
    fclose(f);
    printf("%ld rows, %ld fields (%g)\n", c.rows, c.fields, c.sum);
    return 0;
}
