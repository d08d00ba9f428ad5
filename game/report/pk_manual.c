/* pk_manual: the participants' situation manual, the pack's first part.
 *
 * Written from player-safe fields only (DESIGN.md section 8): the
 * scenario's title, briefing, organisation and stakes, the exercise
 * objectives, the meters and systems as the room sees them at the start,
 * the teams and their actions' labels, staff and durations, the rules
 * every session keeps, the agenda and a feedback form. It never reads a
 * facilitator note, a recommended mark, a discussion question, an inject,
 * a decision or an ending: what is not read cannot leak. */
#include <math.h>
#include <string.h>

#include "report/pk_internal.h"

static void head(FILE *f, const pk_plan *p)
{
    const bh_scenario_def *s = &p->d->scenario;
    fputs("<section class=\"part participants\">\n"
          "<div class=\"band\">Participants' situation manual</div>\n<h1>", f);
    pk_text(f, s->title ? s->title : "");
    fputs("</h1>\n<p class=\"sub\">", f);
    if (s->summary && s->summary[0])
        pk_text(f, s->summary), fputs("<br>", f);
    char len[48];
    if (p->cut) {
        fputs("Session: ", f);
        pk_text(f, p->cut->label ? p->cut->label : p->cut->id);
        fputs(", ", f);
    } else {
        fputs("Session: the whole scenario, ", f);
    }
    fprintf(f, "%s of simulated time in a %d-minute workshop.", pk_dur(p->length, len, sizeof len),
            p->agenda);
    if (s->based_on && s->based_on[0])
        fputs(" Based on ", f), pk_text(f, s->based_on), fputs(".", f);
    fputs("</p>\n", f);
}

static void objectives(FILE *f, const bh_defs *d)
{
    if (!d->nobjectives)
        return;
    fputs("<h2>The exercise's objectives</h2>\n<p>By the end of the session the room sets out "
          "to:</p>\n<ol>\n", f);
    for (size_t i = 0; i < d->nobjectives; i++) {
        fputs("<li>", f);
        pk_text(f, d->objectives[i].text);
        fputs("</li>\n", f);
    }
    fputs("</ol>\n", f);
}

