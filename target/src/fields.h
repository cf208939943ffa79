/* Field types: one module per family implements the FieldType methods of
 * the reference for its kinds.  fields.c holds the Field wrapper (None,
 * nullability, defaults, the double coercion) and dispatches here.
 *
 * Every op takes a value that is not None (the Field wrapper deals with
 * None) and either stores a new value in *out and returns 0, or returns -1
 * with the exception the reference raises pending (ovo_raise).
 *
 *   from_primitive: FieldType.from_primitive(obj, attr, value)
 *   coerce:         FieldType.coerce(obj, attr, value); it runs on the
 *                   result of from_primitive (setattr coerces again) and on
 *                   deep copies of defaults
 *   to_primitive:   FieldType.to_primitive(obj, attr, value)
 *
 * Strict notes (ovo_note) are made where the rule can be seen, usually in
 * from_primitive, which sees the input as it was on the wire.
 */
#ifndef OVO_FIELDS_H
#define OVO_FIELDS_H

#include "internal.h"

typedef int (*ovo_type_op)(ovo_ctx *ctx, const ovo_type_desc *td,
                           const ovo_val *in, const ovo_val **out);

typedef struct ovo_kind_ops {
    ovo_type_op from_primitive;
    ovo_type_op coerce;
    ovo_type_op to_primitive;
} ovo_kind_ops;

/* The ops of each kind (indexed by ovo_kind). */
extern const ovo_kind_ops ovo_kind_table[];

/* Field.from_primitive / Field.coerce / Field.to_primitive with None
 * handling (fields.c). */
int ovo_field_from_primitive(ovo_ctx *ctx, const ovo_field_desc *fd,
                             const ovo_val *in, const ovo_val **out);
int ovo_field_coerce(ovo_ctx *ctx, const ovo_field_desc *fd,
                     const ovo_val *in, const ovo_val **out);
int ovo_field_to_primitive(ovo_ctx *ctx, const ovo_field_desc *fd,
                           const ovo_val *in, const ovo_val **out);

/* `raise ValueError(_("...") % value)`, the field types' usual error: the
 * message's translation, then "%s" % value (v NULL: a message that shows
 * no value); RecursionError instead when those do not fit. */
int ovo_value_error(ovo_ctx *ctx, const ovo_val *v);

/* An op that returns its input (FieldType's default from_primitive and
 * to_primitive). */
int ovo_op_identity(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                    const ovo_val **out);

#define OVO_DECLARE_KIND(k)                                                  \
    int ovo_##k##_from_primitive(ovo_ctx *, const ovo_type_desc *,           \
                                 const ovo_val *, const ovo_val **);         \
    int ovo_##k##_coerce(ovo_ctx *, const ovo_type_desc *, const ovo_val *,  \
                         const ovo_val **);                                  \
    int ovo_##k##_to_primitive(ovo_ctx *, const ovo_type_desc *,             \
                               const ovo_val *, const ovo_val **);

/* field_scalar.c: these types inherit FieldType's from_primitive and
 * to_primitive, which return the value (ovo_op_identity); only coerce is
 * their own */
#define OVO_DECLARE_COERCE(k)                                                \
    int ovo_##k##_coerce(ovo_ctx *, const ovo_type_desc *, const ovo_val *,  \
                         const ovo_val **);
OVO_DECLARE_COERCE(string)
OVO_DECLARE_COERCE(uuid)
OVO_DECLARE_COERCE(oslo_uuid)
OVO_DECLARE_COERCE(enum)
OVO_DECLARE_COERCE(domain_name)
OVO_DECLARE_COERCE(integer)
OVO_DECLARE_COERCE(int_range)
OVO_DECLARE_COERCE(int_enum)
OVO_DECLARE_COERCE(port_ranges)
OVO_DECLARE_COERCE(boolean)
/* field_datetime.c */
OVO_DECLARE_KIND(datetime)
/* field_netaddr.c */
OVO_DECLARE_KIND(ip_address)
OVO_DECLARE_KIND(oslo_ip_network)
OVO_DECLARE_KIND(ip_network)
OVO_DECLARE_KIND(mac_address)
/* field_misc_dict.c */
OVO_DECLARE_KIND(misc_dict)
/* field_compound.c */
OVO_DECLARE_KIND(list)
OVO_DECLARE_KIND(set)
OVO_DECLARE_KIND(object)
/* fields.c */
OVO_DECLARE_KIND(nested_field)

#endif
