/* rv_text: what rv_model.c and rv_hotwash.c both use, the model's own
 * copies of strings and the tabs' names (a file of its own, so that
 * neither calls the other back). */
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "room/rv_model.h"

char *rv_dup(const char *s)
{
    return mem_strdup(s ? s : "");
}

const char *rv_tab_name(int tab)
{
    static const char *const names[RV_TABS] = {"Timeline", "Meters", "Decisions", "Functions",
                                               "Hot wash", "Fact check", "Notes"};
    return tab >= 0 && tab < RV_TABS ? names[tab] : "";
}
