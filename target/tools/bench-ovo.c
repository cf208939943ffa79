/* bench-ovo: what libovo's stages cost next to jansson's parser, on the same
 * bytes.  Prints figures, never asserts.
 *
 *   bench-ovo [--runs N] [--min-time SECONDS] [--json] [--jsonl FILE] [FILE|DIR|-]...
 *
 * Every input is loaded into memory first.  Each case below then loops over
 * all inputs, as many times as it takes for one run to last at least
 * --min-time seconds (default 0.2), and is timed with CLOCK_MONOTONIC;
 * --runs runs (default 7) give the median.  The runs of the cases are
 * interleaved, so load changes on the machine hit every case alike.
 *
 *   jansson.parse        json_loadb(JSON_DECODE_ANY | JSON_ALLOW_NUL) + json_decref
 *   ovo.json_loads       libovo's JSON layer alone (ovo_json_loads + ovo_ctx_reset)
 *   ovo.evaluate         ovo_evaluate with no flags: bytes -> object (obj_from_primitive)
 *   ovo.evaluate+strict  ovo_evaluate(OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT), what the
 *                        harnesses do per evaluation
 *   ovo.from_tree        ovo_evaluate_jansson with no flags on trees parsed before
 *                        the clock starts (includes converting the jansson tree)
 *   jansson.parse.tree   jansson.parse over the inputs from_tree used (those
 *                        jansson parses)
 *
 * and two derived figures: ovo.deserialize = ovo.evaluate - ovo.json_loads
 * (libovo's deserialization alone), and its ratio to jansson.parse. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inputs.h"
#include "ovo/jansson.h"
#include "ovo/json.h"
#include "ovo/ovo.h"

#define USAGE                                                                          \
    "usage: bench-ovo [--runs N] [--min-time SECONDS] [--json] [--jsonl FILE]\n"        \
    "                 [FILE|DIR|-]...\n"                                                \
    "Times jansson's parser and libovo's stages over the same inputs (median of\n"     \
    "--runs runs, each at least --min-time seconds); --json prints one JSON object\n"  \
    "per case instead of a table.\n"

typedef struct input {
    unsigned char *data;
    size_t size;
    json_t *tree;       /* jansson's parse, or NULL */
} input;

typedef struct corpus {
    input *v;
    size_t n, cap;
    size_t bytes;
} corpus;

