/* game_room: the phone page in a real browser against the running game
 * (issue 14's browser test). The workshop of the tutorial runs in this
 * process under SDL's dummy driver with the room server on 127.0.0.1 and
 * a decision open; tests/phone/game.js (headless Chromium through
 * puppeteer-core) runs beside it, joins and votes through the page's own
 * buttons, while this process keeps drawing frames; then the console's
 * tally must show that vote, by option and role, on the facilitator's
 * panel. Bounded: the browser gets 90 seconds. Run by tests/phone.sh
 * after its npm install:  game_room NODE_SCRIPT */
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>

#include "check.h"
#include "check_record.h"
#include "check_workshop.h"

extern char **environ;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *script;

static void test_browser_votes(void)
{
    app *a = cw_room_workshop();
    CHECK(a != NULL);
    if (!a)
        return;
    bh_err e;
    CHECK_INT(play_jump_to_decision(&a->game, &e), BH_OK);
    app_frame(a, 0);
    app_frame(a, 0);
    char port[16];
    snprintf(port, sizeof port, "%d", srv_port(a->room.srv));
    char *argv[] = {"node", (char *)script, port, a->room.code, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "node", NULL, NULL, argv, environ);
    CHECK_INT(rc, 0);
    int status = -1;
    double until = now_s() + 90;
    while (rc == 0) { /* the game goes on drawing while the phone acts */
        app_frame(a, 1.0 / 60);
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (now_s() > until) {
            fprintf(stderr, "the browser took over 90 seconds: stopped\n");
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            status = -1;
            break;
        }
        struct timespec t = {0, 10 * 1000 * 1000};
        nanosleep(&t, NULL);
    }
    CHECK(status == 0); /* game.js printed its own ok/FAIL lines */
    drawn console = {0};
    CW_RECORDED(a, &a->u, &console, 2);
    tally_sum s;
    tally_sum_of(&a->room.tally, -1, &s);
    CHECK_INT(s.voters, 1);
    CHECK_INT(s.by_option[0], 1);
    CHECK_INT(s.by_conf[TALLY_HIGH], 1);
    CHECK_HAS(console.text, "Votes: 1 of 1 phones");
    CHECK_HAS(console.text, ": Dana"); /* who joined, on the console only */
    char role_vote[200];
    snprintf(role_vote, sizeof role_vote, "%s 1", sim_defs(a->game.sim)->teams[0].label);
    CHECK_HAS(console.text, role_vote); /* the vote by role */
    free(console.text);
    app_free(a);
    free(a);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: game_room tests/phone/game.js\n");
        return 2;
    }
    script = argv[1];
    static const check_case cases[] = {
        {"a phone votes in a browser; the console's tally shows it", test_browser_votes},
        {NULL, NULL},
    };
    return cw_main(1, argv, cases);
}
