/* rv_qr: the join URL as a QR code's module matrix, for the projector.
 *
 * libqrencode does the encoding (byte mode, error correction M: a
 * projected code survives a little keystone and glare); this module only
 * turns its output into a plain value the room view model can own and a
 * screen can draw as filled squares, with the quiet zone the standard
 * asks for (4 light modules round the code) counted in. The matrix is
 * bounded (version RV_QR_MAX_VERSION): a bigger code would need modules
 * too small to scan from the back of a room, so a URL that needs one is
 * refused with a clear error and the projector shows the URL as text
 * only. Pure: the same URL gives the same matrix. Includes neither SDL
 * nor Lua (game/room rules). */
#ifndef RV_QR_H
#define RV_QR_H

#include "core/err.h"

/* Version 10 (57 modules a side) holds 213 bytes at level M, far more
 * than a LAN URL with a room code (about 40). */
#define RV_QR_MAX_VERSION 10
#define RV_QR_MAX_SIZE (17 + 4 * RV_QR_MAX_VERSION)
#define RV_QR_QUIET 4   /* light modules round the code (ISO/IEC 18004) */

typedef struct rv_qr {
    int version;        /* 1..RV_QR_MAX_VERSION; 0: no code */
    int size;           /* modules a side without the quiet zone (17 + 4 * version) */
    unsigned char dark[RV_QR_MAX_SIZE * RV_QR_MAX_SIZE]; /* row-major, 1 = dark */
} rv_qr;

/* Encode `url` into *out. BH_EUSAGE for NULL or "" and for a URL too
 * long for RV_QR_MAX_VERSION (the message says how long it may be);
 * BH_ENOMEM when libqrencode runs out. *out is emptied (version 0) first,
 * so on an error it is still a valid "no code". */
bh_status rv_qr_encode(const char *url, rv_qr *out, bh_err *err);
/* Modules a side with the quiet zone: what a screen lays out (0 for none). */
int rv_qr_side(const rv_qr *q);
/* Is the module at (x, y) dark, counting the quiet zone: 0 <= x, y <
 * rv_qr_side. Anything outside the code (the quiet zone, out of range) is light. */
int rv_qr_dark(const rv_qr *q, int x, int y);

#endif
