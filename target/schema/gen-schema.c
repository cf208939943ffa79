/* gen-schema: turn target/schema/neutron.json (exported from the reference
 * by scripts/export-schema) into C tables for libovo (ovo/schema.h).
 *
 *   ovo-gen-schema neutron.json schema_tables.c
 *
 * Runs at build time; libovo never reads JSON schema at run time.  Any
 * unknown kind or malformed entry fails the build. */
#define _GNU_SOURCE /* asprintf */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *out;
static json_t *objects;
static int nsym;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen-schema: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void emit_cstr(const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static const char *kind_enum(const char *kind)
{
    static const char *const map[][2] = {
        {"string", "OVO_K_STRING"},       {"uuid", "OVO_K_UUID"},
        {"oslo_uuid", "OVO_K_OSLO_UUID"}, {"enum", "OVO_K_ENUM"},
        {"domain_name", "OVO_K_DOMAIN_NAME"}, {"integer", "OVO_K_INTEGER"},
        {"int_range", "OVO_K_INT_RANGE"}, {"int_enum", "OVO_K_INT_ENUM"},
        {"port_ranges", "OVO_K_PORT_RANGES"}, {"boolean", "OVO_K_BOOLEAN"},
        {"datetime", "OVO_K_DATETIME"},   {"ip_address", "OVO_K_IP_ADDRESS"},
        {"oslo_ip_network", "OVO_K_OSLO_IP_NETWORK"},
        {"ip_network", "OVO_K_IP_NETWORK"},
        {"mac_address", "OVO_K_MAC_ADDRESS"},
        {"misc_dict", "OVO_K_MISC_DICT"}, {"list", "OVO_K_LIST"},
        {"set", "OVO_K_SET"},             {"field", "OVO_K_FIELD"},
        {"object", "OVO_K_OBJECT"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], kind) == 0)
            return map[i][1];
    die("unknown field kind '%s'", kind);
    return NULL;
}

/* A scalar from the export (null, bool, str, {"int": n}) as a static
 * ovo_val; returns the symbol name (malloc'd). */
static char *emit_value(json_t *v)
{
    char *sym = NULL;
    if (asprintf(&sym, "ovo_v%d", nsym++) < 0)
        die("out of memory");
    if (json_is_null(v)) {
        free(sym);
        return strdup("ovo_none");
    }
    if (json_is_true(v)) {
        free(sym);
        return strdup("ovo_true");
    }
    if (json_is_false(v)) {
        free(sym);
        return strdup("ovo_false");
    }
    if (json_is_string(v)) {
        fprintf(out, "static const ovo_val %s = {.type = OVO_STR, .u.s = {", sym);
        emit_cstr(json_string_value(v));
        fprintf(out, ", %zu}};\n", json_string_length(v));
        return sym;
    }
    json_t *i = json_object_get(v, "int");
    if (json_is_integer(i)) {
        fprintf(out, "static const ovo_val %s = {.type = OVO_INT, .u.i = {.small = %lldLL}};\n",
                sym, (long long)json_integer_value(i));
        return sym;
    }
    die("unsupported value in schema");
    return NULL;
}

static int class_index(const char *name)
{
    size_t i;
    json_t *o;
    json_array_foreach(objects, i, o)
    {
        if (strcmp(json_string_value(json_object_get(o, "name")), name) == 0)
            return (int)i;
    }
    return -1;
}

static const char *str_of(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    if (!s)
        die("missing string '%s'", key);
    return s;
}

static char *emit_element_field(json_t *f);

/* Definitions the type needs (values, element fields) are emitted first;
 * then the initializer text is written to buf. */
