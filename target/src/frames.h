/* The simulated CPython stack (ovo_frames_enter/probe in internal.h).
 *
 * CPython 3.11 raises RecursionError when the recursion units in use would
 * exceed the limit.  A unit is taken by every Python frame and, while it
 * runs, by every C call on a checked path (a call through tp_call, a
 * builtin on the generic call path, PyObject_Repr/Str, a comparison on
 * the generic path, the json scanner per container); docs/recursion.md has
 * the rules.  libovo enters one unit for every Python frame it models as a
 * call and, where the reference runs library code libovo does not model
 * call by call, probes how deep that code goes.  Only the deepest point of
 * a stretch of code that lets RecursionError through matters, so one probe
 * stands for the whole stretch.  The numbers below were measured on the
 * reference (scripts/calibrate-frames checks them all). */
#ifndef OVO_FRAMES_H
#define OVO_FRAMES_H

/* The budget: oracle.py gives every input 1001 units above the frame that
 * calls json.loads and obj_from_primitive, so that the JSON layer accepts
 * exactly 997 nested containers. */
#define OVO_FR_LIMIT 1001

/* ---------------------------------------------------------------- JSON */

/* json.loads -> decode -> raw_decode -> the C scanner object's call (a
 * tp_call): the scanner runs 4 units above the caller, then takes one
 * unit per open container and one per NaN/Infinity literal (its
 * parse_constant call). */
#define OVO_FR_JSON_LOADS 4
/* Units above the scanner's that raising a JSONDecodeError takes: the
 * class call, JSONDecodeError.__init__ and its str.count.  From inside the
 * scanner (raise_errmsg) with n containers open: n + 3.  "Expecting value"
 * (the scanner's StopIteration) is raised by raw_decode, "Extra data" by
 * decode and the BOM error by json.loads itself, one frame shallower
 * each. */
#define OVO_FR_JSON_ERRMSG 3
#define OVO_FR_JSON_STOP 2
#define OVO_FR_JSON_EXTRA 1
#define OVO_FR_JSON_BOM 0
/* jsonutils.dumps -> json.dumps -> JSONEncoder.encode -> iterencode ->
 * the C encoder object's call (a tp_call); it then takes one unit per
 * container. */
#define OVO_FR_JSON_DUMPS 5

/* ---------------------------------------------------------------- objects */

/* _obj_primitive_field -> _obj_primitive_key, above the caller. */
#define OVO_FR_PRIMITIVE_FIELD 2
/* A VersionedObjectsException raised from a frame: the class call,
 * VersionedObjectsException.__init__, its super().__init__ call. */
#define OVO_FR_OVO_EXCEPTION 3
/* obj_class_from_name -> NeutronObjectRegistry.obj_classes() -> cls() ->
 * __new__ -> object.__new__, above obj_class_from_name's frame.  The
 * registry is consulted before anything else there, and nothing later on
 * the lookup's failure paths (LOG.error, the exceptions' constructors)
 * goes deeper. */
#define OVO_FR_REGISTRY 4
/* is_compatible -> Version(): above is_compatible's frame, where each
 * outcome of the requested version's parse peaks.  A version that parses
 * reaches _cmpkey's itertools.dropwhile lambda and its comparison (the
 * comparison of the two versions stays below); int() of an over-long
 * number raises at the epoch, in the release or pre/post/dev segments
 * (a generator or _parse_letter_version), or in the local segment. */
#define OVO_FR_VERSION_PARSED 5
#define OVO_FR_VERSION_BIG_EPOCH 3
#define OVO_FR_VERSION_BIG_NUMBER 4
#define OVO_FR_VERSION_BIG_LOCAL 5

/* obj_attr_is_set(name) -> the obj_fields property -> fields.keys(),
 * above the caller; obj_what_changed asks it of every field, one frame
 * deeper, and recurses into each nested object. */
#define OVO_FR_ATTR_IS_SET 3

/* ---------------------------------------------------------------- fields */

/* Small pieces of library code, above the frame they run in. */
#define OVO_FR_PROPERTY 1          /* a property getter (Field.nullable) */
#define OVO_FR_GETTEXT 2           /* _("..."): the translation function and
                                      gettext, for an error message */
#define OVO_FR_DEEPCOPY 2          /* copy.deepcopy -> id() / _deepcopy_atomic */
#define OVO_FR_ISINSTANCE_TUPLE 1  /* isinstance(v, (a, b)): a checked call */
#define OVO_FR_INT 1               /* int(v): the type's call */

/* uuid.UUID(...) from UUID.coerce: UUID.__init__ and the builtins it calls
 * (neutron-lib's UUID); oslo's UUID.coerce reaches as deep through
 * warnings.catch_warnings and filterwarnings. */
#define OVO_FR_UUID 4
/* PortRanges._validate_port -> _is_port_acceptable -> its chained
 * comparison (the generic path). */
#define OVO_FR_VALIDATE_PORT 3

/* List.coerce before its elements: isinstance(value, Iterable) and
 * isinstance(value, (str, Mapping)) go through ABCMeta.__instancecheck__
 * (the second one level deeper), then CoercedList(), enable_coercing. */
#define OVO_FR_LIST_COERCE 5
/* CoercedList.extend -> comprehension -> _coerce_item: the frames between
 * List.coerce and each element's Field.coerce. */
#define OVO_FR_COERCED_ITEM 3
/* Set.coerce before its elements: CoercedSet() (its __init__ calls
 * set.__init__ through super()). */
#define OVO_FR_SET_COERCE 3
/* CoercedSet.update -> _coerce_iterable -> _coerce_element: the frames
 * between Set.coerce and each element's Field.coerce. */
#define OVO_FR_COERCED_ELEMENT 3

/* timeutils.parse_isotime -> iso8601.parse_date, above the caller of
 * parse_isotime: matching and the groupdict comprehension (outside
 * parse_date's try: RecursionError passes), or the ParseError for text
 * that does not match.  Inside the try, parse_timezone goes deepest: its
 * `tz == "Z"` takes the generic comparison when there is no zone, and an
 * offset builds FixedOffset -> timedelta() and timezone(); a
 * RecursionError there becomes ParseError, so ValueError. */
#define OVO_FR_PARSE_DATE 3
#define OVO_FR_TZ_NONE 4
#define OVO_FR_TZ_Z 3
#define OVO_FR_TZ_OFFSET 5
/* DateTime.to_primitive -> _utils.isotime -> datetime.strftime ->
 * time.strftime and the tzinfo it asks. */
#define OVO_FR_ISOTIME 4

/* DictOfMiscValues.coerce -> jsonutils.loads -> encodeutils.safe_decode
 * and its isinstance(text, (str, bytes)), above jsonutils.loads. */
#define OVO_FR_SAFE_DECODE 2

#endif
