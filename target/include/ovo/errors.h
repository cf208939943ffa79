/* Exception classes the reference raises, and the strict-mode rules.
 *
 * Both lists are X-macros so that one entry gives the enum constant, the
 * stable name and (for rules) the explanation docs/strict-rules.md shows.
 */
#ifndef OVO_ERRORS_H
#define OVO_ERRORS_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* X(ENUM, "PythonName", expected)
 * expected: a controlled rejection a careful caller catches (a ValueError
 * or subclass, a VersionedObjectsException, a NeutronException). */
#define OVO_EXCEPTIONS(X)                                                   \
    X(NONE, "", false)                                                      \
    X(VALUE_ERROR, "ValueError", true)                                      \
    X(TYPE_ERROR, "TypeError", false)                                       \
    X(KEY_ERROR, "KeyError", false)                                         \
    X(ATTRIBUTE_ERROR, "AttributeError", false)                             \
    X(INDEX_ERROR, "IndexError", false)                                     \
    X(OVERFLOW_ERROR, "OverflowError", false)                               \
    X(RECURSION_ERROR, "RecursionError", false)                             \
    X(MEMORY_ERROR, "MemoryError", false)                                   \
    X(UNICODE_ENCODE_ERROR, "UnicodeEncodeError", true)                     \
    X(UNSUPPORTED_OBJECT_ERROR, "UnsupportedObjectError", true)             \
    X(INCOMPATIBLE_OBJECT_VERSION, "IncompatibleObjectVersion", true)       \
    X(INVALID_VERSION, "InvalidVersion", true)                              \
    X(ADDR_FORMAT_ERROR, "AddrFormatError", false)                          \
    X(ADDR_CONVERSION_ERROR, "AddrConversionError", false)                  \
    X(NOT_REGISTERED_ERROR, "NotRegisteredError", false)

typedef enum ovo_exc {
#define OVO_X_(e, name, expected) OVO_EXC_##e,
    OVO_EXCEPTIONS(OVO_X_)
#undef OVO_X_
    OVO_EXC_COUNT_
} ovo_exc;

const char *ovo_exc_name(ovo_exc e);
bool ovo_exc_expected(ovo_exc e);

/* Strict-mode rules.  X(ENUM, "id", "what the rule promises")
 * bypass.*: the reference accepts a value that breaks the field's promise.
 * crash.*:  the reference raises an uncontrolled exception here.
 * limit.*:  libovo's own bounds (strict mode only). */
#define OVO_RULES(X)                                                          \
    X(NONE, "", "")                                                           \
    OVO_RULES_BYPASS(X)                                                       \
    OVO_RULES_CRASH(X)

