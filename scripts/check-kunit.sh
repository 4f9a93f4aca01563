#!/bin/bash
# Step h: KUnit on the fully patched kernel (the build dir of make): every
# case passes and at least one ran, but those UML cannot host (step j).
STEP=check-kunit
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")
"$d/apply.sh"
STEP=check-kunit "$d/kunit.sh"
"$d/kunit_results.py" show "$BUILD/kunit.json" "$UML_SKIP" || die "KUnit cases failed on the series (log: $(rel "$LOGS/kunit-series.log"))"