static void type_init(json_t *t, char *buf, size_t cap)
{
    const char *kind = str_of(t, "kind");
    int n = snprintf(buf, cap, "{.kind = %s", kind_enum(kind));
    json_t *values = json_object_get(t, "values");
    if (values) {
        const char *c = str_of(t, "container");
        const char *ce = strcmp(c, "tuple") == 0  ? "OVO_C_TUPLE"
                         : strcmp(c, "list") == 0 ? "OVO_C_LIST"
                         : strcmp(c, "set") == 0  ? "OVO_C_SET"
                                                  : NULL;
        if (!ce)
            die("unknown enum container %s", c);
        size_t nv = json_array_size(values);
        char **syms = calloc(nv, sizeof *syms);
        for (size_t i = 0; i < nv; i++)
            syms[i] = emit_value(json_array_get(values, i));
        int arr = nsym++;
        fprintf(out, "static const ovo_val *const ovo_e%d[] = {", arr);
        for (size_t i = 0; i < nv; i++) {
            fprintf(out, "%s&%s", i ? ", " : "", syms[i]);
            free(syms[i]);
        }
        fprintf(out, "};\n");
        free(syms);
        n += snprintf(buf + n, cap - n, ", .container = %s, .values = ovo_e%d, .nvalues = %zu",
                      ce, arr, nv);
    }
    json_t *ipv = json_object_get(t, "version");
    if (ipv)
        n += snprintf(buf + n, cap - n, ", .ip_version = %d", (int)json_integer_value(ipv));
    json_t *tz = json_object_get(t, "tzinfo_aware");
    if (tz)
        n += snprintf(buf + n, cap - n, ", .tzinfo_aware = %s", json_is_true(tz) ? "true" : "false");
    json_t *mn = json_object_get(t, "min"), *mx = json_object_get(t, "max");
    if (mn && mx)
        n += snprintf(buf + n, cap - n, ", .min = %lldLL, .max = %lldLL",
                      (long long)json_integer_value(mn), (long long)json_integer_value(mx));
    json_t *el = json_object_get(t, "element");
    if (!el)
        el = json_object_get(t, "field");
    if (el) {
        char *sym = emit_element_field(el);
        n += snprintf(buf + n, cap - n, ", .element = &%s", sym);
        free(sym);
    }
    json_t *on = json_object_get(t, "obj_name");
    if (on) {
        const char *name = json_string_value(on);
        n += snprintf(buf + n, cap - n, ", .obj_name = \"%s\", .obj_class = %d, .subclasses = %s",
                      name, class_index(name),
                      json_is_true(json_object_get(t, "subclasses")) ? "true" : "false");
    } else {
        n += snprintf(buf + n, cap - n, ", .obj_class = -1");
    }
    if ((size_t)n + 2 >= cap)
        die("type initializer too long");
    snprintf(buf + n, cap - n, "}");
}

static void field_init(json_t *f, char *buf, size_t cap)
{
    char tbuf[1024];
    char *def = NULL;
    json_t *d = json_object_get(f, "default");
    if (d)
        def = emit_value(json_object_get(d, "value"));
    type_init(json_object_get(f, "type"), tbuf, sizeof tbuf);
    json_t *name = json_object_get(f, "name");
    int n;
    if (name)
        n = snprintf(buf, cap, "{.name = \"%s\", .name_len = %zu, ", json_string_value(name),
                     json_string_length(name));
    else
        n = snprintf(buf, cap, "{.name = NULL, .name_len = 0, ");
    n += snprintf(buf + n, cap - n, ".class_name = \"%s\", .nullable = %s, .default_value = %s%s, .type = %s}",
                  str_of(f, "class"), json_is_true(json_object_get(f, "nullable")) ? "true" : "false",
                  def ? "&" : "", def ? def : "NULL", tbuf);
    if ((size_t)n >= cap)
        die("field initializer too long");
    free(def);
}

static char *emit_element_field(json_t *f)
{
    char buf[2048];
    field_init(f, buf, sizeof buf);
    char *sym = NULL;
    if (asprintf(&sym, "ovo_f%d", nsym++) < 0)
        die("out of memory");
    fprintf(out, "static const ovo_field_desc %s = %s;\n", sym, buf);
    return sym;
}

static int cmp_names(const void *a, const void *b)
{
    const char *const *x = a, *const *y = b;
    return strcmp(*x, *y);
}

