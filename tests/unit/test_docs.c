/* docs/strict-rules.md holds exactly the rules errors.h defines, each with
 * its explanation (the table between the rules:begin/end markers is what
 * `ovo-check --list-rules` prints). */
#include <stdlib.h>
#include <string.h>

#include "ovo/ovo.h"
#include "testlib.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = 0;
    fclose(f);
    return s;
}

int main(void)
{
    char *doc = slurp("docs/strict-rules.md");
    CHECK_MSG(doc != NULL, "cannot read docs/strict-rules.md");
    if (!doc)
        return test_finish("docs");
    char *begin = strstr(doc, "<!-- rules:begin -->");
    char *end = strstr(doc, "<!-- rules:end -->");
    CHECK(begin && end && begin < end);
    if (begin && end) {
        *end = 0;
        size_t rows = 0;
        for (char *p = begin; (p = strstr(p, "\n| `")) != NULL; p++)
            rows++;
        CHECK_MSG(rows == OVO_RULE_COUNT_ - 1, "%zu rows for %d rules", rows, OVO_RULE_COUNT_ - 1);
        for (int r = 1; r < OVO_RULE_COUNT_; r++) {
            char row[1024];
            snprintf(row, sizeof row, "| `%s` | %s |\n", ovo_rule_id((ovo_rule)r),
                     ovo_rule_doc((ovo_rule)r));
            CHECK_MSG(strstr(begin, row) != NULL, "docs/strict-rules.md lacks %s (regenerate "
                      "the table with ovo-check --list-rules)", ovo_rule_id((ovo_rule)r));
        }
    }
    free(doc);
    return test_finish("docs");
}
