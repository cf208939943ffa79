/* Lookups in the embedded catalogue (ovo_classes is sorted by name). */
#include "internal.h"

static int cmp_name(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    int c = memcmp(a, b, n);
    if (c)
        return c;
    return alen < blen ? -1 : alen > blen;
}

const ovo_class *ovo_class_find(const char *name, size_t len)
{
    size_t lo = 0, hi = ovo_nclasses;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const ovo_class *c = &ovo_classes[mid];
        int r = cmp_name(name, len, c->name, c->name_len);
        if (r == 0)
            return c;
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

int ovo_field_index(const ovo_class *cls, const char *name, size_t len)
{
    size_t lo = 0, hi = cls->nfields;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const ovo_field_desc *f = &cls->fields[cls->fields_by_name[mid]];
        int r = cmp_name(name, len, f->name, f->name_len);
        if (r == 0)
            return cls->fields_by_name[mid];
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}
