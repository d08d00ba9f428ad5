/* phones: simulated phones for the room server's load test, over libcurl's
 * multi interface on one thread (no thread per phone, as the server): each
 * phone joins (retrying after a 429 as a real page would), polls
 * /api/state with its ETag every poll_s, votes and changes its vote on the
 * open decision it last saw, asks /api/me now and then, and proposes an
 * action of its role. It connects only to 127.0.0.1 and stops at
 * `seconds` whatever happens (requests still in flight get drain_s more to
 * finish, so that every vote's outcome is known).
 *
 * The test (tests/load/test_load.c) runs 200 of them against a real srv;
 * the lead can run lp_run on a thread beside the console to measure its
 * frame time with phones in the room. */
#ifndef LOAD_PHONES_H
#define LOAD_PHONES_H

#include <stdatomic.h>

typedef struct lp_opts {
    int port;                  /* the server's, on 127.0.0.1 */
    const char *code;          /* the room code */
    int phones;                /* how many */
    double seconds;            /* how long (from the first join) */
    double poll_s;             /* between polls of /api/state (0: 0.5) */
    double vote_s;             /* a phone votes about this often (0: 4) */
    double me_s;               /* and asks /api/me (0: 10) */
    double propose_s;          /* and proposes (0: 15) */
    unsigned seed;
    atomic_int *stop;          /* when set and non-zero: stop now (NULL: run to the end) */
} lp_opts;

/* One phone's last accepted vote (decision -1: none accepted). */
typedef struct lp_vote {
    int decision, option, conf;
} lp_vote;

/* Decisions below this index also keep each phone's last accepted vote
 * on each (lp_result.on). */
#define LP_DECISIONS 64

typedef struct lp_result {
    long requests;             /* answered */
    long joins, polls, polls_304, votes, votes_stale, mes, proposals;
    long limited;              /* 429s (retried after Retry-After) */
    long errors;               /* anything else unexpected: a failed transfer, a 4xx/5xx
                                * that is not a stale vote or proposal */
    char first_error[200];
    double elapsed_s;
    double p50_ms, p95_ms, max_ms; /* request latency */
    int joined;                /* phones that joined */
    lp_vote *last;             /* [phones]: each phone's last accepted vote */
    lp_vote *on;               /* [phones * LP_DECISIONS]: phone i's last accepted vote on
                                * decision d at [i * LP_DECISIONS + d] (decision -1: none) */
    char (*names)[16];         /* [phones]: the name each joined with ("p0", ...) */
} lp_result;

/* Runs the phones; 0 when it ran (errors are counted in r), -1 when it
 * could not start (out of memory, libcurl). lp_result_free frees r's
 * arrays. */
int lp_run(const lp_opts *o, lp_result *r);
void lp_result_free(lp_result *r);

#endif
