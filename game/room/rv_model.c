/* rv_model: building the room view model (see rv_model.h). A first cut:
 * the title and the clock only; the room helper fills in the rest. */
#include <stdlib.h>
#include <string.h>

#include "room/rv_model.h"

static char *dup(const char *s)
{
    return strdup(s ? s : "");
}

bh_status rv_build(rv_model *m, const rv_source *src, const rv_show *show, bh_err *err)
{
    memset(m, 0, sizeof *m);
    const bh_defs *d = sim_defs(src->sim);
    m->phase = sim_ended(src->sim) ? RV_ENDED : src->started ? RV_PLAYING : RV_BEFORE;
    m->blank = show->blank;
    m->title = dup(d->scenario.title);
    m->now = sim_now(src->sim);
    m->length = sim_length(src->sim);
    m->speed = src->speed;
    dur_format(m->now, m->clock, sizeof m->clock);
    if (!m->title)
        return err_set(err, BH_ENOMEM, "", 0, "out of memory building the room's view");
    return BH_OK;
}

void rv_free(rv_model *m)
{
    free(m->title);
    memset(m, 0, sizeof *m);
}

const char *rv_tab_name(int tab)
{
    static const char *const names[RV_TABS] = {"Timeline", "Meters", "Decisions", "Functions",
                                               "Hot wash", "Fact check", "Notes"};
    return tab >= 0 && tab < RV_TABS ? names[tab] : "";
}
