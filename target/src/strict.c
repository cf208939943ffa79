#include "strict.h"

#include <stdlib.h>

static void note_misc(ovo_ctx *ctx, const ovo_field_desc *fd, const ovo_val *v)
{
    if (v->type == OVO_NONE) {
        if (!fd->nullable)
            ovo_note(ctx, OVO_RULE_NULL_NON_NULLABLE);
    } else if (v->type != OVO_DICT) {
        ovo_note(ctx, OVO_RULE_MISCDICT_NOT_A_DICT);
    }
}

void ovo_strict_note_field(ovo_ctx *ctx, const ovo_field_desc *fd, const ovo_val *v)
{
    if (v->type == OVO_NONE && !fd->nullable) {
        ovo_note(ctx, OVO_RULE_NULL_NON_NULLABLE);
        return;
    }
    if (fd->type.kind == OVO_K_MISC_DICT) {
        note_misc(ctx, fd, v);
    } else if (fd->type.kind == OVO_K_LIST && v->type == OVO_LIST) {
        /* ListOfDictOfMiscValuesField: List(Field(DictOfMiscValuesField())) */
        const ovo_field_desc *el = fd->type.element;
        if (el->type.kind == OVO_K_FIELD && el->type.element->type.kind == OVO_K_MISC_DICT)
            for (uint32_t i = 0; i < v->u.seq.n; i++)
                note_misc(ctx, el->type.element, v->u.seq.items[i]);
    }
}

static int cmp_rule(const void *a, const void *b)
{
    return strcmp(ovo_rule_id(*(const ovo_rule *)a), ovo_rule_id(*(const ovo_rule *)b));
}

void ovo_strict_collect(ovo_ctx *ctx, const ovo_rule **out, size_t *n)
{
    size_t m = 0;
    for (int r = 1; r < OVO_RULE_COUNT_; r++)
        if (ctx->notes[r / 64] >> (r % 64) & 1)
            ctx->sorted_notes[m++] = (ovo_rule)r;
    qsort(ctx->sorted_notes, m, sizeof ctx->sorted_notes[0], cmp_rule);
    *out = ctx->sorted_notes;
    *n = m;
}
