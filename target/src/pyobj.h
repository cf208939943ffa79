/* Python object protocol bits the reference leans on: ==, hashability,
 * str(), truthiness and iteration, for the values JSON can produce. */
#ifndef OVO_PYOBJ_H
#define OVO_PYOBJ_H

#include "internal.h"

/* hash(v) works: everything but list, dict and set. */
static inline bool ovo_py_hashable(const ovo_val *v)
{
    return v->type != OVO_LIST && v->type != OVO_DICT && v->type != OVO_SET;
}

/* v1 == v2 for scalars (None, bool, int, float, str) with Python's
 * cross-type numeric equality; any container compares unequal (callers
 * only compare scalars, or a str against arbitrary values). */
bool ovo_py_eq(const ovo_val *a, const ovo_val *b);

/* `a == b` where b is a str given as bytes. */
static inline bool ovo_py_eq_str(const ovo_val *a, const char *s, size_t n)
{
    return a->type == OVO_STR && ovo_str_eq(a->u.s, s, n);
}

/* str(v) (and '%s' % v) for None, bool, int, float and str.  Returns 0
 * with *out set, -1 on allocation failure; containers are not supported
 * (callers reject them first) and raise TypeError. */
int ovo_py_str(ovo_ctx *ctx, const ovo_val *v, ovo_str *out);

/* bool(v). */
bool ovo_py_truth(const ovo_val *v);

/* Iterating v as `for x in v` does: a list's items, a str's characters
 * (one-character strs), a dict's keys.  Returns 0 with *items and *n set (an
 * arena array), or -1 with TypeError pending ("object is not iterable")
 * for numbers, bools and None. */
int ovo_py_iterate(ovo_ctx *ctx, const ovo_val *v, ovo_rule crash_rule,
                   const ovo_val *const **items, uint32_t *n);

/* `x in container` for a str x against a dict (key), a str (substring) or
 * a list (element ==).  -1 with TypeError pending for other containers
 * ("argument of type 'int' is not iterable"). */
int ovo_py_contains_str(ovo_ctx *ctx, const ovo_val *container, const char *s,
                        size_t n, ovo_rule crash_rule, bool *found);

/* The recursion units repr(v) takes: PyObject_Repr's guard once per
 * nesting level, counting the innermost element or empty container, so
 * "%r" % 1 takes 1 and "%r" % [[1]] takes 3 (a dict's keys count like its
 * values).  Counts at most cap (>= 1); walks with an explicit stack of at
 * most cap entries.  -1 on allocation failure. */
int ovo_py_repr_units(ovo_ctx *ctx, const ovo_val *v, int32_t cap, int32_t *out);

/* RecursionError unless `offset` units plus what turning v into text
 * takes fit above the current depth (error paths only):
 *   probe_repr  repr(v), "%r" % v: as ovo_py_repr_units
 *   probe_str   str(v): a str takes no unit, anything else what repr takes
 *   probe_fmt   "%s" % v: like str(v), but an int (not a bool) is written
 *               directly and takes no unit either */
int ovo_frames_probe_repr(ovo_ctx *ctx, const ovo_val *v, int32_t offset);
int ovo_frames_probe_str(ovo_ctx *ctx, const ovo_val *v, int32_t offset);
int ovo_frames_probe_fmt(ovo_ctx *ctx, const ovo_val *v, int32_t offset);

/* dict lookup by str key; NULL when absent. */
const ovo_val *ovo_dict_get(const ovo_val *dict, const char *key, size_t n);

#endif
