/* test_rv_qr: the join URL's QR code as a module matrix (rv_qr).
 *
 * Decoding a QR code is hard, so this checks what can be checked without
 * a decoder: the version and size for a LAN URL, the quiet zone, the three
 * finder patterns in their corners (what a phone's camera locks on to),
 * that the same URL always gives the same matrix and another URL another
 * one, and that a URL too long for a code the room can scan is refused
 * with a clear error. tests/projector_qr.sh decodes the projected code. */
#include <string.h>

#include "check.h"
#include "room/rv_qr.h"

static rv_qr a, b;   /* 3 kB each: static, not on the stack */

/* The 7x7 finder pattern with its top-left module at (x, y) (quiet zone
 * counted): a dark ring, a light ring, a dark 3x3 centre. */
static int finder_at(const rv_qr *q, int x, int y)
{
    for (int j = 0; j < 7; j++)
        for (int i = 0; i < 7; i++) {
            int ring = i == 0 || j == 0 || i == 6 || j == 6;
            int centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;
            if (rv_qr_dark(q, x + i, y + j) != (ring || centre))
                return 0;
        }
    return 1;
}

static void test_lan_url(void)
{
    bh_err e;
    CHECK_INT(rv_qr_encode("http://192.168.1.20:8417/?c=KQXT", &a, &e), BH_OK);
    /* 32 bytes at level M need version 3 (29 x 29; version 2 holds 26):
     * few, big modules, easy to scan */
    CHECK_INT(a.version, 3);
    CHECK_INT(a.size, 29);
    CHECK_INT(rv_qr_side(&a), 29 + 2 * RV_QR_QUIET);
    int side = rv_qr_side(&a), dark = 0;
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++) {
            int quiet = x < RV_QR_QUIET || y < RV_QR_QUIET || x >= side - RV_QR_QUIET ||
                        y >= side - RV_QR_QUIET;
            if (quiet)
                CHECK_INT(rv_qr_dark(&a, x, y), 0);
            dark += rv_qr_dark(&a, x, y);
        }
    /* a masked code is about half dark */
    CHECK(dark > a.size * a.size * 3 / 10 && dark < a.size * a.size * 7 / 10);
    int q = RV_QR_QUIET, far = RV_QR_QUIET + a.size - 7;
    CHECK(finder_at(&a, q, q));
    CHECK(finder_at(&a, far, q));
    CHECK(finder_at(&a, q, far));
    CHECK(!finder_at(&a, far, far)); /* the fourth corner has none */
    /* outside the matrix is light, never read out of bounds */
    CHECK_INT(rv_qr_dark(&a, -1, 5), 0);
    CHECK_INT(rv_qr_dark(&a, 5, side), 0);
    CHECK_INT(rv_qr_dark(&a, 100000, 100000), 0);
}

static void test_deterministic(void)
{
    bh_err e;
    const char *url = "http://10.0.0.7:8417/?c=ABCD";
    CHECK_INT(rv_qr_encode(url, &a, &e), BH_OK);
    CHECK_INT(rv_qr_encode(url, &b, &e), BH_OK);
    CHECK_INT(a.size, b.size);
    CHECK(memcmp(a.dark, b.dark, (size_t)a.size * (size_t)a.size) == 0);
    CHECK_INT(rv_qr_encode("http://10.0.0.7:8417/?c=ABCE", &b, &e), BH_OK);
    CHECK_INT(a.size, b.size);
    CHECK(memcmp(a.dark, b.dark, (size_t)a.size * (size_t)a.size) != 0);
}

static void test_sizes(void)
{
    bh_err e;
    char url[400];
    int last = 0;
    /* longer URLs take bigger versions, up to the bound and no further */
    for (size_t n = 10; n < 220; n += 10) {
        memset(url, 'a', n);
        memcpy(url, "http://", 7);
        url[n] = '\0';
        if (rv_qr_encode(url, &a, &e) != BH_OK)
            break;
        CHECK(a.version >= last && a.version <= RV_QR_MAX_VERSION);
        CHECK_INT(a.size, 17 + 4 * a.version);
        last = a.version;
    }
    CHECK_INT(last, RV_QR_MAX_VERSION);
}

static void test_refused(void)
{
    bh_err e;
    char url[400];
    memset(url, 'x', sizeof url - 1);
    url[sizeof url - 1] = '\0';
    CHECK_INT(rv_qr_encode(url, &a, &e), BH_EUSAGE);
    CHECK(strstr(e.msg, "too long") != NULL);
    CHECK_INT(a.version, 0); /* emptied: still a valid "no code" */
    CHECK_INT(rv_qr_side(&a), 0);
    CHECK_INT(rv_qr_dark(&a, 5, 5), 0);
    CHECK_INT(rv_qr_encode("", &a, &e), BH_EUSAGE);
    CHECK(strstr(e.msg, "no URL") != NULL);
    CHECK_INT(rv_qr_encode(NULL, &a, &e), BH_EUSAGE);
    CHECK_INT(a.version, 0);
}

int main(int argc, char **argv)
{
    static const check_case cases[] = {
        {"a LAN URL: version, quiet zone, finder patterns", test_lan_url},
        {"the same URL, the same code", test_deterministic},
        {"sizes grow with the URL up to the bound", test_sizes},
        {"too long or empty is refused", test_refused},
        {NULL, NULL},
    };
    return check_main(argc, argv, cases);
}
