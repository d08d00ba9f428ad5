/* test_srv_roster: the room's roster beyond the HTTP routes: the name
 * cleaner (srv_name_clean) with hostile names, and the roster's file
 * (srv_roster_save / srv_roster_load): a round trip into another server
 * whose tokens then work, and every refusal, after which nothing was
 * loaded. */
#include "srv_client.h"

static void clean(const char *in, size_t n, const char *want)
{
    char out[SRV_NAME_MAX + 1];
    memset(out, 'X', sizeof out);
    size_t k = srv_name_clean(in, n, out);
    CHECK_INT(k, strlen(out));
    CHECK(k <= SRV_NAME_MAX);
    json_t *valid = json_stringn(out, k); /* Jansson takes only valid UTF-8 */
    CHECK(valid != NULL);
    json_decref(valid);
    if (strcmp(out, want) != 0)
        fprintf(stderr, "clean(%.40s): \"%s\", wanted \"%s\"\n", in, out, want);
    CHECK_STR(out, want);
}

#define CLEAN(in, want) clean(in, sizeof in - 1, want)

static void test_names(void)
{
    CLEAN("Ann", "Ann");
    CLEAN("", "");
    CLEAN("<script>alert(1)</script>", "<script>alert(1)</script>"); /* text, never markup */
    CLEAN("   ", "");
    CLEAN(" \t\n\r ", "");
    CLEAN("\xc2\xa0\xe3\x80\x80 \xe2\x80\x83", ""); /* only Unicode blanks */
    CLEAN("  Ann   Lee  ", "Ann Lee");
    CLEAN("Ann\tLee", "AnnLee");                      /* controls go, not become blanks */
    CLEAN("Ann\xe2\x80\xaeLee", "AnnLee");            /* RLO */
    CLEAN("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae", "");
    /* isolates */
    CLEAN("a\xe2\x81\xa6" "b\xe2\x81\xa7" "c\xe2\x81\xa8" "d\xe2\x81\xa9" "e", "abcde");
    CLEAN("a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d", "abcd");      /* LRM, RLM, ALM */
    /* zero width */
    CLEAN("Z\xe2\x80\x8bW\xe2\x80\x8cJ\xe2\x80\x8dX\xe2\x81\xa0Y\xef\xbb\xbf", "ZWJXY");
    CLEAN("\xef\xbb\xbf" "Bo", "Bo");                 /* a BOM */
    /* the other invisible ones, which make "Ann" and "An\u00adn" two
     * names that read the same: soft hyphen, combining grapheme joiner,
     * Hangul fillers, Mongolian separators, invisible operators, the
     * deprecated format controls, interlinear annotations, tags */
    CLEAN("A\xc2\xad" "B\xcd\x8f" "C\xe1\x85\x9f" "D\xe1\x85\xa0" "E\xe3\x85\xa4" "F", "ABCDEF");
    CLEAN("A\xef\xbe\xa0" "B\xe1\xa0\x8e" "C\xe2\x81\xa1" "D\xe2\x81\xa4" "E", "ABCDE");
    CLEAN("A\xe2\x81\xaa" "B\xe2\x81\xaf" "C\xef\xbf\xb9" "D\xef\xbf\xbb" "E", "ABCDE");
    CLEAN("A\xf3\xa0\x80\x81" "B\xf3\xa0\x81\xbf" "C\xe1\x9e\xb4" "D", "ABCD");
    CLEAN("a\x1b[31mred", "a[31mred");                /* an escape */
    CLEAN("a\x7f" "b\xc2\x85" "c\xc2\x9f" "d", "abcd"); /* DEL, C1 */
    CLEAN("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "abc"); /* line, paragraph separators */
    CLEAN("caf\xc3\xa9 \xf0\x9f\x94\xa5", "caf\xc3\xa9 \xf0\x9f\x94\xa5"); /* accents, emoji stay */
    /* Hebrew stays */
    CLEAN("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
    /* invalid UTF-8: the bad bytes go */
    CLEAN("a\xff" "b\xc3" "c\xe2\x82" "d", "abcd");
    CLEAN("\xc0\xaf" "x", "x");                        /* overlong '/' */
    CLEAN("\xed\xa0\x80" "x", "x");                    /* a surrogate */
    CLEAN("\xf4\x90\x80\x80" "x", "x");                /* over U+10FFFF */
    CLEAN("\xf8\x88\x80\x80\x80" "x", "x");
    /* the length: 40 bytes, never half a character, no blank at the end */
    CLEAN("0123456789012345678901234567890123456789AB", "0123456789012345678901234567890123456789");
    CLEAN("012345678901234567890123456789012345678\xc3\xa9",
          "012345678901234567890123456789012345678");
    CLEAN("012345678901234567890123456789012345678 x", "012345678901234567890123456789012345678");
    /* a 1 MB name */
    size_t n = 1 << 20;
    char *big = malloc(n);
    if (big) {
        for (size_t i = 0; i < n; i++)
            big[i] = "\xe2\x80\xae<>a"[i % 6];
        char out[SRV_NAME_MAX + 1];
        size_t k = srv_name_clean(big, n, out);
        CHECK(k <= SRV_NAME_MAX);
        CHECK(!strstr(out, "\xe2\x80\xae"));
        CHECK_INT(strspn(out, "<>a"), k);
        memset(big, ' ', n);
        CHECK_INT(srv_name_clean(big, n, out), 0);
        free(big);
    }
    char out[SRV_NAME_MAX + 1];
    CHECK_INT(srv_name_clean(NULL, 5, out), 0);
    CHECK_STR(out, "");
    CHECK_INT(srv_name_clean("a\0b", 3, out), 2); /* a NUL is a control */
}

/* A joined room of three, saved; loaded into another server they are
 * the same phones (their tokens work there), without their votes. */
static void test_round_trip(void)
{
    char *state = room_state();
    srv *a = room_start(state, 0, 0), *b = room_start(state, 0, 0);
    if (!a || !b)
        return;
    char t[3][33];
    CHECK_INT(room_join(srv_port(a), "r0", "Ann", t[0]), 200);
    CHECK_INT(room_join(srv_port(a), "observer", NULL, t[1]), 200);
    CHECK_INT(room_join(srv_port(a), "r1", "<b>Cy</b> \xc3\xa9", t[2]), 200);
    CHECK_INT(room_vote(srv_port(a), t[0], "d1", "A", "high"), 200);
    char *text = srv_roster_save(a);
    CHECK(text != NULL);
    CHECK(text && !strstr(text, "vote") && !strstr(text, "high"));
    CHECK_HAS(text, t[2]);
    bh_err e;
    err_clear(&e);
    uint64_t before = srv_room_changes(b);
    CHECK_INT(srv_roster_load(b, text, text ? strlen(text) : 0, &e), BH_OK);
    CHECK(srv_room_changes(b) > before);
    static srv_room r;
    srv_room_get(b, &r);
    CHECK_INT(r.nphones, 3);
    CHECK_STR(r.phones[0].name, "Ann");
    CHECK_INT(r.phones[0].role, 0);
    CHECK_INT(r.phones[0].vote_decision, -1);
    CHECK_INT(r.phones[1].role, 2);
    CHECK_STR(r.phones[2].name, "<b>Cy</b> \xc3\xa9");
    http_got g = room_me(srv_port(b), t[2]);
    CHECK_INT(g.status, 200);
    CHECK_HAS(g.body, "\"role\":\"r1\"");
    http_free(&g);
    CHECK_INT(room_vote(srv_port(b), t[0], "d1", "B", "low"), 200);
    /* loading it again: those phones are already in the room */
    CHECK_INT(srv_roster_load(b, text, strlen(text), &e), BH_EUSAGE);
    CHECK_HAS(e.msg, "already in the room");
    /* the saved text of the loaded room is the same text */
    char *again = srv_roster_save(b);
    CHECK_STR(again, text);
    free(again);
    free(text);
    /* an empty room saves an empty list, which loads */
    srv *c = room_start(state, 0, 0);
    text = srv_roster_save(c);
    CHECK(text != NULL);
    CHECK_INT(srv_roster_load(c, text, strlen(text), &e), BH_OK);
    free(text);
    srv_stop(c);
    srv_stop(a);
    srv_stop(b);
    CHECK(srv_roster_save(NULL) == NULL);
    free(state);
}

static void refuse(srv *s, const char *text, const char *words)
{
    bh_err e;
    err_clear(&e);
    CHECK_INT(srv_roster_load(s, text, strlen(text), &e), BH_EUSAGE);
    if (!strstr(e.msg, words))
        fprintf(stderr, "%s -> %s\n", text, e.msg);
    CHECK_HAS(e.msg, words);
    static srv_room r;
    srv_room_get(s, &r);
    CHECK_INT(r.nphones, 1); /* the one that joined; nothing half-loaded */
}

#define TOK1 "0123456789abcdef0123456789abcdef"
#define TOK2 "fedcba9876543210fedcba9876543210"
#define PHONE(tok, role, name) "{\"token\":\"" tok "\",\"role\":\"" role "\",\"name\":\"" name "\"}"

static void test_refusals(void)
{
    char *state = room_state();
    srv *s = room_start(state, 3, 0);
    if (!s)
        return;
    char t[33];
    CHECK_INT(room_join(srv_port(s), "r0", "Ann", t), 200);
    refuse(s, "", "not JSON");
    refuse(s, "{\"v\":1,\"phones\":[", "not JSON");
    refuse(s, "[]", "\"phones\"");
    refuse(s, "{\"v\":1}", "\"phones\"");
    refuse(s, "{\"v\":1,\"phones\":{}}", "\"phones\"");
    refuse(s, "{\"v\":1,\"phones\":[],\"votes\":[]}", "nothing else");
    refuse(s, "{\"v\":2,\"phones\":[]}", "version");
    refuse(s, "{\"v\":\"1\",\"phones\":[]}", "version");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0", "A") ",7]}", "phone 2 is not an object");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0", "A") "," PHONE(TOK1, "r1", "B") "]}",
           "same token");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE("0123", "r0", "A") "]}", "32 lowercase hex");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE("0123456789ABCDEF0123456789ABCDEF", "r0", "A") "]}",
           "32 lowercase hex");
    refuse(s, "{\"v\":1,\"phones\":[{\"role\":\"r0\"}]}", "32 lowercase hex");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r7", "A") "]}", "'r7' is not one of");
    refuse(s, "{\"v\":1,\"phones\":[{\"token\":\"" TOK1 "\",\"role\":3}]}", "role");
    refuse(s, "{\"v\":1,\"phones\":[{\"token\":\"" TOK1 "\",\"role\":\"r0\",\"name\":3}]}",
           "name must be text");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0", " Ann") "]}", "not as the room");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0", "A\\u202eB") "]}", "not as the room");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0",
           "01234567890123456789012345678901234567890") "]}", "not as the room");
    refuse(s, "{\"v\":1,\"phones\":[{\"token\":\"" TOK1 "\",\"role\":\"r0\",\"vote\":1}]}",
           "only token, role and name");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0", "A") "," PHONE(TOK2, "r0", "B") ","
           PHONE("00000000000000000000000000000000", "r0", "C") "]}", "do not fit");
    refuse(s, "{\"v\":1,\"phones\":[" PHONE(TOK1, "r0", "A") "," PHONE(TOK2, "r0", "B") ","
           PHONE("00000000000000000000000000000000", "r0", "C") ","
           PHONE("00000000000000000000000000000001", "r0", "D") "]}", "the room holds 3");
    bh_err e;
    CHECK_INT(srv_roster_load(NULL, "{}", 2, &e), BH_EUSAGE);
    CHECK_INT(srv_roster_load(s, NULL, 0, &e), BH_EUSAGE);
    /* a good one after all those */
    const char *good = "{\"v\":1,\"phones\":[" PHONE(TOK1, "r1", "Bo") "]}";
    CHECK_INT(srv_roster_load(s, good, strlen(good), &e), BH_OK);
    http_got g = room_me(srv_port(s), TOK1);
    CHECK_INT(g.status, 200);
    http_free(&g);
    srv_stop(s);
    /* the roles must be published first: the holding slide has none */
    s = room_start(NULL, 0, 0);
    {
        err_clear(&e);
        CHECK_INT(srv_roster_load(s, good, strlen(good), &e), BH_EUSAGE);
        CHECK_HAS(e.msg, "published before");
    }
    srv_stop(s);
    free(state);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"hostile names", test_names},
        {"roster round trip", test_round_trip},
        {"roster refusals", test_refusals},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
