/* Input enumeration shared by the command-line tools; the Python tools do
 * the same in scripts/lib/inputs.py.  Arguments are taken in order:
 *   --jsonl FILE   every line of FILE is one input (trailing newline stripped)
 *   FILE           the whole file is one input
 *   DIR            every regular file below DIR, sorted by path, dotfiles skipped
 *   -              standard input is one input */
#ifndef OVO_TOOLS_INPUTS_H
#define OVO_TOOLS_INPUTS_H

#include <stddef.h>

typedef enum { INPUT_PATH, INPUT_JSONL } input_kind;

typedef struct input_spec {
    input_kind kind;
    const char *arg;
} input_spec;

/* Called for every input; label names it ("file", "file:line"). */
typedef int (*input_fn)(const char *label, const unsigned char *data, size_t size, void *ud);

/* Read a whole file ("-" for stdin) into a malloc'd buffer. */
unsigned char *input_read_file(const char *path, size_t *size);

/* Walk the specs in order, calling fn for each input.  Returns 0, or -1
 * (with a message on stderr) when something cannot be read; stops early
 * when fn returns non-zero and returns that value. */
int input_each(const input_spec *specs, size_t n, input_fn fn, void *ud);

#endif
