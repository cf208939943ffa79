/* A structure-aware mutator for libFuzzer (LLVMFuzzerCustomMutator),
 * linked into libFuzzer builds only: AFL++ never calls it, and Debian's
 * AFL++ 4.04c driver defines LLVMFuzzerMutate as a strong stub, so this
 * file only declares LLVMFuzzerMutate and never defines it.
 *
 * Half of the time, and whenever the input is not a JSON document jansson
 * parses (raw text targets, tail bytes), it leaves the work to
 * LLVMFuzzerMutate.  Otherwise it parses the input with jansson, applies
 * one type-aware edit to a versioned-object envelope found in it (the
 * catalogue comes from libovo's schema), and serialises the tree again:
 *   - the version: a neighbour (1.1 -> 1.2, 1.0, 2.0, v1.1, 1.1.0, " 1.1",
 *     1.1a1, 1!1.1, 1.1+x, ...);
 *   - the name: another class of the catalogue;
 *   - the data: drop a key, add a missing field with a value of its type
 *     (a nested envelope for object fields), swap a value's JSON type,
 *     double-encode a DictOfMiscValues string, or turn it into a list;
 *   - a UUID string anywhere: one hex digit, a dash, braces, urn:uuid:,
 *     uppercase;
 *   - versioned_object.changes: add or drop an entry, or replace the list
 *     with a string or an object.
 * Without an envelope (fuzz_json, fuzz_port's data dict) the value edits
 * apply to a random node. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <ovo/ovo.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

typedef struct rng {
    uint64_t s;
} rng;

static uint32_t next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return (uint32_t)(r->s >> 11);
}

static uint32_t below(rng *r, uint32_t n) { return n ? next(r) % n : 0; }

/* ------------------------------------------------------------ walking */

#define MAX_NODES 256

typedef struct nodes {
    json_t *envelopes[MAX_NODES];
    size_t nenv;
    json_t *any[MAX_NODES];       /* containers (objects and arrays) */
    size_t nany;
    json_t *uuid_holders[MAX_NODES]; /* containers holding a UUID-ish string */
    size_t nuuid;
} nodes;

static bool uuidish(const char *s, size_t n)
{
    size_t hex = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
            hex++;
    }
    return n >= 30 && n <= 48 && hex >= 28;
}

static void walk(json_t *j, nodes *ns, int depth)
{
    if (depth > 64)
        return;
    if (json_is_object(j)) {
        if (json_object_get(j, "versioned_object.name") && ns->nenv < MAX_NODES)
            ns->envelopes[ns->nenv++] = j;
        if (ns->nany < MAX_NODES)
            ns->any[ns->nany++] = j;
        const char *k;
        json_t *v;
        json_object_foreach(j, k, v) {
            if (json_is_string(v) && uuidish(json_string_value(v), json_string_length(v)) &&
                ns->nuuid < MAX_NODES)
                ns->uuid_holders[ns->nuuid++] = j;
            walk(v, ns, depth + 1);
        }
    } else if (json_is_array(j)) {
        if (ns->nany < MAX_NODES)
            ns->any[ns->nany++] = j;
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) {
            if (json_is_string(v) && uuidish(json_string_value(v), json_string_length(v)) &&
                ns->nuuid < MAX_NODES)
                ns->uuid_holders[ns->nuuid++] = j;
            walk(v, ns, depth + 1);
        }
    }
}

/* A random member of a container: its key (objects) or index (arrays). */
static json_t *pick_member(rng *r, json_t *c, const char **key, size_t *index)
{
    if (json_is_object(c)) {
        size_t n = json_object_size(c);
        if (!n)
            return NULL;
        size_t want = below(r, (uint32_t)n), i = 0;
        const char *k;
        json_t *v;
        json_object_foreach(c, k, v) {
            if (i++ == want) {
                *key = k;
                return v;
            }
        }
        return NULL;
    }
    size_t n = json_array_size(c);
    if (!n)
        return NULL;
    *key = NULL;
    *index = below(r, (uint32_t)n);
    return json_array_get(c, *index);
}

static void replace_member(json_t *c, const char *key, size_t index, json_t *v)
{
    if (!v)
        return;
    if (key)
        json_object_set_new(c, key, v);
    else
        json_array_set_new(c, index, v);
}

/* ------------------------------------------------------------ values */

