/* Names of the exception classes and strict rules (errors.h). */
#include "internal.h"

static const struct {
    const char *name;
    bool expected;
} exceptions[] = {
#define OVO_X_(e, name, expected) {name, expected},
    OVO_EXCEPTIONS(OVO_X_)
#undef OVO_X_
};

static const struct {
    const char *id;
    const char *doc;
} rules[] = {
#define OVO_X_(e, id, doc) {id, doc},
    OVO_RULES(OVO_X_)
#undef OVO_X_
};

const char *ovo_exc_name(ovo_exc e)
{
    return (unsigned)e < OVO_EXC_COUNT_ ? exceptions[e].name : "?";
}

bool ovo_exc_expected(ovo_exc e)
{
    return (unsigned)e < OVO_EXC_COUNT_ && exceptions[e].expected;
}

const char *ovo_rule_id(ovo_rule r)
{
    return (unsigned)r < OVO_RULE_COUNT_ ? rules[r].id : "?";
}

const char *ovo_rule_doc(ovo_rule r)
{
    return (unsigned)r < OVO_RULE_COUNT_ ? rules[r].doc : "?";
}
