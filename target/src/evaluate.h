/* The evaluation's steps, shared by ovo_evaluate (bytes) and
 * ovo_evaluate_jansson (a jansson tree). */
#ifndef OVO_EVALUATE_H
#define OVO_EVALUATE_H

#include "internal.h"

/* Reset the context's per-evaluation state and clear *res. */
void ovo_begin(ovo_ctx *ctx, unsigned flags, ovo_result *res);
/* Mark res as OVO_OUT_RESOURCE; returns -1. */
int ovo_resource(ovo_result *res);
/* The recursion units the top-level JSON scanner may use. */
uint32_t ovo_top_json_units(const ovo_ctx *ctx);
/* obj_from_primitive onwards for a parsed document. */
int ovo_evaluate_tree(ovo_ctx *ctx, const ovo_val *prim, unsigned flags, ovo_result *res);

#endif
