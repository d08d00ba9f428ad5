/* cli_pack: `bulkhead pack FILE.lua [--cut ID] [--part P] [-o OUT.html]`,
 * the workshop's pack to print (game/report/pk_pack.h): the participants'
 * situation manual and the facilitator's guide, from the scenario alone.
 * Written like a report: a new file, fsynced, renamed over the old one,
 * so a failure never leaves half a pack. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "explore/ex_explore.h"
#include "report/pk_pack.h"
#include "script/lh_host.h"

static const char *pack_help =
    "Usage: bulkhead pack FILE.lua [--cut ID] [--part all|participants|facilitator]\n"
    "                     [-o OUT.html]\n"
    "\n"
    "Write the workshop's pack for FILE.lua as one self-contained HTML page for A4\n"
    "(no network: print it from a browser, or chromium --headless --print-to-pdf):\n"
    "  the participants' situation manual: objectives, background, organisation, roles\n"
    "    and what each can do, rules of play, the agenda and a feedback form;\n"
    "  the facilitator's guide: run sheet, the timeline at the planned pace in real\n"
    "    minutes, every decision with its default and recommended answers, notes,\n"
    "    discussion questions, interventions and sources.\n"
    "Each part starts on a new page. Without -o the pack goes to standard output.\n"
    "  --cut ID      the session cut to plan for (its length, rate and agenda)\n"
    "  --part P      all (default), participants or facilitator: one part only\n"
    "  --runs N      explore N sessions of the cut (default 200; 0: none) to say how\n"
    "                likely what waits on the room's play is: \"came in 40 of 200\"\n"
    "  -o, --output  the HTML file to write\n";

static int same_file(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* A new file renamed over the old one: a failure leaves the old pack. */
static int write_out(const char *out, const bh_defs *d, const pk_opts *o)
{
    char tmp[4200];
    bh_err err;
    err_clear(&err);
    if (!out) {
        if (pk_write(stdout, "standard output", d, o, &err) != BH_OK) {
            print_err(&err, "error");
            return EXIT_PROBLEMS;
        }
        return 0;
    }
    /* A device or a pipe (/dev/stdout, /dev/full, a FIFO) is written in
     * place: renamed over, it would be replaced by a plain file (as root,
     * even /dev/full), and a full device would go unnoticed. */
    struct stat st;
    if (stat(out, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        FILE *f = fopen(out, "w");
        if (!f) {
            fprintf(stderr, "%s: error: cannot write the pack: %s\n", out, strerror(errno));
            return EXIT_PROBLEMS;
        }
        bh_status ws = pk_write(f, out, d, o, &err);
        int bad = ws == BH_OK && (fflush(f) != 0 || ferror(f));
        int e = errno;
        if (fclose(f) != 0 && ws == BH_OK && !bad) {
            bad = 1;
            e = errno;
        }
        if (ws != BH_OK) {
            print_err(&err, "error");
            return EXIT_PROBLEMS;
        }
        if (bad) {
            fprintf(stderr, "%s: error: cannot write the pack: %s\n", out, strerror(e));
            return EXIT_PROBLEMS;
        }
        fprintf(stderr, "wrote %s\n", out);
        return 0;
    }
    if (snprintf(tmp, sizeof tmp, "%s.tmp", out) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: error: the name is too long\n", out);
        return EXIT_PROBLEMS;
    }
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "%s: error: cannot write the pack: %s\n", out, strerror(errno));
        return EXIT_PROBLEMS;
    }
    if (pk_write(f, out, d, o, &err) != BH_OK) {
        print_err(&err, "error");
        fclose(f);
        unlink(tmp);
        return EXIT_PROBLEMS;
    }
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        fprintf(stderr, "%s: error: cannot write the pack: %s\n", out, strerror(errno));
        fclose(f);
        unlink(tmp);
        return EXIT_PROBLEMS;
    }
    if (fclose(f) != 0 || rename(tmp, out) != 0) {
        fprintf(stderr, "%s: error: cannot write the pack: %s\n", out, strerror(errno));
        unlink(tmp);
        return EXIT_PROBLEMS;
    }
    fprintf(stderr, "wrote %s\n", out);
    return 0;
}

