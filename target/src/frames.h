/* The simulated CPython stack (see ovo_frames_enter in internal.h).
 *
 * CPython raises RecursionError when the frames in use (Python frames plus
 * C-level recursion guards such as the json scanner's per-container
 * Py_EnterRecursiveCall) reach the recursion limit.  libovo counts one
 * frame for every Python call it models as a call (obj_from_primitive,
 * Field.from_primitive, FieldType methods, comprehensions, ...) and, where
 * the reference runs deeper library code in one step (netaddr, iso8601,
 * packaging, copy.deepcopy, uuid), probes how deep that code goes.  The
 * depths below were measured on the reference with
 * scripts/calibrate-frames; docs/recursion.md explains the method. */
#ifndef OVO_FRAMES_H
#define OVO_FRAMES_H

/* The budget: oracle.py gives every input 1001 units above the frame that
 * calls json.loads and obj_from_primitive, so that the JSON layer accepts
 * exactly 997 nested containers. */
#define OVO_FR_LIMIT 1001
/* json.loads -> decode -> raw_decode -> the C scanner object's call */
#define OVO_FR_JSON_LOADS 4
#define OVO_FR_JSON_DUMPS 4        /* jsonutils.dumps -> json.dumps ->
                                      JSONEncoder.encode -> iterencode */

/* Frames between _obj_from_primitive and the property setter that
 * obj_set_defaults runs for each default (cls() -> __init__ chain ->
 * obj_set_defaults -> setattr). */
#define OVO_FR_DEFAULTS_SETTER 5

/* CoercedList.extend -> comprehension -> _coerce_item, and
 * CoercedSet.update -> _coerce_iterable -> _coerce_element: the frames
 * between List/Set.coerce and each element's Field.coerce. */
#define OVO_FR_COERCED_ITEM 3
#define OVO_FR_COERCED_ELEMENT 3

/* Extra depth of library calls made inside one modelled frame. */
#define OVO_PEAK_COERCED_INIT 2    /* CoercedList() -> mixin __init__ */
#define OVO_PEAK_PRIMITIVE_FIELD 2 /* _obj_primitive_field -> _obj_primitive_key */
#define OVO_PEAK_LOG_ERROR 2       /* LOG.error -> isEnabledFor */
#define OVO_PEAK_INIT 4            /* cls(): the __init__ chain */
#define OVO_PEAK_UUID 1            /* uuid.UUID.__init__ */
#define OVO_PEAK_OSLO_UUID 1       /* warnings.catch_warnings, uuid.UUID */
#define OVO_PEAK_DEEPCOPY 2        /* copy.deepcopy -> _deepcopy_atomic */

#endif
