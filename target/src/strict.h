/* Strict mode's checks on the values fields end up holding (the notes made
 * while reading the input live with each field type). */
#ifndef OVO_STRICT_H
#define OVO_STRICT_H

#include "internal.h"

/* Note the promises a field's final value breaks: None in a field that is
 * not nullable, a DictOfMiscValues holding something else than a dict. */
void ovo_strict_note_field(ovo_ctx *ctx, const ovo_field_desc *fd, const ovo_val *v);

/* The noted rules as a sorted (by id), de-duplicated array in the
 * context. */
void ovo_strict_collect(ovo_ctx *ctx, const ovo_rule **out, size_t *n);

#endif