/* Sessions of the cut played by explore's simple players: in how many
 * each untimed message and decision came. Seeds 1 to N, so a pack is the
 * same every time. Without them the pack still says what it can. */
static ex_result *explore(const char *path, pk_opts *o, const lh_opts *lua)
{
    ex_opts eo;
    ex_opts_default(&eo);
    eo.scenario = path;
    eo.cut = o->cut;
    eo.runs = o->runs;
    eo.seed = 1;
    eo.lua = *lua;
    ex_result *r = NULL;
    lh_diags d = {0};
    bh_err e;
    err_clear(&e);
    if (ex_explore(&eo, &r, &d, &e) != BH_OK || !r) {
        print_err(&e, "warning");
        fprintf(stderr, "bulkhead: warning: the pack says nothing of how likely what waits "
                        "on the room is\n");
        o->runs = 0;
    } else {
        o->fired = r->fired;
        o->opened = r->opened;
    }
    lh_diags_free(&d);
    return r;
}

int cmd_pack(int argc, char **argv)
{
    enum { O_CUT = 1, O_PART, O_OUT, O_HELP, O_RUNS };
    static const struct option opts[] = {{"cut", required_argument, 0, O_CUT},
                                         {"part", required_argument, 0, O_PART},
                                         {"output", required_argument, 0, O_OUT},
                                         {"help", no_argument, 0, O_HELP},
                                         {"runs", required_argument, 0, O_RUNS},
                                         {0, 0, 0, 0}};
    pk_opts o = {.runs = 200};
    uint64_t nr;
    const char *out = NULL;
    int ch, part;
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (ch) {
        case O_CUT: o.cut = optarg; break;
        case O_PART:
            if ((part = pk_parse_part(optarg)) < 0)
                return usage_error("--part wants all, participants or facilitator, not '%s'",
                                   optarg);
            o.part = (pk_part)part;
            break;
        case 'o': case O_OUT: out = optarg; break;
        case O_RUNS:
            if (parse_u64(optarg, &nr) != 0 || nr > 100000)
                return usage_error("--runs wants a number of sessions from 0 to 100000, not '%s'",
                                   optarg);
            o.runs = (int)nr;
            break;
        case 'h': case O_HELP: fputs(pack_help, stdout); return 0;
        default:
            if (optopt)
                return usage_error("option '%s' needs a value", argv[optind - 1]);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return usage_error("%s", "pack needs a scenario: bulkhead pack FILE.lua [--cut ID] "
                                 "[-o OUT.html]");
    if (optind + 1 < argc)
        return usage_error("pack takes one scenario; unexpected '%s'", argv[optind + 1]);
    const char *path = argv[optind];
    o.file = path;
    if (out && same_file(out, path)) {
        fprintf(stderr, "%s: error: that is the scenario itself; choose another name for the "
                        "pack\n", out);
        return EXIT_PROBLEMS;
    }
    lh_opts lo;
    lh_opts_default(&lo);
    lh_host *h = NULL;
    lh_diags d = {0};
    int rc = EXIT_PROBLEMS;
    lh_load(path, &lo, &h, &d);
    print_diags(&d);
    if (h && d.errors == 0 && o.cut && cli_check_cut(lh_defs(h), o.cut, path) != 0)
        rc = EXIT_USAGE; /* a bad flag, as run and workshop say */
    else if (h && d.errors == 0) {
        ex_result *r = o.runs ? explore(path, &o, &lo) : NULL;
        rc = write_out(out, lh_defs(h), &o);
        ex_result_free(r);
    }
    lh_free(h);
    lh_diags_free(&d);
    return rc;
}
