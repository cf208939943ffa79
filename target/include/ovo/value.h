/* The values libovo works with: a C model of the Python objects the
 * reference holds after json.loads and obj_from_primitive.
 *
 * Values are immutable once built and live in the arena of the ovo_ctx that
 * made them; they are valid until that context is reset or freed.  Strings
 * may point into the input buffer, which must outlive the result.
 */
#ifndef OVO_VALUE_H
#define OVO_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ovo_type {
    OVO_NONE = 0,  /* None */
    OVO_BOOL,      /* bool */
    OVO_INT,       /* int: small (int64) or big (decimal digits) */
    OVO_FLOAT,     /* float (double, NaN and infinities included) */
    OVO_STR,       /* str: WTF-8, lone surrogates allowed */
    OVO_LIST,      /* list (also CoercedList) */
    OVO_TUPLE,     /* tuple (Set.to_primitive) */
    OVO_SET,       /* set (CoercedSet); items in insertion order */
    OVO_DICT,      /* dict with str keys, insertion order */
    OVO_DATETIME,  /* datetime.datetime */
    OVO_IPADDR,    /* netaddr.IPAddress */
    OVO_IPNET,     /* netaddr.IPNetwork (or neutron-lib AuthenticIPNetwork) */
    OVO_MAC,       /* netaddr.EUI (neutron-lib AuthenticEUI) */
    OVO_OBJECT     /* a versioned object */
} ovo_type;

/* A Python str.  Bytes are WTF-8: UTF-8 where the surrogates U+D800..DFFF
 * may appear, encoded as three bytes, so byte order is code point order. */
typedef struct ovo_str {
    const char *ptr;
    uint32_t len;           /* bytes */
} ovo_str;

/* A Python int too large for int64: sign and decimal digits, no leading
 * zeros (at most 4300 digits: Python's int_max_str_digits). */
typedef struct ovo_bigint {
    int sign;               /* -1 or +1 */
    uint32_t ndigits;
    const char *digits;     /* ASCII '0'..'9', not NUL-terminated */
} ovo_bigint;

typedef struct ovo_val ovo_val;
typedef struct ovo_object ovo_object;

typedef struct ovo_dict_entry {
    ovo_str key;
    const ovo_val *value;
} ovo_dict_entry;

typedef struct ovo_datetime {
    int32_t year;           /* 1..9999 */
    uint8_t month, day, hour, minute, second;
    uint32_t microsecond;
    bool has_tz;            /* an aware datetime (tzinfo set) */
    int32_t utcoffset_s;    /* seconds east of UTC when has_tz */
} ovo_datetime;

typedef struct ovo_ipaddr {
    uint8_t version;        /* 4 or 6 */
    uint64_t hi, lo;        /* the 128-bit value; IPv4 uses lo only */
} ovo_ipaddr;

typedef struct ovo_ipnet {
    ovo_ipaddr ip;          /* the address as given (host bits kept) */
    uint8_t prefixlen;
    ovo_str text;           /* str(): verbatim for AuthenticIPNetwork,
                               canonical for oslo's IPNetwork */
} ovo_ipnet;

typedef struct ovo_mac {
    uint64_t value;
    uint8_t bits;           /* 48 or 64 (EUI.version) */
    ovo_str text;           /* str(): AuthenticEUI keeps the input */
    bool from_str;          /* built from a str: str() returns it as given;
                               from an int, str() formats (deeper) */
} ovo_mac;

struct ovo_val {
    uint8_t type;           /* ovo_type */
    union {
        bool b;
        struct {
            int64_t small;
            const ovo_bigint *big;  /* non-NULL: the value is big */
        } i;
        double f;
        ovo_str s;
        struct {
            const ovo_val *const *items;
            uint32_t n;
        } seq;                      /* list, tuple, set */
        struct {
            const ovo_dict_entry *entries;
            uint32_t n;
        } dict;
        ovo_datetime dt;
        ovo_ipaddr ip;
        ovo_ipnet net;
        ovo_mac mac;
        const ovo_object *obj;
    } u;
};

/* The immortal singletons. */
extern const ovo_val ovo_none;
extern const ovo_val ovo_true;
extern const ovo_val ovo_false;

/* Python's type(v).__name__ for a value ("NoneType", "bool", "int", ...);
 * for OVO_LIST/OVO_SET the plain builtin name. */
const char *ovo_type_name(const ovo_val *v);

#ifdef __cplusplus
}
#endif
#endif