static void emit_class(json_t *o, int idx)
{
    json_t *fields = json_object_get(o, "fields");
    size_t nf = json_array_size(fields);
    if (nf > 64)
        die("%s: more than 64 fields", str_of(o, "name"));
    char **inits = calloc(nf ? nf : 1, sizeof *inits);
    for (size_t i = 0; i < nf; i++) {
        char buf[2048];
        field_init(json_array_get(fields, i), buf, sizeof buf);
        inits[i] = strdup(buf);
    }
    fprintf(out, "static const ovo_field_desc ovo_c%d_fields[] = {\n", idx);
    for (size_t i = 0; i < nf; i++) {
        fprintf(out, "    %s,\n", inits[i]);
        free(inits[i]);
    }
    fprintf(out, "};\n");
    free(inits);

    /* field indexes sorted by name */
    const char **names = calloc(nf ? nf : 1, sizeof *names);
    for (size_t i = 0; i < nf; i++)
        names[i] = str_of(json_array_get(fields, i), "name");
    const char **sorted = calloc(nf ? nf : 1, sizeof *sorted);
    memcpy(sorted, names, nf * sizeof *names);
    qsort(sorted, nf, sizeof *sorted, cmp_names);
    fprintf(out, "static const uint16_t ovo_c%d_by_name[] = {", idx);
    for (size_t i = 0; i < nf; i++)
        for (size_t j = 0; j < nf; j++)
            if (names[j] == sorted[i])
                fprintf(out, "%s%zu", i ? ", " : "", j);
    fprintf(out, "%s};\n", nf ? "" : "0");
    free(names);
    free(sorted);

    json_t *mro = json_object_get(o, "mro");
    fprintf(out, "static const char *const ovo_c%d_mro[] = {", idx);
    size_t i;
    json_t *m;
    json_array_foreach(mro, i, m)
    {
        fprintf(out, "%s", i ? ", " : "");
        emit_cstr(json_string_value(m));
    }
    fprintf(out, "};\n");
}

/* init_units: a small positive count (the measured depth of cls()). */
static unsigned init_units(json_t *o)
{
    json_t *u = json_object_get(o, "init_units");
    if (!json_is_integer(u) || json_integer_value(u) < 1 || json_integer_value(u) > 1000)
        die("%s: init_units missing or out of range", str_of(o, "name"));
    return (unsigned)json_integer_value(u);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s neutron.json out.c\n", argv[0]);
        return 2;
    }
    json_error_t err;
    json_t *doc = json_load_file(argv[1], 0, &err);
    if (!doc)
        die("%s:%d: %s", argv[1], err.line, err.text);
    objects = json_object_get(doc, "objects");
    if (!json_is_array(objects) || json_array_size(objects) == 0)
        die("no objects");
    out = fopen(argv[2], "w");
    if (!out)
        die("cannot write %s", argv[2]);
    fprintf(out, "/* Generated by gen-schema from target/schema/neutron.json. Do not edit. */\n");
    fprintf(out, "#include \"ovo/schema.h\"\n\n");

    size_t i;
    json_t *o;
    const char *prev = "";
    json_array_foreach(objects, i, o)
    {
        const char *name = str_of(o, "name");
        if (strcmp(prev, name) >= 0)
            die("objects are not sorted by name at %s", name);
        prev = name;
        emit_class(o, (int)i);
    }
    fprintf(out, "\nconst ovo_class ovo_classes[] = {\n");
    json_array_foreach(objects, i, o)
    {
        const char *name = str_of(o, "name");
        size_t nf = json_array_size(json_object_get(o, "fields"));
        fprintf(out,
                "    {.name = \"%s\", .name_len = %zu, .version = \"%s\", .mro = ovo_c%zu_mro, "
                ".nmro = %zu, .fields = ovo_c%zu_fields, .nfields = %zu, .fields_by_name = ovo_c%zu_by_name, "
                ".init_units = %u},\n",
                name, strlen(name), str_of(o, "version"), i,
                json_array_size(json_object_get(o, "mro")), i, nf, i, init_units(o));
    }
    fprintf(out, "};\nconst size_t ovo_nclasses = %zu;\n", json_array_size(objects));
    if (fclose(out) != 0)
        die("write error");
    json_decref(doc);
    return 0;
}
