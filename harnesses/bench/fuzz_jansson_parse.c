/* fuzz_jansson_parse: the baseline for harness speed, not a fuzz target of
 * the suite.  It only parses the input with jansson and frees the tree, so
 * scripts/bench can put each harness's executions per second next to what
 * parsing the same bytes alone allows (built with the same engine and
 * sanitizers as the real harnesses). */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t err;
    json_t *doc = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    json_decref(doc);
    return 0;
}
