/* fuzz_port: Port, the object with the most nested objects and lists of
 * objects (bindings, binding_levels, fixed_ips, dns, security, ...).
 *
 * Input: the JSON text of versioned_object.data, spliced verbatim into
 *   {"versioned_object.name":"Port","versioned_object.namespace":
 *    "versionedobjects","versioned_object.version":"1.7",
 *    "versioned_object.data":PAYLOAD}
 * so mutations land in the data rather than in the envelope (text after a
 * closing brace in the payload can still add envelope keys).
 * Oracles: as fuzz_primitive. */
#include "fz.h"

static fz_buf g_doc;
static const ovo_class *g_port;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    g_port = ovo_class_find("Port", 4);
    FZ_ASSERT("harness", g_port != NULL, "Port is not in the catalogue");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    if (!g_port)
        LLVMFuzzerInitialize(NULL, NULL);
    fz_buf_reset(&g_doc);
    fz_buf_put_envelope_head(&g_doc, "Port", g_port->version);
    fz_buf_put(&g_doc, data, size);
    fz_buf_putc(&g_doc, '}');
    fz_eval ev;
    fz_check_document(g_doc.data, g_doc.len, &ev);
    return 0;
}
