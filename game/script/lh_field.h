/* lh_field: reading one declaration's table, for the declaration
 * functions of lh_decl.c (internal to the script layer).
 *
 * Every reader reports a bad or missing field as a diagnostic at the
 * declaration's file:line and carries on (LHD_ERR), so an author sees all
 * the problems at once; only running out of memory or budget raises. Text
 * is checked (size, UTF-8, no control characters), charged to the budget
 * for the scan, and copied out of Lua against the same memory cap. */
#ifndef LH_FIELD_H
#define LH_FIELD_H

#include "script/lh_internal.h"

/* The declaration being read: its table at stack index t, its kind and id
 * for messages, and where it was declared. */
typedef struct lhd_ctx {
    lh_host *h;
    lua_State *L;
    int t;            /* stack index of the declaration table */
    const char *kind; /* "inject" */
    const char *id;   /* for messages; may be NULL */
    char early_id[65]; /* the raw id, so messages name it before it is validated */
    bh_loc loc;
} lhd_ctx;

/* Report a problem with the declaration being read ("<kind> '<id>': ..."). */
void lhd_msg(lhd_ctx *c, lh_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define LHD_ERR(c, ...) lhd_msg(c, LH_ERROR, __VA_ARGS__)

/* Start a declaration `kind` called from Lua with its table at index 1:
 * raises when declarations are not allowed now, 0 (reported) when the
 * argument is not a table, else 1 with *c ready. */
int lhd_begin(lua_State *L, lhd_ctx *c, const char *kind);
/* Report fields of the table at t that are not in `allowed` (NULL-ended). */
void lhd_check_fields(lhd_ctx *c, int t, const char *const *allowed, const char *what);
/* Read and check the id; with slot >= 0 (LH_IDX_*), report a duplicate,
 * whose place is found in base[] (elements of `stride` bytes, with their
 * bh_loc at offset_loc). Returns the copied id, or NULL. */
char *lhd_id(lhd_ctx *c, int slot, size_t stride, const void *base, size_t offset_loc);
/* Enter id as declaration `index` of its kind (the first of duplicates wins). */
void lhd_enter_id(lhd_ctx *c, int slot, const char *id, size_t index);
int lhd_valid_id(const char *s);

/* Push the raw value of field `name`; returns its type. */
int lhd_field(lhd_ctx *c, const char *name);
/* The typed readers: the value (copied, for text) or NULL / 0 when the
 * field is absent or wrong; `required` reports an absent one. */
char *lhd_str(lhd_ctx *c, const char *name, int required);
int lhd_num(lhd_ctx *c, const char *name, int required, double *out);
int lhd_int(lhd_ctx *c, const char *name, int required, int lo, int hi, int *out);
int lhd_bool(lhd_ctx *c, const char *name, int *out);
int lhd_dur(lhd_ctx *c, const char *name, int required, bh_time *out);
void lhd_after(lhd_ctx *c, bh_hook when, bh_time *after);
bh_hook lhd_fn(lhd_ctx *c, const char *name);
int lhd_enum(lhd_ctx *c, const char *name, int (*parse)(const char *), const char *list,
             int required, int def);
void lhd_texts(lhd_ctx *c, const char *name, bh_texts *out);
/* The `facilitator` field: a text, or { good = ..., expected = ..., hint = ... }. */
void lhd_fnote(lhd_ctx *c, bh_fnote *out);

/* The lists nested in a declaration (lh_decl_list.c). */
void lhd_read_options(lhd_ctx *c, bh_decision_def *x);
void lhd_read_every(lhd_ctx *c, bh_action_def *a);
void lhd_read_findings(lhd_ctx *c, bh_ending_def *x);

#endif
