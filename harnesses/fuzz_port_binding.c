/* fuzz_port_binding: PortBinding, DistributedPortBinding and
 * PortBindingLevel, with the fuzz input placed where it matters.
 *
 * Input: PAYLOAD, then one tail byte T.
 *   T & 3          the object: 0 and 3 PortBinding, 1 DistributedPortBinding,
 *                  2 PortBindingLevel (each at its current version);
 *   (T >> 2) % (nfields + 1)
 *                  the slot: 0 makes PAYLOAD the whole versioned_object.data
 *                  value; k makes PAYLOAD the JSON value of the k-th field
 *                  (the class's field order) in a valid, strict-clean
 *                  template data dict.
 * PAYLOAD is spliced verbatim as JSON text.  harnesses/README.md lists the
 * field order.
 * Oracles: as fuzz_primitive; at start-up every template must be
 * strict-accepted. */
#include <string.h>

#include "fz.h"

typedef struct tmpl_field {
    const char *name;
    const char *json;   /* NULL: not in the template unless its slot is chosen */
} tmpl_field;

typedef struct tmpl {
    const char *name;
    const ovo_class *cls;
    tmpl_field fields[10];
} tmpl;

#define PORT_ID "\"0719a856-b791-44d4-a51e-79030364180e\""

static tmpl g_tmpl[3] = {
    {"PortBinding", NULL,
     {{"port_id", PORT_ID},
      {"host", "\"host-1\""},
      {"profile", "\"{\\\"migrating_to\\\": \\\"host-2\\\"}\""},
      {"vif_type", "\"ovs\""},
      {"vif_details", "\"{\\\"port_filter\\\": true, \\\"ovs_hybrid_plug\\\": false}\""},
      {"vnic_type", "\"normal\""},
      {"status", "\"ACTIVE\""},
      {NULL, NULL}}},
    {"DistributedPortBinding", NULL,
     {{"port_id", PORT_ID},
      {"host", "\"host-1\""},
      {"profile", "\"{}\""},
      {"vif_type", "\"ovs\""},
      {"vif_details", "\"{\\\"port_filter\\\": true}\""},
      {"vnic_type", "\"normal\""},
      {"status", "\"ACTIVE\""},
      {"router_id", "\"4d5a2f0e-1c8b-4f3a-9e6d-7b2c1a0f9e8d\""},
      {NULL, NULL}}},
    {"PortBindingLevel", NULL,
     {{"port_id", PORT_ID},
      {"host", "\"host-1\""},
      {"level", "0"},
      {"driver", "\"openvswitch\""},
      {"segment", NULL},
      {"segment_id", "\"de2c4c68-688d-48af-af42-cb58bc1e8fbb\""},
      {NULL, NULL}}},
};

static fz_buf g_doc;
static bool g_ready;

static const char *template_value(const tmpl *t, const char *field)
{
    for (const tmpl_field *f = t->fields; f->name; f++)
        if (strcmp(f->name, field) == 0)
            return f->json;
    return NULL;
}

/* The document for object t with `payload` in slot (0: the data value). */
static void build(const tmpl *t, unsigned slot, const void *payload, size_t n)
{
    fz_buf_reset(&g_doc);
    fz_buf_put_envelope_head(&g_doc, t->name, t->cls->version);
    if (slot == 0) {
        fz_buf_put(&g_doc, payload, n);
    } else {
        fz_buf_putc(&g_doc, '{');
        bool first = true;
        for (uint32_t i = 0; i < t->cls->nfields; i++) {
            const char *name = t->cls->fields[i].name;
            const char *json = template_value(t, name);
            bool chosen = i + 1 == slot;
            if (!chosen && !json)
                continue;
            if (!first)
                fz_buf_putc(&g_doc, ',');
            first = false;
            fz_buf_putc(&g_doc, '"');
            fz_buf_puts(&g_doc, name);
            fz_buf_puts(&g_doc, "\":");
            if (chosen)
                fz_buf_put(&g_doc, payload, n);
            else
                fz_buf_puts(&g_doc, json);
        }
        fz_buf_putc(&g_doc, '}');
    }
    fz_buf_putc(&g_doc, '}');
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (g_ready)
        return 0;
    fz_ctx();
    fz_rt_ctx();
    for (int i = 0; i < 3; i++) {
        tmpl *t = &g_tmpl[i];
        t->cls = ovo_class_find(t->name, strlen(t->name));
        FZ_ASSERT("harness", t->cls != NULL, "%s is not in the catalogue", t->name);
        for (const tmpl_field *f = t->fields; f->name; f++)
            FZ_ASSERT("harness", ovo_field_index(t->cls, f->name, strlen(f->name)) >= 0,
                      "%s has no field %s", t->name, f->name);
        /* the template itself: every slot filled with its own value */
        build(t, 1, template_value(t, t->cls->fields[0].name),
              strlen(template_value(t, t->cls->fields[0].name)));
        fz_eval ev;
        FZ_ASSERT("harness", fz_check_document(g_doc.data, g_doc.len, &ev) && ev.strict_ok,
                  "the %s template is not strict-accepted: %s", t->name, g_doc.data);
    }
    fz_begin_input();
    g_ready = true;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    if (!g_ready)
        LLVMFuzzerInitialize(NULL, NULL);
    fz_in in = {data, size};
    if (in.size == 0)
        return 0;
    uint8_t t = fz_tail_u8(&in);
    const tmpl *tp = &g_tmpl[(t & 3) == 3 ? 0 : (t & 3)];
    unsigned slot = (unsigned)(t >> 2) % (tp->cls->nfields + 1);
    build(tp, slot, in.data, in.size);
    fz_eval ev;
    fz_check_document(g_doc.data, g_doc.len, &ev);
    return 0;
}
