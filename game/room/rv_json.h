/* rv_json: the room view model as the phones' JSON (GET /api/state).
 *
 * A pure function of an rv_model (game/room/rv_model.h), which holds only
 * what the room may see: nothing else goes in, so the phones can never be
 * shown more than the projector. The shape is the contract with the phone
 * page (notes/srv.md, issue 14): "v" is its version; the page ignores
 * fields it does not know and tolerates missing ones, so fields may be
 * added without bumping "v". While the projector is blanked every session
 * field is empty or null (the holding slide). Strings that are not valid
 * UTF-8 have their bad bytes replaced by '?', so the output is always
 * valid JSON. */
#ifndef RV_JSON_H
#define RV_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "room/rv_model.h"

#define RV_JSON_VERSION 1

/* The model as a new JSON object; NULL only when out of memory. */
json_t *rv_json(const rv_model *m);
/* The same, serialised compactly (UTF-8, no trailing newline) into a
 * string the caller frees with free(); *n its length. NULL when out of
 * memory. */
char *rv_json_text(const rv_model *m, size_t *n);
/* How many decisions the room has open in this model (0 while blank):
 * what GET /health reports. */
int rv_json_open_decisions(const rv_model *m);

#endif
