"""scripts/reference-oracle: outcome lines from the real reference."""
import sys

import inputs
import oracle


def main():
    opts, specs = inputs.parse_args(sys.argv[1:], "reference-oracle",
                                    extra_flags=("--timeout", "--budget"))
    if opts["mode"] != "reference":
        sys.exit("reference-oracle: only --mode reference exists; strict mode is libovo's")
    timeout = float(opts.get("timeout", "10"))
    budget = int(opts.get("budget", oracle.DEFAULT_BUDGET))
    oracle.setup()
    out = sys.stdout
    for _label, data in inputs.iter_inputs(specs):
        out.write(oracle.line_for(data, timeout, budget))
        out.write("\n")
    out.flush()


if __name__ == "__main__":
    main()
