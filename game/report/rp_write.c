/* rp_write: the report model to a file in the format asked for. It picks
 * the writer (JSON verbatim through Jansson, rp_md.c, rp_html.c); the
 * builder (rp_build.c) only makes the model and never calls a writer. */
#include <stdio.h>
#include <string.h>

#include "report/rp_report.h"

int rp_parse_format(const char *s)
{
    if (strcmp(s, "json") == 0)
        return RP_JSON;
    if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
        return RP_MARKDOWN;
    if (strcmp(s, "html") == 0)
        return RP_HTML;
    return -1;
}

bh_status rp_write(FILE *f, const char *name, const json_t *report, rp_format fmt, bh_err *err)
{
    if (fmt == RP_JSON) {
        if (json_dumpf(report, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
            return err_set(err, BH_EIO, name, 0, "cannot write the report");
        fputc('\n', f);
    } else if (fmt == RP_MARKDOWN) {
        rp_write_md(f, report);
    } else {
        rp_write_html(f, report);
    }
    if (fflush(f) != 0 || ferror(f))
        return err_set(err, BH_EIO, name, 0, "cannot write the report");
    return BH_OK;
}
