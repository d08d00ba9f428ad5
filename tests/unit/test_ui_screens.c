/* test_ui_screens: every screen, in every theme, at 1280x720 and 1920x1080
 * (and at 200% text on 1280x720, the projector case), rendered headless.
 * Fails when a screen is blank or when any text overflowed the box the
 * layout gave it (ui_label measures each text against its box). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ui/ui_tour.h"

typedef struct seen {
    int shots;
    char names[32][32];
} seen;

static void on_shot(void *ud, app *a, const char *name)
{
    seen *s = ud;
    if (s->shots < 32)
        snprintf(s->names[s->shots], sizeof s->names[0], "%s", name);
    s->shots++;
    int blank = tour_frame_blank(a);
    if (blank)
        fprintf(stderr, "%s: blank at %dx%d\n", name, a->u.w, a->u.h);
    CHECK(!blank);
    for (int i = 0; i < a->u.noverflow_text; i++)
        fprintf(stderr, "%s (%dx%d, %s, %d%%): text overflows its box: \"%s\"\n", name, a->u.w,
                a->u.h, a->u.theme.name, a->u.text_scale, a->u.overflow_text[i]);
    CHECK_INT(a->u.overflows, 0);
    CHECK(!a->u.failed);
}

static void tour_of(const char *name, bh_time busy, int w, int h, const char *theme, int scale)
{
    char data[] = "/tmp/bh-ui-screens-XXXXXX";
    CHECK(mkdtemp(data) != NULL);
    app_opts o = {0};
    o.width = w;
    o.height = h;
    o.theme = theme;
    o.text_scale = scale;
    o.software = 1;
    o.no_save_settings = 1;
    o.has_seed = 1;
    o.seed = 1;
    o.data_dir = data;
    o.scenario_dir = BH_SOURCE_DIR "/scenarios";
    o.user_scenario_dir = BH_SOURCE_DIR "/tests/fixtures/ui/user_scenarios";
    app *a = calloc(1, sizeof *a);
    bh_err e;
    err_clear(&e);
    seen s = {0};
    if (app_init(a, &o, &e) == BH_OK) {
        CHECK_STR(a->u.theme.name, theme);
        char scn[512], plan[512];
        snprintf(scn, sizeof scn, "%s/scenarios/%s.lua", BH_SOURCE_DIR, name);
        snprintf(plan, sizeof plan, "%s/tests/plans/%s_expert.plan", BH_SOURCE_DIR, name);
        tour_paths p = {scn, plan, BH_SOURCE_DIR "/tests/fixtures/ui/broken.lua",
                        BH_SOURCE_DIR "/tests/fixtures/ui/runtime_error.lua", busy};
        bh_status st = tour_run(a, &p, on_shot, &s, &e);
        if (st != BH_OK)
            fprintf(stderr, "tour: %s:%d: %s\n", e.file, e.line, e.msg);
        CHECK_INT(st, BH_OK);
        CHECK_INT(a->u.w, w);
        CHECK_INT(a->u.h, h);
    } else {
        fprintf(stderr, "app_init: %s\n", e.msg);
        CHECK(0);
    }
    /* title, briefing, decision (and its confirm step), operations (and its two other tabs), pause,
     * note, settings, the workshop's console (four panel tabs and a
     * message being typed), ending (and the console's hot wash), the seven
     * debrief tabs and what-if, script error, load error */
    CHECK_INT(s.shots, 28);
    CHECK_STR(s.names[0], "title");
    CHECK_STR(s.names[10], "console_next");
    CHECK_STR(s.names[27], "load_error");
    app_free(a);
    free(a);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    CHECK(system(cmd) == 0);
}

static void tour(int w, int h, const char *theme, int scale)
{
    tour_of("tutorial", 0, w, h, theme, scale);
}

/* The flagship scenarios' texts are longer: every screen of theirs too,
 * in the smallest and the largest text, at a busy moment. */
static void test_regulator(void)
{
    tour_of("regulator_attack", 6 * 3600, 1280, 720, "dark", 100);
    tour_of("regulator_attack", 6 * 3600, 1280, 720, "high_contrast", 200);
    tour_of("regulator_attack", 6 * 3600, 1920, 1080, "light", 150);
}

static void test_carrier(void)
{
    tour_of("carrier_ransomware", 20 * 3600, 1280, 720, "light", 100);
    tour_of("carrier_ransomware", 20 * 3600, 1280, 720, "dark", 200);
    tour_of("carrier_ransomware", 20 * 3600, 1920, 1080, "high_contrast", 100);
}

static void test_720_dark(void) { tour(1280, 720, "dark", 100); }
static void test_720_light(void) { tour(1280, 720, "light", 100); }
static void test_720_high_contrast(void) { tour(1280, 720, "high_contrast", 100); }
static void test_1080_dark(void) { tour(1920, 1080, "dark", 100); }
static void test_1080_light(void) { tour(1920, 1080, "light", 100); }
static void test_1080_high_contrast(void) { tour(1920, 1080, "high_contrast", 100); }
static void test_720_projector_200(void) { tour(1280, 720, "high_contrast", 200); }
static void test_1080_projector_200(void) { tour(1920, 1080, "dark", 200); }
/* the smallest window the game allows */
static void test_540_200(void) { tour(960, 540, "light", 200); }
static void test_1080_125(void) { tour(1920, 1080, "light", 125); }
static void test_1080_150(void) { tour(1920, 1080, "high_contrast", 150); }

int main(int argc, char **argv)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    static const check_case cases[] = {
        {"720_dark", test_720_dark},
        {"720_light", test_720_light},
        {"720_high_contrast", test_720_high_contrast},
        {"1080_dark", test_1080_dark},
        {"1080_light", test_1080_light},
        {"1080_high_contrast", test_1080_high_contrast},
        {"720_projector_200", test_720_projector_200},
        {"1080_projector_200", test_1080_projector_200},
        {"540_200", test_540_200},
        {"1080_125", test_1080_125},
        {"1080_150", test_1080_150},
        {"regulator", test_regulator},
        {"carrier", test_carrier},
        {NULL, NULL}};
    return check_main(argc, argv, cases);
}