static int add_input(const char *label, const unsigned char *data, size_t size, void *ud)
{
    corpus *c = ud;
    (void)label;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        input *nv = realloc(c->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        c->v = nv;
        c->cap = cap;
    }
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return -1;
    memcpy(copy, data, size);
    c->v[c->n++] = (input){copy, size, NULL};
    c->bytes += size;
    return 0;
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static volatile uintptr_t sink;

typedef enum {
    CASE_JANSSON,
    CASE_OVO_LOADS,
    CASE_OVO_EVAL,
    CASE_OVO_EVAL_STRICT,
    CASE_OVO_TREE,
    CASE_JANSSON_TREE
} case_kind;

/* One pass over the inputs; only those with a tree when tree_only. */
static void pass(case_kind k, const corpus *c, ovo_ctx *ctx)
{
    json_error_t err;
    ovo_result res;
    for (size_t i = 0; i < c->n; i++) {
        const input *in = &c->v[i];
        switch (k) {
        case CASE_JANSSON_TREE:
            if (!in->tree)
                break;
            /* fall through */
        case CASE_JANSSON: {
            json_t *j = json_loadb((const char *)in->data, in->size,
                                   JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
            sink += (uintptr_t)j;
            json_decref(j);
            break;
        }
        case CASE_OVO_LOADS: {
            const ovo_val *v = NULL;
            ovo_json_reason why;
            sink += (uintptr_t)ovo_json_loads(ctx, in->data, in->size, &v, &why);
            sink += (uintptr_t)v;
            ovo_ctx_reset(ctx);
            break;
        }
        case CASE_OVO_EVAL:
        case CASE_OVO_EVAL_STRICT:
            ovo_evaluate(ctx, in->data, in->size,
                         k == CASE_OVO_EVAL ? 0 : OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &res);
            sink += (uintptr_t)res.outcome + (uintptr_t)res.object;
            ovo_ctx_reset(ctx);
            break;
        case CASE_OVO_TREE:
            if (!in->tree)
                break;
            ovo_evaluate_jansson(ctx, in->tree, 0, &res);
            sink += (uintptr_t)res.outcome + (uintptr_t)res.object;
            ovo_ctx_reset(ctx);
            break;
        }
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

typedef struct figure {
    const char *name;
    size_t inputs;      /* per pass */
    size_t bytes;       /* per pass */
    double ns_per_input;/* median */
    double min_ns, max_ns;
} figure;

typedef struct bench_case {
    const char *name;
    case_kind kind;
    size_t inputs, bytes;   /* per pass */
    uint64_t reps;          /* passes per run, calibrated */
    uint64_t *per;          /* ns of each run */
} bench_case;

/* Passes per run so that a run lasts at least min_time (after a warm-up). */
static void calibrate(bench_case *bc, const corpus *c, ovo_ctx *ctx, double min_time)
{
    bc->reps = 0;
    if (bc->inputs == 0)
        return;
    pass(bc->kind, c, ctx);  /* warm-up */
    uint64_t t0 = now_ns();
    pass(bc->kind, c, ctx);
    uint64_t one = now_ns() - t0;
    if (one == 0)
        one = 1;
    bc->reps = (uint64_t)(min_time * 1e9 / (double)one) + 1;
}

static void run_once(bench_case *bc, const corpus *c, ovo_ctx *ctx, int r)
{
    if (bc->reps == 0)
        return;
    uint64_t s = now_ns();
    for (uint64_t i = 0; i < bc->reps; i++)
        pass(bc->kind, c, ctx);
    bc->per[r] = now_ns() - s;
}

/* Median (and range) ns per input of a case's runs. */
static figure summarize(bench_case *bc, int runs)
{
    figure f = {bc->name, bc->inputs, bc->bytes, 0, 0, 0};
    if (bc->reps == 0)
        return f;
    qsort(bc->per, (size_t)runs, sizeof *bc->per, cmp_u64);
    double div = (double)bc->reps * (double)bc->inputs;
    f.ns_per_input = (runs % 2 ? (double)bc->per[runs / 2]
                               : ((double)bc->per[runs / 2 - 1] + (double)bc->per[runs / 2]) / 2) / div;
    f.min_ns = (double)bc->per[0] / div;
    f.max_ns = (double)bc->per[runs - 1] / div;
    return f;
}

static void print_figure(const figure *f, int json)
{
    double ips = f->ns_per_input > 0 ? 1e9 / f->ns_per_input : 0;
    double mbs = f->inputs ? ips * ((double)f->bytes / (double)f->inputs) / 1e6 : 0;
    if (json)
        printf("{\"case\":\"%s\",\"inputs\":%zu,\"bytes\":%zu,\"ns_per_input\":%.1f,"
               "\"min_ns_per_input\":%.1f,\"max_ns_per_input\":%.1f,"
               "\"inputs_per_s\":%.0f,\"mb_per_s\":%.2f}\n",
               f->name, f->inputs, f->bytes, f->ns_per_input, f->min_ns, f->max_ns, ips, mbs);
    else
        printf("%-22s %8zu %10zu %12.1f %12.0f %9.2f   [%.1f .. %.1f]\n", f->name, f->inputs,
               f->bytes, f->ns_per_input, ips, mbs, f->min_ns, f->max_ns);
}

int main(int argc, char **argv)
{
    int runs = 7, json = 0;
    double min_time = 0.2;
    input_spec *specs = calloc((size_t)argc + 1, sizeof *specs);
    size_t n = 0;
    if (!specs)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(USAGE, stdout);
            return 0;
        }
        if (strcmp(a, "--json") == 0) {
            json = 1;
            continue;
        }
        if (strcmp(a, "--runs") == 0 || strcmp(a, "--min-time") == 0 || strcmp(a, "--jsonl") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "bench-ovo: %s needs an argument\n%s", a, USAGE);
                return 2;
            }
            const char *v = argv[++i];
            char *end;
            if (a[2] == 'j') {
                specs[n++] = (input_spec){INPUT_JSONL, v};
            } else if (a[2] == 'r') {
                long r = strtol(v, &end, 10);
                if (*end || r < 1 || r > 1000) {
                    fprintf(stderr, "bench-ovo: bad --runs '%s'\n", v);
                    return 2;
                }
                runs = (int)r;
            } else {
                min_time = strtod(v, &end);
                if (*end || !(min_time >= 0) || min_time > 3600) {
                    fprintf(stderr, "bench-ovo: bad --min-time '%s'\n", v);
                    return 2;
                }
            }
            continue;
        }
        if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "bench-ovo: unknown option %s\n%s", a, USAGE);
            return 2;
        }
        specs[n++] = (input_spec){INPUT_PATH, a};
    }
    if (n == 0)
        specs[n++] = (input_spec){INPUT_PATH, "-"};

    corpus c = {0};
    if (input_each(specs, n, add_input, &c) != 0)
        return 1;
    free(specs);
    if (c.n == 0) {
        fputs("bench-ovo: no inputs\n", stderr);
        return 1;
    }
    size_t tree_n = 0, tree_bytes = 0;
    for (size_t i = 0; i < c.n; i++) {
        json_error_t err;
        c.v[i].tree = json_loadb((const char *)c.v[i].data, c.v[i].size,
                                 JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
        if (c.v[i].tree) {
            tree_n++;
            tree_bytes += c.v[i].size;
        }
    }
    ovo_ctx *ctx = ovo_ctx_new(NULL);
    if (!ctx) {
        fputs("bench-ovo: out of memory\n", stderr);
        return 1;
    }

    /* The runs of all cases are interleaved (run 1 of every case, then run
     * 2, ...), so a change in machine load affects them alike and the
     * differences between cases stay meaningful. */
    bench_case cases[6] = {
        {"jansson.parse", CASE_JANSSON, c.n, c.bytes, 0, NULL},
        {"ovo.json_loads", CASE_OVO_LOADS, c.n, c.bytes, 0, NULL},
        {"ovo.evaluate", CASE_OVO_EVAL, c.n, c.bytes, 0, NULL},
        {"ovo.evaluate+strict", CASE_OVO_EVAL_STRICT, c.n, c.bytes, 0, NULL},
        {"jansson.parse.tree", CASE_JANSSON_TREE, tree_n, tree_bytes, 0, NULL},
        {"ovo.from_tree", CASE_OVO_TREE, tree_n, tree_bytes, 0, NULL},
    };
    figure f[6];
    for (int i = 0; i < 6; i++) {
        cases[i].per = calloc((size_t)runs, sizeof *cases[i].per);
        if (!cases[i].per)
            return 1;
        calibrate(&cases[i], &c, ctx, min_time);
    }
    for (int r = 0; r < runs; r++)
        for (int i = 0; i < 6; i++)
            run_once(&cases[i], &c, ctx, r);
    for (int i = 0; i < 6; i++) {
        f[i] = summarize(&cases[i], runs);
        free(cases[i].per);
    }

    double deser = f[2].ns_per_input - f[1].ns_per_input;
    double ratio = f[0].ns_per_input > 0 ? deser / f[0].ns_per_input : 0;
    double tree_ratio = f[4].ns_per_input > 0 ? f[5].ns_per_input / f[4].ns_per_input : 0;
    if (!json)
        printf("%-22s %8s %10s %12s %12s %9s   %s\n", "case", "inputs", "bytes", "ns/input",
               "inputs/s", "MB/s", "[min .. max ns/input]");
    for (int i = 0; i < 6; i++)
        print_figure(&f[i], json);
    if (json) {
        printf("{\"case\":\"ovo.deserialize\",\"inputs\":%zu,\"bytes\":%zu,\"ns_per_input\":%.1f,"
               "\"ratio_to_jansson_parse\":%.4f}\n",
               c.n, c.bytes, deser, ratio);
        printf("{\"case\":\"ovo.from_tree/jansson.parse.tree\",\"ratio\":%.4f}\n", tree_ratio);
        printf("{\"runs\":%d,\"min_time\":%.3f}\n", runs, min_time);
    } else {
        printf("%-22s %8zu %10zu %12.1f   (ovo.evaluate - ovo.json_loads)\n", "ovo.deserialize",
               c.n, c.bytes, deser);
        printf("deserialize / jansson.parse = %.3f   from_tree / jansson.parse.tree = %.3f\n",
               ratio, tree_ratio);
        printf("(median of %d runs, each >= %.2f s)\n", runs, min_time);
    }
    for (size_t i = 0; i < c.n; i++) {
        json_decref(c.v[i].tree);
        free(c.v[i].data);
    }
    free(c.v);
    ovo_ctx_free(ctx);
    return 0;
}
