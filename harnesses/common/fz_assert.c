/* FZ_ASSERT's failure path: name the oracle, say what broke, abort so the
 * engine keeps the input.  Independent of NDEBUG. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fz.h"

void fz_oracle_fail(const char *oracle, const char *cond, const char *file, int line,
                    const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "ovofuzz: oracle %s: ", oracle);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\novofuzz: failed check `%s` at %s:%d\n", cond, file, line);
    const char *sigs[16];
    size_t n = fz_current_signatures(sigs, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        fprintf(stderr, "ovofuzz: input has finding %s\n", sigs[i]);
    fflush(stderr);
    abort();
}
