/* The UUID checks the reference makes, for harnesses and tools. */
#ifndef OVO_UUID_H
#define OVO_UUID_H

#include <stdbool.h>

#include "ovo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Does uuid.UUID(s) (Python 3.11, Lib/uuid.py) accept the str s?  1 yes,
 * 0 no, -1 when ctx's arena is exhausted. */
int ovo_uuid_text_valid(ovo_ctx *ctx, ovo_str s);

/* The canonical spelling: 36 characters, lowercase hex, dashes at 8, 13,
 * 18 and 23 (what str(uuid.UUID(...)) prints). */
bool ovo_uuid_is_canonical(ovo_str s);

#ifdef __cplusplus
}
#endif
#endif
