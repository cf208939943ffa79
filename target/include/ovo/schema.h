/* The Neutron catalogue as libovo embeds it: generated at build time from
 * target/schema/neutron.json (written by scripts/export-schema from the
 * reference) by target/schema/gen-schema.c. */
#ifndef OVO_SCHEMA_H
#define OVO_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Field type kinds: one per field type class of the catalogue. */
typedef enum ovo_kind {
    OVO_K_STRING,          /* oslo String */
    OVO_K_UUID,            /* neutron-lib UUID: uuid.UUID() check, str kept */
    OVO_K_OSLO_UUID,       /* oslo UUID: '%s' % value, no check */
    OVO_K_ENUM,            /* oslo Enum, SecurityEvent */
    OVO_K_DOMAIN_NAME,     /* neutron-lib DomainName */
    OVO_K_INTEGER,         /* oslo Integer */
    OVO_K_INT_RANGE,       /* RangeConstrainedInteger */
    OVO_K_INT_ENUM,        /* IntegerEnum */
    OVO_K_PORT_RANGES,     /* PortRanges */
    OVO_K_BOOLEAN,         /* oslo Boolean */
    OVO_K_DATETIME,        /* oslo DateTime */
    OVO_K_IP_ADDRESS,      /* oslo IPAddress / IPV4Address / IPV6Address */
    OVO_K_OSLO_IP_NETWORK, /* oslo IPNetwork */
    OVO_K_IP_NETWORK,      /* neutron-lib IPNetwork (AuthenticIPNetwork) */
    OVO_K_MAC_ADDRESS,     /* neutron-lib MACAddress (AuthenticEUI) */
    OVO_K_MISC_DICT,       /* neutron-lib DictOfMiscValues */
    OVO_K_LIST,            /* oslo List */
    OVO_K_SET,             /* oslo Set */
    OVO_K_FIELD,           /* a Field used as a field type (List of Fields) */
    OVO_K_OBJECT           /* oslo Object */
} ovo_kind;

/* The Python container of an enum's valid values: `in` differs (a set
 * hashes, a tuple or list compares). */
typedef enum ovo_container {
    OVO_C_TUPLE,
    OVO_C_LIST,
    OVO_C_SET
} ovo_container;

typedef struct ovo_field_desc ovo_field_desc;

typedef struct ovo_type_desc {
    uint8_t kind;                   /* ovo_kind */
    uint8_t container;              /* ovo_container, enums */
    uint8_t ip_version;             /* ip_address: 0 (any), 4, 6 */
    bool tzinfo_aware;              /* datetime */
    bool subclasses;                /* object */
    int64_t min, max;               /* int_range, port_ranges */
    const ovo_val *const *values;   /* enum, int_enum: valid values */
    uint32_t nvalues;
    const ovo_field_desc *element;  /* list, set, field */
    const char *obj_name;           /* object */
    int32_t obj_class;              /* object: index in ovo_classes, or -1 */
} ovo_type_desc;

struct ovo_field_desc {
    const char *name;               /* NULL for an element field */
    uint32_t name_len;
    const char *class_name;         /* "UUIDField", "Field", ... */
    bool nullable;
    const ovo_val *default_value;   /* NULL: no default */
    ovo_type_desc type;
};

typedef struct ovo_class {
    const char *name;
    uint32_t name_len;
    const char *version;            /* VERSION */
    const char *const *mro;         /* obj_name() of every MRO entry */
    uint32_t nmro;
    const ovo_field_desc *fields;   /* in cls.fields order */
    uint32_t nfields;
    const uint16_t *fields_by_name; /* field indexes sorted by name */
    /* Recursion units cls() takes above the frame calling it: the
     * __init__ chain and obj_set_defaults, measured on the reference by
     * scripts/export-schema (docs/recursion.md). */
    uint32_t init_units;
} ovo_class;

extern const ovo_class ovo_classes[];  /* sorted by name */
extern const size_t ovo_nclasses;

/* The registry lookup: NULL when the name is not registered. */
const ovo_class *ovo_class_find(const char *name, size_t len);
/* A field of a class by name, or -1. */
int ovo_field_index(const ovo_class *cls, const char *name, size_t len);

#ifdef __cplusplus
}
#endif
#endif
