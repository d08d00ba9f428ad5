/* rv_qr: see rv_qr.h. libqrencode's QRcode is a size x size byte matrix
 * whose bit 0 says dark; it is copied into the bounded rv_qr and freed at
 * once, so nothing of libqrencode outlives the call. */
#include "room/rv_qr.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

bh_status rv_qr_encode(const char *url, rv_qr *out, bh_err *err)
{
    out->version = 0;
    out->size = 0;
    if (!url || !url[0])
        return err_set(err, BH_EUSAGE, "", 0, "no URL to put in the QR code");
    /* case-sensitive byte mode: a URL's query may hold any byte */
    errno = 0;
    QRcode *c = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!c) {
        if (errno == ENOMEM)
            return err_set(err, BH_ENOMEM, "", 0, "out of memory encoding the QR code");
        return err_set(err, BH_EUSAGE, "", 0,
                       "the join URL is too long for a QR code (%zu bytes)", strlen(url));
    }
    if (c->version < 1 || c->version > RV_QR_MAX_VERSION || c->width != 17 + 4 * c->version) {
        size_t n = strlen(url);
        QRcode_free(c);
        return err_set(err, BH_EUSAGE, "", 0,
                       "the join URL is too long for a QR code the room can scan (%zu bytes; "
                       "at most about 200)", n);
    }
    out->version = c->version;
    out->size = c->width;
    for (int i = 0; i < c->width * c->width; i++)
        out->dark[i] = c->data[i] & 1;
    QRcode_free(c);
    return BH_OK;
}

int rv_qr_side(const rv_qr *q)
{
    return q->version ? q->size + 2 * RV_QR_QUIET : 0;
}

int rv_qr_dark(const rv_qr *q, int x, int y)
{
    x -= RV_QR_QUIET;
    y -= RV_QR_QUIET;
    if (!q->version || x < 0 || y < 0 || x >= q->size || y >= q->size)
        return 0;
    return q->dark[y * q->size + x];
}
