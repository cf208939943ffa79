/* The Field wrapper (oslo_versionedobjects/fields.py Field) and the table
 * of field kinds.  Each Python method call here is one simulated frame:
 * Field.from_primitive, then the FieldType method it delegates to. */
#include "fields.h"

#include "frames.h"
#include "pyobj.h"

#define KIND(k) {ovo_##k##_from_primitive, ovo_##k##_coerce, ovo_##k##_to_primitive}
#define COERCE_ONLY(k) {ovo_op_identity, ovo_##k##_coerce, ovo_op_identity}

const ovo_kind_ops ovo_kind_table[] = {
    [OVO_K_STRING] = COERCE_ONLY(string),
    [OVO_K_UUID] = COERCE_ONLY(uuid),
    [OVO_K_OSLO_UUID] = COERCE_ONLY(oslo_uuid),
    [OVO_K_ENUM] = COERCE_ONLY(enum),
    [OVO_K_DOMAIN_NAME] = COERCE_ONLY(domain_name),
    [OVO_K_INTEGER] = COERCE_ONLY(integer),
    [OVO_K_INT_RANGE] = COERCE_ONLY(int_range),
    [OVO_K_INT_ENUM] = COERCE_ONLY(int_enum),
    [OVO_K_PORT_RANGES] = COERCE_ONLY(port_ranges),
    [OVO_K_BOOLEAN] = COERCE_ONLY(boolean),
    [OVO_K_DATETIME] = KIND(datetime),
    [OVO_K_IP_ADDRESS] = KIND(ip_address),
    [OVO_K_OSLO_IP_NETWORK] = KIND(oslo_ip_network),
    [OVO_K_IP_NETWORK] = KIND(ip_network),
    [OVO_K_MAC_ADDRESS] = KIND(mac_address),
    [OVO_K_MISC_DICT] = KIND(misc_dict),
    [OVO_K_LIST] = KIND(list),
    [OVO_K_SET] = KIND(set),
    [OVO_K_FIELD] = KIND(nested_field),
    [OVO_K_OBJECT] = KIND(object),
};

int ovo_op_identity(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                    const ovo_val **out)
{
    *out = in;
    return 0;
}

int ovo_value_error(ovo_ctx *ctx, const ovo_val *v)
{
    if (ovo_frames_probe(ctx, OVO_FR_GETTEXT) < 0 || (v && ovo_frames_probe_fmt(ctx, v, 0) < 0))
        return -1;
    return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
}

/* Run one FieldType method as a frame of its own. */
static int type_call(ovo_ctx *ctx, ovo_type_op op, const ovo_type_desc *td,
                     const ovo_val *in, const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = op(ctx, td, in, out);
    ovo_frames_leave(ctx, 1);
    return rc;
}

/* The bodies of Field's methods, run inside the Field method's frame. */

static int from_primitive_body(ovo_ctx *ctx, const ovo_field_desc *fd,
                               const ovo_val *in, const ovo_val **out)
{
    if (in->type == OVO_NONE) {
        *out = in;  /* None stays None */
        return 0;
    }
    return type_call(ctx, ovo_kind_table[fd->type.kind].from_primitive, &fd->type, in, out);
}

static int coerce_body(ovo_ctx *ctx, const ovo_field_desc *fd, const ovo_val *in,
                       const ovo_val **out)
{
    ovo_type_op coerce = ovo_kind_table[fd->type.kind].coerce;
    if (in->type != OVO_NONE)
        return type_call(ctx, coerce, &fd->type, in, out);
    /* Field._null: `if self.nullable` (a property) */
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = ovo_frames_probe(ctx, OVO_FR_PROPERTY);
    if (rc < 0) {
    } else if (fd->nullable) {
        *out = in;
    } else if (fd->default_value) {
        /* the type coerces copy.deepcopy(default); values are immutable
         * here, so the default itself serves as the copy */
        rc = ovo_frames_probe(ctx, OVO_FR_DEEPCOPY);
        if (rc == 0)
            rc = type_call(ctx, coerce, &fd->type, fd->default_value, out);
    } else {
        rc = ovo_value_error(ctx, NULL);  /* "Field `%s' cannot be None" */
    }
    ovo_frames_leave(ctx, 1);
    return rc;
}

static int to_primitive_body(ovo_ctx *ctx, const ovo_field_desc *fd, const ovo_val *in,
                             const ovo_val **out)
{
    if (in->type == OVO_NONE) {
        *out = in;
        return 0;
    }
    return type_call(ctx, ovo_kind_table[fd->type.kind].to_primitive, &fd->type, in, out);
}

typedef int (*field_body)(ovo_ctx *, const ovo_field_desc *, const ovo_val *,
                          const ovo_val **);

static int field_call(ovo_ctx *ctx, field_body body, const ovo_field_desc *fd,
                      const ovo_val *in, const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = body(ctx, fd, in, out);
    ovo_frames_leave(ctx, 1);
    return rc;
}

int ovo_field_from_primitive(ovo_ctx *ctx, const ovo_field_desc *fd,
                             const ovo_val *in, const ovo_val **out)
{
    return field_call(ctx, from_primitive_body, fd, in, out);
}

int ovo_field_coerce(ovo_ctx *ctx, const ovo_field_desc *fd, const ovo_val *in,
                     const ovo_val **out)
{
    return field_call(ctx, coerce_body, fd, in, out);
}

int ovo_field_to_primitive(ovo_ctx *ctx, const ovo_field_desc *fd,
                           const ovo_val *in, const ovo_val **out)
{
    return field_call(ctx, to_primitive_body, fd, in, out);
}

/* A Field used as a field type (ListOfDictOfMiscValuesField's element is
 * Field(DictOfMiscValuesField())): the inner Field's method is the type
 * method, which type_call already made a frame. */
int ovo_nested_field_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td,
                                    const ovo_val *in, const ovo_val **out)
{
    return from_primitive_body(ctx, td->element, in, out);
}

int ovo_nested_field_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                            const ovo_val **out)
{
    return coerce_body(ctx, td->element, in, out);
}

int ovo_nested_field_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td,
                                  const ovo_val *in, const ovo_val **out)
{
    return to_primitive_body(ctx, td->element, in, out);
}
