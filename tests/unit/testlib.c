#include "testlib.h"

#include <stdlib.h>
#include <string.h>

int test_failures;
int test_checks;

long test_each_vector(const char *path, test_vector_fn fn, void *ud)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        test_failures++;
        fprintf(stderr, "cannot open vector file %s\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long count = 0;
    size_t lineno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (n == 0 || line[0] == '\n')
            continue;
        json_error_t err;
        json_t *vec = json_loadb(line, (size_t)n, JSON_DECODE_ANY, &err);
        if (!vec) {
            test_failures++;
            fprintf(stderr, "%s:%zu: bad vector: %s\n", path, lineno, err.text);
            continue;
        }
        fn(vec, lineno, ud);
        json_decref(vec);
        count++;
    }
    free(line);
    fclose(f);
    if (count == 0) {
        test_failures++;
        fprintf(stderr, "%s: no vectors\n", path);
        return -1;
    }
    return count;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *test_hex(json_t *vec, const char *key, size_t *len)
{
    const char *h = json_string_value(json_object_get(vec, key));
    if (!h) {
        fprintf(stderr, "vector lacks %s\n", key);
        abort();
    }
    size_t n = strlen(h) / 2;
    char *out = malloc(n + 1);
    if (!out)
        abort();
    for (size_t i = 0; i < n; i++) {
        int a = hexval(h[2 * i]), b = hexval(h[2 * i + 1]);
        if (a < 0 || b < 0) {
            fprintf(stderr, "bad hex in %s\n", key);
            abort();
        }
        out[i] = (char)(a * 16 + b);
    }
    out[n] = 0;
    *len = n;
    return out;
}

int test_finish(const char *name)
{
    if (test_checks == 0) {
        fprintf(stderr, "%s: no checks ran\n", name);
        return 1;
    }
    fprintf(stderr, "%s: %d checks, %d failures\n", name, test_checks, test_failures);
    return test_failures ? 1 : 0;
}
