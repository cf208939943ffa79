/* fuzz_primitive: any object of the catalogue, reference and strict mode
 * side by side.
 *
 * Input: one JSON document, the whole input (a versioned-object
 * primitive).
 * Oracles: sanitizers; the result's shape; findings (bypass:<ids> when the
 * reference accepts and strict mode rejects, crash.* when the reference
 * raises an uncontrolled exception); the independent validator and the
 * round trip on every strict-accepted object. */
#include "fz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    fz_eval ev;
    fz_check_document(data, size, &ev);
    return 0;
}
