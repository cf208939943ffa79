/* ovo-check: outcome lines (OUTCOME.md) from libovo.
 *
 *   ovo-check [--mode reference|strict] [--jsonl FILE] [FILE|DIR|-]...
 *
 * One line per input, in input order.  Exit status 0 when every input was
 * evaluated, 1 when an input could not be read or libovo ran out of
 * memory, 2 on a usage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "ovo/ovo.h"

#define USAGE                                                                          \
    "usage: ovo-check [--mode reference|strict] [--budget FRAMES] [--jsonl FILE]\n"     \
    "                 [FILE|DIR|-]...\n"                                                \
    "       ovo-check --list-rules\n"                                                   \
    "Prints one outcome line (JSON) per input: a file, each line of a JSONL\n"          \
    "file, every file below a directory, or standard input.  --budget sets the\n"      \
    "simulated interpreter stack (default 1001, the reference's; see\n"                \
    "docs/recursion.md).  --list-rules prints the strict-mode rules as a\n"           \
    "Markdown table (docs/strict-rules.md).\n"

typedef struct run {
    ovo_ctx *ctx;
    ovo_mode mode;
    ovo_buf line;
    int status;
} run;

static int check_one(const char *label, const unsigned char *data, size_t size, void *ud)
{
    run *r = ud;
    ovo_result res;
    unsigned flags = OVO_EVAL_PRIMITIVE | (r->mode == OVO_MODE_STRICT ? OVO_EVAL_STRICT : 0);
    if (ovo_evaluate(r->ctx, data, size, flags, &res) < 0)
        r->status = 1;  /* still printed, as MemoryError */
    r->line.len = 0;
    if (ovo_render_outcome(&res, r->mode, &r->line) < 0) {
        fprintf(stderr, "ovo-check: %s: out of memory while rendering\n", label);
        return -1;
    }
    fwrite(r->line.data, 1, r->line.len, stdout);
    fputc('\n', stdout);
    ovo_ctx_reset(r->ctx);
    return 0;
}

static void usage(FILE *f) { fputs(USAGE, f); }

/* The strict rules, one table row each, from the one list in errors.h. */
static void list_rules(void)
{
    puts("| rule | what breaks |\n|---|---|");
    for (int r = 1; r < OVO_RULE_COUNT_; r++)
        printf("| `%s` | %s |\n", ovo_rule_id((ovo_rule)r), ovo_rule_doc((ovo_rule)r));
}

int main(int argc, char **argv)
{
    run r = {.mode = OVO_MODE_REFERENCE};
    ovo_limits limits = {0};
    input_spec *specs = calloc((size_t)argc + 1, sizeof *specs);
    size_t n = 0;
    if (!specs)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--list-rules") == 0) {
            list_rules();
            return 0;
        }
        if (strcmp(a, "--mode") == 0 || strcmp(a, "--jsonl") == 0 || strcmp(a, "--budget") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "ovo-check: %s needs an argument\n", a);
                usage(stderr);
                return 2;
            }
            const char *v = argv[++i];
            if (a[2] == 'j') {
                specs[n++] = (input_spec){INPUT_JSONL, v};
            } else if (a[2] == 'b') {
                char *end;
                long b = strtol(v, &end, 10);
                if (*end || b < 1 || b > 1000000) {
                    fprintf(stderr, "ovo-check: bad --budget '%s'\n", v);
                    return 2;
                }
                limits.stack_budget = (uint32_t)b;
            } else if (strcmp(v, "reference") == 0) {
                r.mode = OVO_MODE_REFERENCE;
            } else if (strcmp(v, "strict") == 0) {
                r.mode = OVO_MODE_STRICT;
            } else {
                fprintf(stderr, "ovo-check: unknown mode '%s' (reference or strict)\n", v);
                return 2;
            }
            continue;
        }
        if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "ovo-check: unknown option %s\n", a);
            usage(stderr);
            return 2;
        }
        specs[n++] = (input_spec){INPUT_PATH, a};
    }
    if (n == 0)
        specs[n++] = (input_spec){INPUT_PATH, "-"};
    r.ctx = ovo_ctx_new(&limits);
    if (!r.ctx) {
        fputs("ovo-check: out of memory\n", stderr);
        return 1;
    }
    int rc = input_each(specs, n, check_one, &r);
    ovo_buf_free(&r.line);
    ovo_ctx_free(r.ctx);
    free(specs);
    if (fflush(stdout) != 0)
        return 1;
    return rc != 0 ? 1 : r.status;
}
