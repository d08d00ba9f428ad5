/* ui_facil_state: what the facilitator's console remembers between frames
 * (the panel's tab, the intervention being typed, the last answer of the
 * session, the what-if previews). Only data, so the app can hold it
 * without including the console's code; ui_facil.h has the functions. */
#ifndef UI_FACIL_STATE_H
#define UI_FACIL_STATE_H

#include <stdint.h>

#include "core/sim.h"
#include "ui/ui_gui.h"

/* The panel's tabs. */
enum { FT_NEXT, FT_GUIDE, FT_ACT, FT_WHATIF, FT__COUNT };
/* The intervention dialogs (the app's overlay OV_FACIL). */
enum { FD_NONE, FD_MESSAGE, FD_ADJUST, FD_END };

#define FACIL_MAX_PREVIEW 16 /* options previewed per decision */

typedef struct facil_preview {
    char ending[160];        /* where that option leads */
    char meters[400];        /* the meters there, one line */
    int failed;              /* the branch stopped with an error: `ending` says why */
} facil_preview;

typedef struct facil_state {
    uint64_t serial;         /* the session this belongs to (sim_serial); reset on a new one */
    int tab;
    int panel_up;            /* a narrow console: the panel is up over the room */
    int dialog;              /* FD_*: which intervention is being typed */
    int confirm;             /* the dialog's confirm step (ending the session) */
    int extend_min;          /* the extension the Extend button gives, in minutes */
    int meter;               /* the meter an adjustment is for */
    char amount[32];
    char title[SIM_MAX_FACIL_TEXT + 1], body[SIM_MAX_FACIL_TEXT + 1],
        reason[SIM_MAX_FACIL_TEXT + 1];
    char said[700];          /* the session's last answer to an intervention */
    int said_bad;            /* ...a refusal */
    /* the what-if previews of the open decision, for the session's state
     * at `pv_version` (stale once anything changes) */
    int pv_decision;         /* the decision index + 1; 0: none */
    uint64_t pv_version;
    int pv_n;
    facil_preview pv[FACIL_MAX_PREVIEW];
    /* the debrief model built for the hot wash, and the state it shows */
    uint64_t db_version;
    int db_ours;             /* the console built a->debrief (not the debrief screen) */
    ui_scroll sc, sc_field[3];
} facil_state;

#endif
