/* A tiny test helper for the unit tests: checks that report and continue,
 * and a reader for the JSONL vector files in tests/data/ (jansson).
 *
 * Vector files are written by scripts that ran the real reference.  Text
 * that jansson cannot hold (lone surrogates, invalid UTF-8) is stored as
 * hex of its WTF-8 bytes in keys ending in "_hex"; test_hex() decodes it. */
#ifndef OVO_TESTLIB_H
#define OVO_TESTLIB_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

extern int test_failures;
extern int test_checks;

#define CHECK(cond)                                                          \
    do {                                                                     \
        test_checks++;                                                       \
        if (!(cond)) {                                                       \
            test_failures++;                                                 \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

#define CHECK_MSG(cond, ...)                                                 \
    do {                                                                     \
        test_checks++;                                                       \
        if (!(cond)) {                                                       \
            test_failures++;                                                 \
            fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, \
                    #cond);                                                  \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
        }                                                                    \
    } while (0)

/* Call fn for each line of a JSONL file; returns the number of vectors, or
 * -1 (and counts a failure) when the file cannot be read or a line is not
 * JSON.  A missing or empty vector file is a failure: a test that checks
 * nothing must not pass. */
typedef void (*test_vector_fn)(json_t *vec, size_t lineno, void *ud);
long test_each_vector(const char *path, test_vector_fn fn, void *ud);

/* Decode the hex string at key (e.g. "in_hex") of vec into a malloc'd
 * buffer; *len gets its size.  The buffer has a NUL after the data. */
char *test_hex(json_t *vec, const char *key, size_t *len);

/* Print a summary and return the process exit status. */
int test_finish(const char *name);

#endif