#define OVO_RULES_BYPASS(X)                                                   \
    X(UUID_NONCANONICAL, "bypass.uuid.noncanonical",                          \
      "a UUID field holds text that is not the canonical lowercase "          \
      "8-4-4-4-12 form (uuid.UUID accepted it: braces, urn:uuid:, no dashes, "\
      "uppercase, a number)")                                                 \
    X(UUID_UNCHECKED, "bypass.uuid.unchecked",                                \
      "an oslo UUID (SetOfUUIDsField element) holds text that is not a "      \
      "canonical UUID: the oslo type does not check at all")                  \
    X(VERSION_NOT_MAJOR_MINOR, "bypass.version.not-major-minor",              \
      "an object's version is not plain MAJOR.MINOR digits; the reference "   \
      "keeps the PEP 440 spelling it matched verbatim")                       \
    X(STRING_FROM_NON_STRING, "bypass.string.from-non-string",                \
      "a string field was built with str() from an int, float or bool")       \
    X(STRING_NUL, "bypass.string.nul",                                        \
      "a string holds a NUL character")                                       \
    X(STRING_LONE_SURROGATE, "bypass.string.lone-surrogate",                  \
      "a string holds a lone UTF-16 surrogate, which no UTF-8 encoder "       \
      "accepts")                                                              \
    X(INT_COERCED, "bypass.int.coerced",                                      \
      "an integer field was given a string, float or bool and int() "         \
      "converted it")                                                         \
    X(INT_BOOL, "bypass.int.bool",                                            \
      "an integer-valued field accepted a bool (bool is an int subclass)")    \
    X(INT_OUT_OF_RANGE, "bypass.int.out-of-range",                            \
      "an integer field holds a value outside signed 64 bits")                \
    X(BOOL_FROM_NON_BOOL, "bypass.bool.from-non-bool",                        \
      "a boolean field was given a non-bool and bool() took its truthiness")  \
    X(PORTRANGE_NONCANONICAL, "bypass.portrange.noncanonical",                \
      "a port range string is not plain ASCII digits (N or N:M): int() "      \
      "accepted signs, spaces, underscores or non-ASCII digits")              \
    X(PORTRANGE_BOOL, "bypass.portrange.bool",                                \
      "a port range field holds a bool")                                      \
    X(MISCDICT_NOT_A_DICT, "bypass.miscdict.not-a-dict",                      \
      "a DictOfMiscValues field holds something other than a dict after "     \
      "JSON decoding (list, str, number, bool, null)")                        \
    X(MISCDICT_DOUBLE_ENCODED, "bypass.miscdict.double-encoded",              \
      "a DictOfMiscValues string decoded to a string that decoded again")     \
    X(JSON_NONFINITE, "bypass.json.nonfinite",                                \
      "a value is NaN or an infinity (JSON literal NaN/Infinity or a number " \
      "that overflows a double)")                                             \
    X(JSON_DUPLICATE_KEY, "bypass.json.duplicate-key",                        \
      "a JSON object repeats a key; the last value wins silently")            \
    X(NULL_NON_NULLABLE, "bypass.null.non-nullable",                          \
      "a field that is not nullable holds None")                              \
    X(IP_AMBIGUOUS, "bypass.ip.ambiguous",                                    \
      "an IP address spelling is not canonical dotted-quad or RFC 4291 "      \
      "text: inet_aton forms (octal, hex, fewer parts), whitespace, an "      \
      "integer")                                                              \
    X(IPNET_NONCANONICAL, "bypass.ipnet.noncanonical",                        \
      "a network spelling is not ADDRESS or ADDRESS/PREFIXLEN in canonical "  \
      "form; the reference keeps the verbatim string")                        \
    X(MAC_AMBIGUOUS, "bypass.mac.ambiguous",                                  \
      "a MAC address is not six (or eight) two-digit hex groups with one "    \
      "separator; the reference keeps the verbatim string")                   \
    X(DATETIME_NONCANONICAL, "bypass.datetime.noncanonical",                  \
      "a datetime is not a full YYYY-MM-DDTHH:MM:SS[.ffffff] timestamp with " \
      "Z or +00:00")                                                          \
    X(DATETIME_OFFSET_DROPPED, "bypass.datetime.offset-dropped",              \
      "a non-zero UTC offset was given and the reference dropped it "         \
      "without converting the wall-clock time")                               \
    X(DATETIME_SHORT_YEAR, "bypass.datetime.short-year",                      \
      "a datetime before the year 1000: obj_to_primitive writes the year "    \
      "unpadded ('999-01-01T00:00:00Z'), which the reference cannot read "    \
      "back")                                                                 \
    X(DOMAIN_INVALID, "bypass.domain.invalid",                                \
      "a domain name field holds text that is not a valid DNS name")          \
    X(LIST_FROM_NON_LIST, "bypass.list.from-non-list",                        \
      "a list or set field was built by iterating a string (characters) or "  \
      "an object (keys)")                                                     \
    X(SET_MERGED, "bypass.set.merged",                                        \
      "set de-duplication merged elements that differ as JSON (1, 1.0, "      \
      "true) or after str()")                                                 \
    X(DATA_NOT_A_DICT, "bypass.data.not-a-dict",                              \
      "versioned_object.data is a string or list: the reference tests field " \
      "names by substring or element")                                        \
    X(DATA_UNKNOWN_KEY, "bypass.data.unknown-key",                            \
      "versioned_object.data has a key that is not a field of the object")    \
    X(ENVELOPE_UNKNOWN_KEY, "bypass.envelope.unknown-key",                    \
      "an envelope has a key outside versioned_object.{namespace,name,"       \
      "version,data,changes}")                                                \
    X(CHANGES_NOT_A_LIST, "bypass.changes.not-a-list",                        \
      "versioned_object.changes is not a list of strings (a string is "       \
      "iterated per character, an object per key)")                           \
    X(CHANGES_UNKNOWN_FIELD, "bypass.changes.unknown-field",                  \
      "versioned_object.changes names something that is not a field")        \
    X(LIMIT_DEPTH, "bypass.limit.depth",                                      \
      "JSON nesting or object nesting beyond libovo's strict bounds")         \
    X(LIMIT_SIZE, "bypass.limit.size",                                        \
      "a string, list or dict beyond libovo's strict size bounds")

