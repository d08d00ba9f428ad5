/* ex_search_out.c: what a search found, in the exploration's model and
 * as text.
 *
 * The model gains "search" (ex_build adds it when the result has targets):
 *
 *   "search": { runs, generations, kept, quiet, budget, cap, stopped: quiet|cap|all_failed,
 *               endings, injects, options: [ { id (options: "decision.option"), reached,
 *                 first_run?, runs, cut?, seconds? (timing), witness?: { inputs, from,
 *                 reproduced, file? } } ],
 *               never: [ { kind: ending|inject|option, id, runs } ],
 *               endings_s? (timing: when the last ending reached was first reached),
 *               witness_runs, witness_s? (timing) }
 *
 * Like the rest of the model, all but the seconds depend only on the
 * scenario, the seed and the budget: not on the workers. */
#include "explore/ex_internal.h"

#include <string.h>

#include "core/text.h"
#include "report/rp_report.h"

static const char *const kinds[] = {"ending", "inject", "option"};

static void target_id(const ex_result *r, const ex_target *t, char *b, size_t n)
{
    const bh_defs *d = r->defs;
    if (t->kind == EX_T_ENDING)
        snprintf(b, n, "%s", d->endings[t->index].id);
    else if (t->kind == EX_T_INJECT)
        snprintf(b, n, "%s", d->injects[t->index].id);
    else
        snprintf(b, n, "%s.%s", d->decisions[t->decision].id,
                 d->decisions[t->decision].options[t->option].id);
}

static json_t *target_json(const ex_result *r, const ex_target *t, int timing)
{
    char id[400];
    target_id(r, t, id, sizeof id);
    json_t *o = json_pack("{s:s, s:b, s:i}", "id", id, "reached", t->run >= 0, "runs", t->runs);
    if (!o || t->run < 0)
        return o;
    json_object_set_new(o, "first_run", json_integer(t->run));
    if (t->cut >= 0)
        json_object_set_new(o, "cut", json_string(r->defs->cuts[t->cut].id));
    if (timing)
        json_object_set_new(o, "seconds", json_real(t->at));
    if (t->witness || (r->opts.witness && t->best)) {
        json_t *w = json_pack("{s:i, s:i, s:b}", "inputs", t->witness_inputs, "from",
                              t->best_inputs, "reproduced", t->reproduced);
        if (w && t->path)
            json_object_set_new(w, "file", json_string(t->path));
        json_object_set_new(o, "witness", w);
    }
    return o;
}

json_t *ex_build_search(const ex_result *r, int timing)
{
    json_t *m = json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:s}", "runs", r->nruns,
                          "generations", r->generations, "kept", r->corpus, "quiet", r->quiet,
                          "budget", r->opts.budget > 0 ? r->opts.budget : EX_DEFAULT_BUDGET,
                          "cap", r->opts.runs,
                          "stopped", r->all_failed ? "all_failed" : r->nruns >= r->opts.runs ? "cap" : "quiet");
    json_t *lists[3] = {json_array(), json_array(), json_array()}, *never = json_array();
    if (!m || !lists[0] || !lists[1] || !lists[2] || !never) {
        json_decref(m);
        for (int i = 0; i < 3; i++)
            json_decref(lists[i]);
        json_decref(never);
        return NULL;
    }
    double last = 0;
    int any = 0;
    for (int i = 0; i < r->ntargets; i++) {
        const ex_target *t = &r->targets[i];
        json_array_append_new(lists[t->kind], target_json(r, t, timing));
        if (t->kind == EX_T_ENDING && t->run >= 0) {
            last = t->at > last ? t->at : last;
            any = 1;
        }
        if (t->run < 0) {
            char id[400];
            target_id(r, t, id, sizeof id);
            json_array_append_new(never, json_pack("{s:s, s:s, s:i}", "kind", kinds[t->kind],
                                                   "id", id, "runs", r->nruns));
        }
    }
    json_object_set_new(m, "endings", lists[0]);
    json_object_set_new(m, "injects", lists[1]);
    json_object_set_new(m, "options", lists[2]);
    json_object_set_new(m, "never", never);
    json_object_set_new(m, "witness_runs", json_integer(r->minimize_runs));
    if (timing && any)
        json_object_set_new(m, "endings_s", json_real(last));
    if (timing && r->opts.witness)
        json_object_set_new(m, "witness_s", json_real(r->minimize_seconds));
    return m;
}

