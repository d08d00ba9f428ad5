/* test_ui_details: the exercise's details form (issue 18), driven headless
 * as the facilitator would: on a workshop's briefing (the command line's
 * flags already in it, today's date and the organisation's name offered),
 * typed into, saved, and journaled as `details` lines when the workshop
 * starts; skipped with one key, journaling nothing; and from the console
 * over the session, where only the field corrected becomes a new line.
 * The scenario is scenarios/tutorial.lua. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ui/ui_app.h"
#include "ui/ui_screens.h"
#include "ui_drive.h"

#define TUTORIAL BH_SOURCE_DIR "/scenarios/tutorial.lua"

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; p && (p = strstr(p, needle)); p++)
        n++;
    return n;
}


static void clear_field(app *a, const char *label)
{
    CHECK(click(a, label));
    for (int i = 0; i < 40; i++)
        key(a, SDLK_BACKSPACE);
}

/* The tutorial's workshop briefing in a new data folder, with the flags'
 * `date` and one `participant` when given: the app, or NULL. */
static app *briefing(char *date, char *participant)
{
    cw_fresh_dir();
    app_opts o = cw_opts(TUTORIAL, 1);
    o.detail[DETAIL_DATE] = date;
    o.participant[0] = participant;
    o.nparticipants = participant != NULL;
    app *a = calloc(1, sizeof *a);
    if (a && cw_init(a, &o))
        return a;
    CHECK(0);
    free(a);
    return NULL;
}

static void test_briefing_form_and_flags(void)
{
    char date[] = "8 December 2026", part[] = "observer=Ed Park";
    app *a = briefing(date, part);
    if (!a)
        return;
    CHECK_INT(a->screen, SCR_BRIEFING);
    CHECK(a->details.given);
    app_frame(a, 0);
    CHECK(ui_drawn(a, "Date: 8 December 2026"));
    CHECK(ui_drawn(a, "Observer: Ed Park"));
    CHECK(click(a, "Exercise details"));
    CHECK_INT(a->overlay, OV_DETAILS);
    CHECK_STR(a->details.v[DETAIL_DATE], "8 December 2026"); /* the flag's, not today's */
    CHECK_STR(a->details.v[DETAIL_ORGANISATION], "Alcyon Lines"); /* offered */
    /* the briefing under the form is inert: Enter saves, never starts */
    CHECK(click(a, "Venue"));
    type_text(a, "Board room | 3rd floor");
    CHECK(click(a, "IT & security on call"));
    type_text(a, "Ana Lopez, Bo Chen");
    key(a, SDLK_RETURN);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK(!a->playing);
    CHECK(click(a, "Start the workshop"));
    app_frame(a, 0);
    CHECK(a->playing);
    char *j = journal_text(a);
    CHECK_HAS(j, "mode workshop\n0s details date 8 December 2026\n"
                 "0s details venue Board room \\| 3rd floor\n"
                 "0s details organisation Alcyon Lines\n"
                 "0s details participants it Ana Lopez, Bo Chen\n"
                 "0s details participants observer Ed Park\n");
    CHECK_INT(count(j, " details "), 5);
    free(j);
    CHECK_STR(sim_detail(a->game.sim, DETAIL_VENUE, -1), "Board room | 3rd floor");

    /* from the console: the venue corrected is one new line, nothing else */
    CHECK(click(a, "Intervene"));
    CHECK(click(a, "Exercise details"));
    CHECK_INT(a->overlay, OV_DETAILS);
    CHECK_STR(a->details.v[DETAIL_VENUE], "Board room | 3rd floor");
    clear_field(a, "Venue");
    CHECK_STR(a->details.v[DETAIL_VENUE], "");
    type_text(a, "Board room, 4th floor");
    clear_field(a, "Observer");
    CHECK(click(a, "Save"));
    CHECK_INT(a->overlay, OV_NONE);
    j = journal_text(a);
    CHECK_HAS(j, "0s details venue Board room, 4th floor\n0s details participants observer\n");
    CHECK_INT(count(j, " details "), 7);
    free(j);
    CHECK(sim_detail(a->game.sim, DETAIL_PARTICIPANTS, -1) == NULL);
    /* the debrief's notes tab shows them, as the report model has them */
    CHECK(!ui_drawn(a, "Venue: Board room, 4th floor"));
    screen_ask(a, REQ_DEBRIEF, NULL);
    app_frame(a, 0);
    CHECK_INT(a->screen, SCR_DEBRIEF);
    a->dtab = 6; /* notes */
    app_frame(a, 0);
    app_frame(a, 0);
    CHECK(ui_drawn(a, "Venue: Board room, 4th floor"));
    CHECK(ui_drawn(a, "IT & security on call: Ana Lopez, Bo Chen"));
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->screen, SCR_OPS);
    /* Esc closes without journaling */
    char *before = journal_text(a);
    CHECK(click(a, "Exercise details"));
    type_text(a, "never saved");
    key(a, SDLK_ESCAPE);
    CHECK_INT(a->overlay, OV_NONE);
    CHECK(journal_unchanged(a, before));
    CHECK_INT(a->u.overflows, 0);
    app_free(a);
    free(a);
}

/* Skipping is one key, and nothing is journaled; play has no form. */
static void test_skip(void)
{
    app *a = briefing(NULL, NULL);
    if (!a)
        return;
    CHECK(!a->details.given);
    key(a, SDLK_d);
    CHECK_INT(a->overlay, OV_DETAILS);
    CHECK(a->details.v[DETAIL_DATE][0] != 0); /* today's date, offered */
    CHECK(click(a, "Skip"));
    CHECK_INT(a->overlay, OV_NONE);
    CHECK(!a->details.given);
    app_begin(a);
    app_frame(a, 0);
    char *j = journal_text(a);
    CHECK(j && !strstr(j, " details "));
    if (j && strstr(j, " details "))
        fputs(j, stderr);
    free(j);
    app_free(a);
    free(a);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"briefing_form_and_flags", test_briefing_form_and_flags},
        {"skip", test_skip},
        {NULL, NULL},
    };
    return cw_main(argc, argv, cases);
}
