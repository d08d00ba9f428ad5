#include "core/err.h"

#include <stdio.h>
#include <string.h>

/* Not a memset: a bh_err is 5.6 KB and is cleared before every hook call.
 * Empty strings and zeros are all a cleared error has to say. */
void err_clear(bh_err *e)
{
    e->status = BH_OK;
    e->file[0] = '\0';
    e->line = 0;
    e->msg[0] = '\0';
    e->trace[0] = '\0';
}

bh_status err_vset(bh_err *e, bh_status st, const char *file, int line,
                   const char *fmt, va_list ap)
{
    if (!e)
        return st;
    e->status = st;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    e->trace[0] = '\0';
    return st;
}

bh_status err_set(bh_err *e, bh_status st, const char *file, int line,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_vset(e, st, file, line, fmt, ap);
    va_end(ap);
    return st;
}

const char *err_format(const bh_err *e, char *buf, int size)
{
    if (e->file[0] && e->line > 0)
        snprintf(buf, size, "%s:%d: %s", e->file, e->line, e->msg);
    else if (e->file[0])
        snprintf(buf, size, "%s: %s", e->file, e->msg);
    else
        snprintf(buf, size, "%s", e->msg);
    return buf;
}
