/* libovo's JSON layer, in the reference's dialect (Python 3.11's json). */
#ifndef OVO_JSON_PUBLIC_H
#define OVO_JSON_PUBLIC_H

#include "ovo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* bytes.decode('utf-8') then json.loads(), as the evaluation does it (the
 * reference's budget: 997 nested containers).  Returns 0 with *out set, or
 * -1 with *reason set; -1 with reason OVO_JSON_SYNTAX and the context's
 * arena exhausted is reported as such by ovo_json_loads_nomem(). */
int ovo_json_loads(ovo_ctx *ctx, const void *data, size_t size, const ovo_val **out,
                   ovo_json_reason *reason);
/* True when the last ovo_json_loads failed for lack of memory. */
bool ovo_json_loads_nomem(const ovo_ctx *ctx);

/* json.dumps(value) with Python's defaults (", " and ": " separators,
 * ensure_ascii, NaN/Infinity literals, tuples and sets as arrays) for
 * values made of None, bool, int, float, str, list, tuple, set and dict.
 * Returns 0 with *out in the arena, -1 on allocation failure. */
int ovo_json_dumps(ovo_ctx *ctx, const ovo_val *v, ovo_str *out);

#ifdef __cplusplus
}
#endif
#endif