static int count(const json_t *o, const char *key)
{
    return (int)json_integer_value(json_object_get(o, key));
}

static int reached(const json_t *a)
{
    size_t i;
    json_t *x;
    int n = 0;
    json_array_foreach(a, i, x)
        n += json_is_true(json_object_get(x, "reached"));
    return n;
}

/* The widest id in a list, for a table that does not cut any. */
static int widest(const json_t *a, int least)
{
    size_t i;
    json_t *x;
    int w = least;
    json_array_foreach(a, i, x) {
        int n = (int)text_chars(rp_str(x, "id"));
        w = n > w ? n : w;
    }
    return w;
}

void ex_write_search(FILE *f, const json_t *m)
{
    const json_t *s = json_object_get(m, "search");
    if (!s)
        return;
    const json_t *en = json_object_get(s, "endings"), *in = json_object_get(s, "injects"),
                 *op = json_object_get(s, "options");
    fprintf(f, "\nSearch: %d runs in %d generation%s, %d kept to build on; ", count(s, "runs"),
            count(s, "generations"), count(s, "generations") == 1 ? "" : "s", count(s, "kept"));
    if (!strcmp(rp_str(s, "stopped"), "all_failed"))
        fprintf(f, "it stopped because every run of a generation failed: nothing to build on\n");
    else if (!strcmp(rp_str(s, "stopped"), "cap"))
        fprintf(f, "it stopped at its cap (--runs %d)\n", count(s, "cap"));
    else
        fprintf(f, "it stopped when %d runs in a row found nothing new\n", count(s, "quiet"));
    fprintf(f, "  endings reached: %d of %zu", reached(en), json_array_size(en));
    if (json_object_get(s, "endings_s"))
        fprintf(f, ", the last of them first after %.2f s",
                json_real_value(json_object_get(s, "endings_s")));
    fprintf(f, "\n");
    int w = widest(en, 6);
    size_t i;
    json_t *x;
    json_array_foreach(en, i, x) {
        fprintf(f, "    %-*s ", w, rp_str(x, "id"));
        if (!json_is_true(json_object_get(x, "reached"))) {
            fprintf(f, "never reached\n");
            continue;
        }
        fprintf(f, "first in run %d", count(x, "first_run"));
        if (json_object_get(x, "cut"))
            fprintf(f, " (cut %s)", rp_str(x, "cut"));
        const json_t *wi = json_object_get(x, "witness");
        if (wi && json_is_true(json_object_get(wi, "reproduced")))
            fprintf(f, "; witness: %d input%s%s%s", count(wi, "inputs"),
                    count(wi, "inputs") == 1 ? "" : "s", json_object_get(wi, "file") ? ", " : "",
                    json_object_get(wi, "file") ? rp_str(wi, "file") : "");
        else if (wi)
            fprintf(f, "; NO witness: the run did not reach it again when replayed alone");
        fprintf(f, "\n");
    }
    fprintf(f, "  injects fired: %d of %zu; options taken: %d of %zu\n", reached(in),
            json_array_size(in), reached(op), json_array_size(op));
    const json_t *nv = json_object_get(s, "never");
    if (json_array_size(nv)) {
        fprintf(f, "  never reached in %d runs of search:", count(s, "runs"));
        json_array_foreach(nv, i, x)
            fprintf(f, "%s %s %s", i ? "," : "", rp_str(x, "kind"), rp_str(x, "id"));
        fprintf(f, "\n");
    }
    if (count(s, "witness_runs")) {
        fprintf(f, "  witnesses cut down in %d replays", count(s, "witness_runs"));
        if (json_object_get(s, "witness_s"))
            fprintf(f, " (%.2f s)", json_real_value(json_object_get(s, "witness_s")));
        fprintf(f, "\n");
    }
}
