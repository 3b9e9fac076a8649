#!/bin/sh
# #16 item 3, the long form: 100 runs of `sheets -j 2` interrupted at random
# points by SIGINT, SIGTERM or SIGHUP leave nothing behind
# (tests/e2e/harden_signals.sh does 10 in `make test`).
JH_STRESS=${JH_STRESS:-100} exec sh "$(dirname "$0")/../e2e/harden_signals.sh"