#define OVO_RULES_CRASH(X)                                                    \
    X(CRASH_ENVELOPE_TYPE, "crash.envelope.type",                             \
      "the envelope is not a JSON object (TypeError on subscript)")           \
    X(CRASH_ENVELOPE_KEY, "crash.envelope.missing-key",                       \
      "an envelope key is missing (KeyError)")                                \
    X(CRASH_NAME_UNHASHABLE, "crash.envelope.name-unhashable",                \
      "versioned_object.name is a list or object (TypeError: unhashable)")    \
    X(CRASH_VERSION_TYPE, "crash.envelope.version-type",                      \
      "versioned_object.version is not a string (TypeError in packaging)")    \
    X(CRASH_DATA_TYPE, "crash.data.type",                                     \
      "versioned_object.data is not a container, or a str/list that "         \
      "matched a field name (TypeError)")                                     \
    X(CRASH_CHANGES_TYPE, "crash.changes.type",                               \
      "versioned_object.changes is not iterable or holds unhashable "         \
      "elements (TypeError)")                                                 \
    X(CRASH_INT_TYPE, "crash.int.type",                                       \
      "int() was given a list or object (TypeError)")                         \
    X(CRASH_INT_OVERFLOW, "crash.int.overflow",                               \
      "int() was given an infinity (OverflowError)")                          \
    X(CRASH_ITERATE, "crash.list.not-iterable",                               \
      "a list or set field was given a number, bool or null inside a "        \
      "compound (TypeError: not iterable)")                                   \
    X(CRASH_UNHASHABLE, "crash.set.unhashable",                               \
      "a set field or enum lookup was given a list or object (TypeError: "    \
      "unhashable)")                                                          \
    X(CRASH_IP_TYPE, "crash.ip.type",                                         \
      "netaddr was given a value of the wrong type and raised outside its "   \
      "AddrFormatError contract")                                             \
    X(CRASH_IP_FORMAT, "crash.ip.format",                                     \
      "netaddr raised AddrFormatError where the field does not catch it")     \
    X(CRASH_OBJECT_TYPE, "crash.object.type",                                 \
      "a nested object primitive is not a JSON object or lacks a key")        \
    X(CRASH_RECURSION, "crash.recursion",                                     \
      "nested objects exhausted the interpreter's recursion limit "           \
      "(RecursionError)")                                                     \
    X(CRASH_OTHER, "crash.other",                                             \
      "any other uncontrolled exception")

typedef enum ovo_rule {
#define OVO_X_(e, id, doc) OVO_RULE_##e,
    OVO_RULES(OVO_X_)
#undef OVO_X_
    OVO_RULE_COUNT_
} ovo_rule;

const char *ovo_rule_id(ovo_rule r);
const char *ovo_rule_doc(ovo_rule r);

#ifdef __cplusplus
}
#endif
#endif