static void background(FILE *f, const bh_defs *d)
{
    const bh_scenario_def *s = &d->scenario;
    if (s->briefing && s->briefing[0])
        fputs("<h2>Background</h2>\n", f), pk_paras(f, s->briefing);
    if (s->organisation && s->organisation[0])
        fputs("<h2>The organisation</h2>\n", f), pk_paras(f, s->organisation);
    if (s->stakes && s->stakes[0])
        fputs("<h2>What is at stake</h2>\n", f), pk_paras(f, s->stakes);
    char cal[48];
    cal_format(s->start_epoch, cal, sizeof cal);
    fprintf(f, "<p>The exercise starts on <strong>%s</strong>.</p>\n", cal);
    if (d->nmeters) {
        fputs("<h3>What the room watches</h3>\n<table>\n<thead><tr><th>Measure</th>"
              "<th>At the start</th><th>What it means</th></tr></thead>\n", f);
        for (size_t i = 0; i < d->nmeters; i++) {
            const bh_meter_def *m = &d->meters[i];
            fputs("<tr><td>", f);
            pk_text(f, m->label);
            fprintf(f, "</td><td class=\"t\">%g of %g%s</td><td>", m->start, m->max,
                    m->good_low ? " (lower is better)" : "");
            pk_text(f, m->description ? m->description : "");
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
    }
    if (d->nsystems) {
        fputs("<h3>Systems at the start</h3>\n<table>\n<thead><tr><th>System</th>"
              "<th>Status</th><th>What it is</th></tr></thead>\n", f);
        for (size_t i = 0; i < d->nsystems; i++) {
            const bh_system_def *y = &d->systems[i];
            fputs("<tr><td>", f);
            pk_text(f, y->label);
            fprintf(f, "</td><td>%s</td><td>", defs_status_name(y->status));
            pk_text(f, y->description ? y->description : "");
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
    }
}

/* Each team, its people and the actions it can take: label, staff,
 * duration. Nothing else of an action: not its notes, not whether the
 * scenario recommends it. */
static void roles(FILE *f, const bh_defs *d)
{
    if (!d->nteams)
        return;
    fputs("<h2>The roles</h2>\n<p>Each team is played by one or more people "
          "in the room. A team has a number of staff; an action holds its staff from its start "
          "until it is done. Some actions become possible only as the situation develops.</p>\n",
          f);
    for (size_t t = 0; t < d->nteams; t++) {
        const bh_team_def *tm = &d->teams[t];
        fputs("<div class=\"item\">\n<h3>", f);
        pk_text(f, tm->label);
        fprintf(f, " (%d staff)</h3>\n", tm->staff);
        int n = 0;
        for (size_t i = 0; i < d->nactions; i++) {
            const bh_action_def *a = &d->actions[i];
            if (a->team != (int)t)
                continue;
            if (!n++)
                fputs("<table>\n<thead><tr><th>What it can do</th><th>Staff</th>"
                      "<th>Takes</th></tr></thead>\n", f);
            char dur[48], every[120];
            fputs("<tr><td>", f);
            pk_text(f, a->label);
            if (defs_standing(a)) {
                defs_standing_text(a, every, sizeof every);
                fprintf(f, " <em>(standing: %s until cancelled)</em>", every);
            }
            fprintf(f, "</td><td class=\"t\">%d</td><td class=\"t\">%s</td></tr>\n", a->staff,
                    pk_dur(a->takes, dur, sizeof dur));
        }
        fputs(n ? "</table>\n</div>\n" : "<p>No actions of its own.</p>\n</div>\n", f);
    }
}

static void rules(FILE *f, const pk_plan *p)
{
    char len[48], hour[48];
    double per_hour = 3600 / p->rate; /* real seconds per simulated hour */
    if (per_hour >= 60)
        snprintf(hour, sizeof hour, "%.1f real minutes", per_hour / 60);
    else
        snprintf(hour, sizeof hour, "%.0f real seconds", per_hour);
    fputs("<h2>Rules of play</h2>\n<ul>\n", f);
    fprintf(f, "<li><strong>Time.</strong> The session covers %s of simulated time. At normal "
               "speed the clock moves %g times faster than real time: a simulated hour passes "
               "in %s, and the whole session in about %.0f real minutes of running clock. The "
               "facilitator starts, pauses and speeds up the clock; it stops by itself when a "
               "decision arrives, so that the room can discuss.</li>\n",
            pk_dur(p->length, len, sizeof len), p->rate, hour, ceil(p->clock_min));
    fputs("<li><strong>Staff.</strong> An action needs free staff of its team and holds them "
          "until it is done; cancelling it frees them at once, but it starts over from the "
          "beginning next time. When a team has nobody free, its other actions wait.</li>\n"
          "<li><strong>Decisions and deadlines.</strong> Some moments call for a decision: a "
          "question with a few options and a deadline in simulated time. The room agrees on "
          "one option before the deadline. If nobody decides in time, the clock takes the "
          "option shown as the default: not deciding is a decision too.</li>\n", f);
    int standing = 0;
    for (size_t i = 0; i < p->d->nactions; i++)
        standing += defs_standing(&p->d->actions[i]);
    if (standing)
        fputs("<li><strong>Standing commitments.</strong> Some actions are promises that "
              "hold, such as an update every day: started once, they keep their staff and "
              "repeat at their times until the room cancels them. A promise made and then "
              "broken counts against the room.</li>\n", f);
    fputs("<li><strong>Messages.</strong> Emails, calls, news and notes from inside the "
          "organisation arrive in the inbox as the story unfolds. Some are marked as based "
          "on public reporting of the incident, or on another real incident; the rest are "
          "written for the exercise.</li>\n"
          "<li><strong>The facilitator</strong> runs the clock and may extend a deadline, "
          "pause it, send a message or end the session; the room's choices are its "
          "own.</li>\n</ul>\n", f);
}

static void agenda(FILE *f, const pk_plan *p)
{
    char len[48];
    fputs("<h2>Agenda</h2>\n<table>\n<thead><tr><th>Starts</th><th>Minutes</th><th>Block</th>"
          "<th>What happens</th></tr></thead>\n", f);
    int at[3] = {0, p->briefing, p->briefing + p->play};
    int mins[3] = {p->briefing, p->play, p->hotwash};
    const char *name[3] = {"Briefing", "Play", "Hot wash"};
    char play[300];
    snprintf(play, sizeof play, "The session: %s of simulated time, with the clock paused "
                                "at each decision for discussion",
             pk_dur(p->length, len, sizeof len));
    const char *what[3] = {"The situation, the objectives, the roles and the rules (this "
                           "manual)", play, "What happened, what we chose and why, what we "
                           "learn from it; the feedback form"};
    for (int i = 0; i < 3; i++)
        fprintf(f, "<tr><td class=\"t\">%d:%02d</td><td class=\"t\">%d</td><td>%s</td>"
                   "<td>%s</td></tr>\n", at[i] / 60, at[i] % 60, mins[i], name[i], what[i]);
    fprintf(f, "<tr><td class=\"t\">%d:%02d</td><td></td><td>End</td><td></td></tr>\n</table>\n",
            p->agenda / 60, p->agenda % 60);
}

static void rating(FILE *f, const char *q, const char *more)
{
    fputs("<div class=\"q\"><div>", f);
    pk_text(f, q);
    if (more)
        fputs(" <strong>", f), pk_text(f, more), fputs("</strong>", f);
    fputs("</div><div>", f);
    for (int i = 1; i <= 5; i++)
        fprintf(f, "<span class=\"box\">%d</span>", i);
    fputs(" <small>1 disagree &middot; 5 agree</small></div></div>\n", f);
}

static void writing(FILE *f, const char *q, int lines)
{
    fputs("<div class=\"q\"><div>", f);
    pk_text(f, q);
    fputs("</div>\n", f);
    for (int i = 0; i < lines; i++)
        fputs("<div class=\"write\"></div>\n", f);
    fputs("</div>\n", f);
}

static void feedback(FILE *f, const pk_plan *p)
{
    fputs("<h2 class=\"newpage\">Feedback form</h2>\n<p>Please fill this in during the hot "
          "wash and hand it to the facilitator. Names are optional.</p>\n", f);
    writing(f, "Your role (team) today:", 1);
    rating(f, "The exercise's objectives were clear to me.", NULL);
    rating(f, "The scenario felt realistic for our organisation.", NULL);
    rating(f, "I knew what my team could do and who decides.", NULL);
    rating(f, "We had enough time to discuss the decisions.", NULL);
    rating(f, "I will use something I learned today.", NULL);
    const bh_defs *d = p->d;
    for (size_t i = 0; i < d->nobjectives; i++)
        rating(f, "We did well on the objective:", d->objectives[i].text);
    writing(f, "What went well?", 2);
    writing(f, "What should we change in our plans or procedures?", 2);
    writing(f, "One thing you will do differently after today:", 2);
}

void pk_manual(FILE *f, const pk_plan *p)
{
    head(f, p);
    objectives(f, p->d);
    agenda(f, p);
    background(f, p->d);
    roles(f, p->d);
    rules(f, p);
    feedback(f, p);
    fputs("</section>\n", f);
}
