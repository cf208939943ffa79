/* fuzz_roundtrip: deserialize -> serialize -> deserialize.
 *
 * Input: one JSON document, the whole input.
 * Oracles: as fuzz_primitive, and for every object the *reference*
 * accepts (not only strict-accepted ones) whose obj_to_primitive
 * succeeded: json.dumps of the primitive evaluates to an accepted object
 * whose primitive renders identically (a fixed point; the explained
 * exceptions are in common/fz_oracle.c).  The outcome lines of both modes
 * are rendered, and the strict line must say StrictViolation exactly when
 * strict mode rejects an accepted input. */
#include <string.h>

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
    if (!fz_check_document(data, size, &ev))
        return 0;
    const ovo_result *res = &ev.res;

    size_t rn, sn;
    const char *ref = fz_render_outcome(res, OVO_MODE_REFERENCE, 2, &rn);
    FZ_ASSERT("render", rn > 0 && ref[0] == '{' && ref[rn - 1] == '}',
              "reference outcome line is not an object: %.*s", (int)rn, ref);
    const char *strict = fz_render_outcome(res, OVO_MODE_STRICT, 3, &sn);
    /* keys are sorted: a violation line starts with its error */
    static const char head[] = "{\"error\":\"StrictViolation\",";
    bool violation = sn >= sizeof head - 1 && memcmp(strict, head, sizeof head - 1) == 0;
    bool should = res->outcome == OVO_OUT_ACCEPT ? !ev.strict_ok
                  : res->outcome == OVO_OUT_REJECT && !ovo_exc_expected(res->error);
    FZ_ASSERT("render", violation == should, "strict line %s StrictViolation: %.*s",
              violation ? "has" : "lacks", (int)sn, strict);
    if (!should)
        FZ_ASSERT("render", rn == sn && memcmp(ref, strict, rn) == 0,
                  "strict line differs without a violation:\n%.*s\n%.*s", (int)rn, ref,
                  (int)sn, strict);

    /* the strict-accepted case ran inside fz_check_document */
    if (ev.ref_ok && !ev.strict_ok && res->primitive)
        fz_roundtrip(fz_ctx(), res, false);
    return 0;
}