static const char *const uuids[] = {
    "0719a856-b791-44d4-a51e-79030364180e", "de2c4c68-688d-48af-af42-cb58bc1e8fbb",
    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"};

static json_t *envelope(rng *r, const char *name, const char *version, int depth);

/* A value of the type a field promises (mostly valid, sometimes not). */
static json_t *sample(rng *r, const ovo_field_desc *fd, int depth)
{
    const ovo_type_desc *td = &fd->type;
    if (fd->nullable && below(r, 8) == 0)
        return json_null();
    switch ((ovo_kind)td->kind) {
    case OVO_K_UUID:
    case OVO_K_OSLO_UUID:
        return json_string(uuids[below(r, 4)]);
    case OVO_K_ENUM:
        if (td->nvalues && td->values[0]->type == OVO_STR) {
            const ovo_val *v = td->values[below(r, td->nvalues)];
            if (v->type == OVO_STR)
                return json_stringn(v->u.s.ptr, v->u.s.len);
        }
        return json_string("ACTIVE");
    case OVO_K_DOMAIN_NAME:
        return json_string(below(r, 2) ? "host-1.example.com." : "vm1");
    case OVO_K_INTEGER:
    case OVO_K_INT_RANGE:
    case OVO_K_INT_ENUM:
        if (td->kind == OVO_K_INT_ENUM && td->nvalues && td->values[0]->type == OVO_INT)
            return json_integer(td->values[below(r, td->nvalues)]->u.i.small);
        return json_integer(td->kind == OVO_K_INT_RANGE ? td->min + below(r, 3) : below(r, 100));
    case OVO_K_PORT_RANGES:
        return below(r, 2) ? json_integer(80) : json_string("1000:2000");
    case OVO_K_BOOLEAN:
        return json_boolean(below(r, 2));
    case OVO_K_DATETIME:
        return json_string("2024-01-02T03:04:05Z");
    case OVO_K_IP_ADDRESS:
        return json_string(below(r, 2) ? "192.0.2.1" : "2001:db8::1");
    case OVO_K_OSLO_IP_NETWORK:
    case OVO_K_IP_NETWORK:
        return json_string(below(r, 2) ? "10.0.0.0/8" : "2001:db8::/64");
    case OVO_K_MAC_ADDRESS:
        return json_string("fa:16:3e:00:00:01");
    case OVO_K_MISC_DICT:
        return json_string(below(r, 2) ? "{}" : "{\"a\": 1}");
    case OVO_K_LIST:
    case OVO_K_SET: {
        json_t *a = json_array();
        if (depth < 6 && td->element)
            json_array_append_new(a, sample(r, td->element, depth + 1));
        return a;
    }
    case OVO_K_FIELD:
        return td->element ? sample(r, td->element, depth) : json_null();
    case OVO_K_OBJECT: {
        const ovo_class *cls = ovo_class_find(td->obj_name, strlen(td->obj_name));
        if (!cls || depth >= 6)
            return json_null();
        return envelope(r, cls->name, cls->version, depth + 1);
    }
    case OVO_K_STRING:
    default:
        return json_string(below(r, 2) ? "host-1" : "");
    }
}

static json_t *envelope(rng *r, const char *name, const char *version, int depth)
{
    json_t *e = json_object();
    json_object_set_new(e, "versioned_object.name", json_string(name));
    json_object_set_new(e, "versioned_object.namespace", json_string("versionedobjects"));
    json_object_set_new(e, "versioned_object.version", json_string(version));
    json_t *d = json_object();
    const ovo_class *cls = ovo_class_find(name, strlen(name));
    if (cls && cls->nfields && depth < 6) {
        const ovo_field_desc *fd = &cls->fields[below(r, cls->nfields)];
        json_object_set_new(d, fd->name, sample(r, fd, depth));
    }
    json_object_set_new(e, "versioned_object.data", d);
    return e;
}

/* Another JSON type for a value. */
static json_t *swap_type(rng *r, json_t *v)
{
    switch (below(r, 9)) {
    case 0:
        return json_null();
    case 1:
        return json_boolean(below(r, 2));
    case 2:
        return json_integer(below(r, 3) == 0 ? -1 : (json_int_t)below(r, 70000));
    case 3:
        return json_real(below(r, 2) ? 1.5 : 1e16);
    case 4: {
        /* the value as a string: str() territory, double encoding */
        char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        json_t *out = json_string(s ? s : "");
        free(s);
        return out;
    }
    case 5: {
        json_t *a = json_array();
        json_array_append(a, v);
        return a;
    }
    case 6: {
        json_t *o = json_object();
        json_object_set(o, "a", v);
        return o;
    }
    case 7:
        return json_string(below(r, 2) ? "[]" : "\"{}\"");
    default:
        return json_string("");
    }
}

/* ------------------------------------------------------------ edits */

static const char *neighbour_version(rng *r, const char *v, char *buf, size_t cap)
{
    unsigned long major = 1, minor = 0;
    if (sscanf(v, "%lu.%lu", &major, &minor) < 1)
        major = 1;
    switch (below(r, 14)) {
    case 0: snprintf(buf, cap, "%lu.%lu", major, minor + 1); break;
    case 1: snprintf(buf, cap, "%lu.%lu", major, minor ? minor - 1 : 0); break;
    case 2: snprintf(buf, cap, "%lu.0", major + 1); break;
    case 3: snprintf(buf, cap, "%lu.%lu.0", major, minor); break;
    case 4: snprintf(buf, cap, "v%lu.%lu", major, minor); break;
    case 5: snprintf(buf, cap, " %lu.%lu ", major, minor); break;
    case 6: snprintf(buf, cap, "%lu.%lua1", major, minor); break;
    case 7: snprintf(buf, cap, "1!%lu.%lu", major, minor); break;
    case 8: snprintf(buf, cap, "%lu.%lu+local.1", major, minor); break;
    case 9: snprintf(buf, cap, "%lu.%lu.post1", major, minor); break;
    case 10: snprintf(buf, cap, "0%lu.%lu", major, minor); break;
    case 11: snprintf(buf, cap, "%lu", major); break;
    case 12: snprintf(buf, cap, "%lu.%lu-1", major, minor); break;
    default: snprintf(buf, cap, "%lu.%lu.dev0", major, minor); break;
    }
    return buf;
}

static void edit_uuid(rng *r, json_t *holder)
{
    const char *key = NULL;
    size_t index = 0;
    json_t *v = pick_member(r, holder, &key, &index);
    if (!v || !json_is_string(v))
        return;
    char buf[128];
    size_t n = json_string_length(v);
    if (n > 60)
        return;
    memcpy(buf, json_string_value(v), n);
    buf[n] = '\0';
    char out[160];
    size_t i = n ? below(r, (uint32_t)n) : 0;
    switch (below(r, 8)) {
    case 0: /* one hex digit */
        buf[i] = "0123456789abcdefABCDEFg"[below(r, 23)];
        snprintf(out, sizeof out, "%s", buf);
        break;
    case 1: /* drop a character (a dash, often) */
        memmove(buf + i, buf + i + 1, n - i);
        snprintf(out, sizeof out, "%s", buf);
        break;
    case 2: snprintf(out, sizeof out, "{%s}", buf); break;
    case 3: snprintf(out, sizeof out, "urn:uuid:%s", buf); break;
    case 4:
        for (size_t k = 0; k < n; k++)
            if (buf[k] >= 'a' && buf[k] <= 'f')
                buf[k] = (char)(buf[k] - 'a' + 'A');
        snprintf(out, sizeof out, "%s", buf);
        break;
    case 5: { /* no dashes */
        size_t w = 0;
        for (size_t k = 0; k < n; k++)
            if (buf[k] != '-')
                buf[w++] = buf[k];
        buf[w] = '\0';
        snprintf(out, sizeof out, "%s", buf);
        break;
    }
    case 6: snprintf(out, sizeof out, " %s", buf); break;
    default: snprintf(out, sizeof out, "+%s", buf + (n ? 1 : 0)); break;
    }
    replace_member(holder, key, index, json_string(out));
}

static void edit_envelope(rng *r, json_t *env)
{
    json_t *data = json_object_get(env, "versioned_object.data");
    json_t *name = json_object_get(env, "versioned_object.name");
    const ovo_class *cls = NULL;
    if (json_is_string(name))
        cls = ovo_class_find(json_string_value(name), json_string_length(name));
    char buf[64];
    switch (below(r, 8)) {
    case 0: {
        json_t *v = json_object_get(env, "versioned_object.version");
        const char *cur = json_is_string(v) ? json_string_value(v)
                                           : (cls ? cls->version : "1.0");
        json_object_set_new(env, "versioned_object.version",
                            json_string(neighbour_version(r, cur, buf, sizeof buf)));
        break;
    }
    case 1: {
        const ovo_class *other = &ovo_classes[below(r, (uint32_t)ovo_nclasses)];
        json_object_set_new(env, "versioned_object.name", json_string(other->name));
        if (below(r, 2))
            json_object_set_new(env, "versioned_object.version", json_string(other->version));
        break;
    }
    case 2: /* drop a data key */
        if (json_is_object(data) && json_object_size(data)) {
            const char *k = NULL;
            size_t ix;
            if (pick_member(r, data, &k, &ix) && k) {
                char *copy = strdup(k);
                if (copy) {
                    json_object_del(data, copy);
                    free(copy);
                }
            }
        }
        break;
    case 3: /* add a field of the class, with a value of its type */
    case 4:
        if (cls && cls->nfields && json_is_object(data)) {
            const ovo_field_desc *fd = &cls->fields[below(r, cls->nfields)];
            json_object_set_new(data, fd->name, sample(r, fd, 0));
        }
        break;
    case 5: /* swap a data value's type */
        if (json_is_object(data)) {
            const char *k = NULL;
            size_t ix = 0;
            json_t *v = pick_member(r, data, &k, &ix);
            if (v)
                replace_member(data, k, ix, swap_type(r, v));
        } else {
            json_object_set_new(env, "versioned_object.data", json_object());
        }
        break;
    case 6: { /* changes */
        json_t *ch = json_object_get(env, "versioned_object.changes");
        if (!json_is_array(ch) || below(r, 4) == 0) {
            json_t *list = json_array();
            if (json_is_object(data)) {
                const char *k;
                json_t *v;
                json_object_foreach(data, k, v)
                    if (below(r, 2))
                        json_array_append_new(list, json_string(k));
            }
            switch (below(r, 4)) {
            case 0: json_decref(list); list = json_string("id"); break;
            case 1: json_decref(list); list = json_object(); break;
            default: break;
            }
            json_object_set_new(env, "versioned_object.changes", list);
        } else if (json_array_size(ch) && below(r, 2)) {
            json_array_remove(ch, below(r, (uint32_t)json_array_size(ch)));
        } else {
            json_array_append_new(ch, json_string(cls && cls->nfields
                                                  ? cls->fields[below(r, cls->nfields)].name
                                                  : "nonexistent"));
        }
        break;
    }
    default: /* a misc dict string: double-encode it, or make it a list */
        if (json_is_object(data)) {
            const char *k = NULL;
            size_t ix = 0;
            json_t *v = pick_member(r, data, &k, &ix);
            if (v && json_is_string(v)) {
                json_t *s = below(r, 2) ? json_string("[]") : json_string(json_string_value(v));
                if (json_is_string(s) && below(r, 2)) {
                    char *enc = json_dumps(v, JSON_ENCODE_ANY);
                    json_decref(s);
                    s = json_string(enc ? enc : "\"\"");
                    free(enc);
                }
                replace_member(data, k, ix, s);
            }
        }
        break;
    }
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    rng r = {((uint64_t)seed << 1 | 1) * 0x9E3779B97F4A7C15u};
    if (below(&r, 2) == 0 || size == 0)
        return LLVMFuzzerMutate(data, size, max_size);
    json_error_t err;
    json_t *root = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!root || !(json_is_object(root) || json_is_array(root))) {
        json_decref(root);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    nodes *ns = calloc(1, sizeof *ns);
    if (!ns) {
        json_decref(root);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    walk(root, ns, 0);
    uint32_t what = below(&r, 4);
    if (what == 0 && ns->nuuid) {
        edit_uuid(&r, ns->uuid_holders[below(&r, (uint32_t)ns->nuuid)]);
    } else if (what <= 2 && ns->nenv) {
        edit_envelope(&r, ns->envelopes[below(&r, (uint32_t)ns->nenv)]);
    } else if (ns->nany) {
        json_t *c = ns->any[below(&r, (uint32_t)ns->nany)];
        const char *k = NULL;
        size_t ix = 0;
        json_t *v = pick_member(&r, c, &k, &ix);
        if (v)
            replace_member(c, k, ix, swap_type(&r, v));
        else if (json_is_array(c))
            json_array_append_new(c, json_integer(1));
    }
    free(ns);
    char *out = json_dumps(root, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(root);
    size_t n = out ? strlen(out) : 0;
    if (!out || n == 0 || n > max_size) {
        free(out);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    memcpy(data, out, n);
    free(out);
    return n;
}
