/* fuzz_uuid: the UUID field's coercion against libuuid and the canonical
 * form.
 *
 * Input: the UUID text, raw (no JSON quoting).
 * Oracles:
 *   - libuuid differential: whatever uuid_parse accepts, Python's
 *     uuid.UUID (ovo_uuid_text_valid) accepts, and both read the same 128
 *     bits; what Python accepts and libuuid rejects is the finding
 *     diff.uuid.python-only (braces, urn:uuid:, no dashes, signs, ...);
 *   - the canonical form (checked here independently) is accepted by both
 *     and agrees with ovo_uuid_is_canonical;
 *   - as AddressAssociation.address_group_id (neutron-lib UUIDField): the
 *     reference accepts exactly what uuid.UUID accepts and keeps the text
 *     verbatim; strict mode accepts exactly the canonical form;
 *   - as an element of Flavor.service_profile_ids (oslo UUID, unchecked):
 *     the reference accepts any text and keeps it; strict mode accepts
 *     exactly the canonical form;
 *   - everything fz_check_document runs (findings, validator, round trip). */
#include <string.h>
#include <uuid/uuid.h>

#include <ovo/uuid.h>

#include "fz.h"

static fz_buf g_text, g_doc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    return 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The field value of a one-field document, verbatim text expected. */
static const ovo_val *field_value(const ovo_result *res, const char *field)
{
    const ovo_object *obj = res->object->u.obj;
    const ovo_class *cls = ovo_object_class(obj);
    int i = ovo_field_index(cls, field, strlen(field));
    FZ_ASSERT("harness", i >= 0, "no field %s", field);
    return ovo_object_field(obj, (uint32_t)i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    const char *text = (const char *)data;
    fz_text_info info = fz_text_scan(data, size);

    /* libuuid reads a C string: a NUL would end it early */
    bool lib_ok = false;
    uuid_t bin;
    if (!memchr(data, 0, size)) {
        fz_buf_reset(&g_text);
        fz_buf_put(&g_text, data, size);
        lib_ok = uuid_parse(g_text.data, bin) == 0;
    }
    bool canonical = fz_uuid_canonical(text, size);
    if (!info.wtf8) {
        /* not a Python str at all */
        FZ_ASSERT("uuid", !lib_ok && !canonical, "uuid_parse accepts non-UTF-8 text");
        return 0;
    }
    ovo_str s = {text, (uint32_t)size};
    ovo_ctx *ctx = fz_ctx();
    ovo_ctx_reset(ctx);
    int py = ovo_uuid_text_valid(ctx, s);
    if (py < 0)
        return 0;   /* the arena budget */
    FZ_ASSERT("uuid", canonical == ovo_uuid_is_canonical(s),
              "ovo_uuid_is_canonical says %d for \"%.*s\"", !canonical, (int)size, text);
    if (canonical)
        FZ_ASSERT("uuid", lib_ok && py == 1, "canonical \"%.*s\": libuuid %d, uuid.UUID %d",
                  (int)size, text, lib_ok, py);
    if (lib_ok) {
        FZ_ASSERT("uuid", py == 1, "uuid_parse accepts \"%.*s\", uuid.UUID rejects it",
                  (int)size, text);
        /* both read the hex digits in order: uuid.UUID drops the dashes */
        uint8_t mine[16];
        size_t k = 0;
        for (size_t i = 0; i < size && k < 32; i++) {
            int h = hexval(text[i]);
            if (h < 0)
                continue;
            if (k % 2 == 0)
                mine[k / 2] = (uint8_t)(h << 4);
            else
                mine[k / 2] |= (uint8_t)h;
            k++;
        }
        FZ_ASSERT("uuid", k == 32 && memcmp(mine, bin, 16) == 0,
                  "uuid_parse read other bits from \"%.*s\"", (int)size, text);
    } else if (py == 1) {
        fz_finding("diff.uuid.python-only");
    }

    /* the neutron-lib UUIDField */
    fz_buf_reset(&g_doc);
    fz_buf_put_envelope_head(&g_doc, "AddressAssociation", "1.0");
    fz_buf_puts(&g_doc, "{\"address_group_id\":");
    FZ_ASSERT("harness", fz_buf_put_json_string(&g_doc, data, size), "quoting failed");
    fz_buf_puts(&g_doc, "}}");
    fz_eval ev;
    if (fz_check_document(g_doc.data, g_doc.len, &ev)) {
        FZ_ASSERT("uuid", ev.ref_ok == (py == 1),
                  "UUIDField %s \"%.*s\" but uuid.UUID %s it", ev.ref_ok ? "accepts" : "rejects",
                  (int)size, text, py == 1 ? "accepts" : "rejects");
        FZ_ASSERT("uuid", ev.strict_ok == canonical, "strict mode %s \"%.*s\"",
                  ev.strict_ok ? "accepts" : "rejects", (int)size, text);
        if (ev.ref_ok) {
            const ovo_val *v = field_value(&ev.res, "address_group_id");
            FZ_ASSERT("uuid", v && v->type == OVO_STR && v->u.s.len == size &&
                                  memcmp(v->u.s.ptr, text, size) == 0,
                      "UUIDField does not keep \"%.*s\" verbatim", (int)size, text);
        }
    }

    /* the oslo UUID of a SetOfUUIDsField: no check at all */
    fz_buf_reset(&g_doc);
    fz_buf_put_envelope_head(&g_doc, "Flavor", "1.0");
    fz_buf_puts(&g_doc, "{\"service_profile_ids\":[");
    fz_buf_put_json_string(&g_doc, data, size);
    fz_buf_puts(&g_doc, "]}}");
    if (fz_check_document(g_doc.data, g_doc.len, &ev)) {
        FZ_ASSERT("uuid", ev.ref_ok, "SetOfUUIDsField rejects \"%.*s\"", (int)size, text);
        FZ_ASSERT("uuid", ev.strict_ok == canonical, "strict mode %s [\"%.*s\"]",
                  ev.strict_ok ? "accepts" : "rejects", (int)size, text);
        const ovo_val *v = field_value(&ev.res, "service_profile_ids");
        FZ_ASSERT("uuid", v && v->type == OVO_SET && v->u.seq.n == 1 &&
                              v->u.seq.items[0]->type == OVO_STR &&
                              v->u.seq.items[0]->u.s.len == size &&
                              memcmp(v->u.seq.items[0]->u.s.ptr, text, size) == 0,
                  "SetOfUUIDsField does not hold {\"%.*s\"}", (int)size, text);
    }
    return 0;
}
