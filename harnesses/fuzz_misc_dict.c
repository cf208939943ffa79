/* fuzz_misc_dict: DictOfMiscValues (the JSON text Neutron keeps in
 * PortBinding.profile and friends) and the JSON layer's loads/dumps.
 *
 * Input: the DictOfMiscValues text, raw (no JSON quoting), e.g.
 * {"migrating_to": "host-2"}.
 * Oracles:
 *   - loads/dumps stability on the raw bytes: when ovo_json_loads accepts
 *     x, dumps(loads(x)) loads again to a value that renders identically,
 *     and dumps of that is the same text;
 *   - x quoted into PortBinding.profile (a valid, strict-clean template
 *     otherwise), for UTF-8 x nested at most 900 deep (the field decodes
 *     with less recursion room than the top level):
 *       loads(x) is a dict           -> accepted, the field holds it;
 *       loads(x) is a str s          -> the reference decodes again: accepted
 *                                       with loads(s) held when that parses,
 *                                       rejected otherwise;
 *       anything else, or no JSON    -> rejected (ValueError);
 *     strict mode accepts only the first case;
 *   - findings, validator and round trip as fuzz_primitive. */
#include <string.h>

#include <ovo/json.h>

#include "fz.h"

static fz_buf g_doc;
static ovo_ctx *g_aux;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    if (!g_aux)
        g_aux = ovo_ctx_new(NULL);
    FZ_ASSERT("harness", g_aux != NULL, "ovo_ctx_new failed");
    return 0;
}

static unsigned depth_of(const ovo_val *v, unsigned limit)
{
    if (limit == 0)
        return 1;
    unsigned d = 0;
    if (v->type == OVO_LIST) {
        for (uint32_t i = 0; i < v->u.seq.n; i++) {
            unsigned e = depth_of(v->u.seq.items[i], limit - 1);
            d = e > d ? e : d;
        }
        return d + 1;
    }
    if (v->type == OVO_DICT) {
        for (uint32_t i = 0; i < v->u.dict.n; i++) {
            unsigned e = depth_of(v->u.dict.entries[i].value, limit - 1);
            d = e > d ? e : d;
        }
        return d + 1;
    }
    return 0;
}

static void same_rendering(const ovo_val *a, const ovo_val *b, const char *what)
{
    size_t na, nb;
    const char *ra = fz_render(a, 0, &na);
    const char *rb = fz_render(b, 1, &nb);
    FZ_ASSERT("miscdict", na == nb && memcmp(ra, rb, na) == 0, "%s:\n%.*s\n%.*s", what,
              (int)(na > 2000 ? 2000 : na), ra, (int)(nb > 2000 ? 2000 : nb), rb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    if (!g_aux)
        LLVMFuzzerInitialize(NULL, NULL);
    fz_text_info info = fz_text_scan(data, size);

    /* ---- the field (first: its result stays in fz_ctx() below) */
    fz_eval ev;
    bool evaluated = false;
    if (info.wtf8) {
        fz_buf_reset(&g_doc);
        fz_buf_put_envelope_head(&g_doc, "PortBinding", "1.0");
        fz_buf_puts(&g_doc, "{\"port_id\":\"0719a856-b791-44d4-a51e-79030364180e\","
                            "\"host\":\"host-1\",\"profile\":");
        fz_buf_put_json_string(&g_doc, data, size);
        fz_buf_puts(&g_doc, ",\"vif_type\":\"ovs\",\"vnic_type\":\"normal\","
                            "\"status\":\"ACTIVE\"}}");
        evaluated = fz_check_document(g_doc.data, g_doc.len, &ev);
    }

    /* ---- loads/dumps on the raw bytes */
    ovo_ctx_reset(g_aux);
    const ovo_val *l1;
    ovo_json_reason reason;
    if (ovo_json_loads(g_aux, data, size, &l1, &reason) < 0) {
        if (ovo_json_loads_nomem(g_aux))
            return 0;
        l1 = NULL;
    } else {
        ovo_str d1, d2;
        if (ovo_json_dumps(g_aux, l1, &d1) < 0)
            return 0;
        const ovo_val *l2;
        int rc = ovo_json_loads(g_aux, d1.ptr, d1.len, &l2, &reason);
        if (rc < 0 && ovo_json_loads_nomem(g_aux))
            return 0;
        FZ_ASSERT("miscdict", rc == 0, "loads(dumps(loads(x))) fails (%s): %.*s",
                  ovo_json_reason_name(reason), (int)(d1.len > 2000 ? 2000 : d1.len), d1.ptr);
        same_rendering(l1, l2, "loads(dumps(loads(x))) differs from loads(x)");
        if (ovo_json_dumps(g_aux, l2, &d2) < 0)
            return 0;
        FZ_ASSERT("miscdict", d1.len == d2.len && memcmp(d1.ptr, d2.ptr, d1.len) == 0,
                  "dumps is not a fixed point:\n%.*s\n%.*s", (int)(d1.len > 2000 ? 2000 : d1.len),
                  d1.ptr, (int)(d2.len > 2000 ? 2000 : d2.len), d2.ptr);
    }

    /* ---- what the field must have done */
    if (!evaluated || !info.utf8)
        return 0;
    const ovo_val *held = NULL;
    if (ev.ref_ok) {
        const ovo_object *obj = ev.res.object->u.obj;
        held = ovo_object_field(obj, (uint32_t)ovo_field_index(ovo_object_class(obj), "profile", 7));
        FZ_ASSERT("miscdict", held != NULL, "profile not set");
    }
    if (!l1) {
        FZ_ASSERT("miscdict", !ev.ref_ok && ev.res.error == OVO_EXC_VALUE_ERROR,
                  "profile text that is no JSON is not a ValueError");
        return 0;
    }
    if (depth_of(l1, 901) > 900)
        return 0;
    if (l1->type == OVO_DICT) {
        FZ_ASSERT("miscdict", ev.ref_ok, "profile text holding a dict is rejected");
        same_rendering(held, l1, "the profile does not hold loads(x)");
    } else if (l1->type == OVO_STR) {
        const ovo_val *l2;
        int rc = ovo_json_loads(g_aux, l1->u.s.ptr, l1->u.s.len, &l2, &reason);
        if (rc < 0 && ovo_json_loads_nomem(g_aux))
            return 0;
        FZ_ASSERT("miscdict", ev.strict_ok == false, "strict mode accepts a double-encoded dict");
        if (rc == 0 && depth_of(l2, 901) <= 900) {
            FZ_ASSERT("miscdict", ev.ref_ok, "double-encoded profile rejected");
            same_rendering(held, l2, "the profile does not hold loads(loads(x))");
        } else if (rc < 0 && fz_text_scan(l1->u.s.ptr, l1->u.s.len).utf8) {
            FZ_ASSERT("miscdict", !ev.ref_ok, "a profile decoding to a non-JSON str accepted");
        }
    } else {
        FZ_ASSERT("miscdict", !ev.ref_ok && ev.res.error == OVO_EXC_VALUE_ERROR,
                  "profile holding a %s: %s", ovo_type_name(l1),
                  ev.ref_ok ? "accepted" : ovo_exc_name(ev.res.error));
    }
    return 0;
}
