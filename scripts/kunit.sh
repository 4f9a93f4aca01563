#!/bin/bash
# Build UML with the kunitconfig and run KUnit through the kernel's own
# tools/testing/kunit/kunit.py; results go to a JSON file, then are shown.
# usage: kunit.sh [SRC_TREE BUILD_DIR JSON [LABEL [KUNIT_PY_ARG...]]]
# Default: the series under UML. Extra arguments go to kunit.py after the
# defaults and override them (e.g. --arch=x86_64; KUNIT_KERNEL names the
# kernel in the progress line).
STEP=${STEP:-kunit}
. "$(dirname "$0")/lib.sh"

tree=${1:-$SRC}
bdir=${2:-$BUILD/kunit}
json=${3:-$BUILD/kunit.json}
label=${4:-series}
shift $(($# < 4 ? $# : 4))
[ -f "$KUNITCONFIG" ] || die "no kunitconfig $(rel "$KUNITCONFIG")"
[ -x "$tree/tools/testing/kunit/kunit.py" ] || die "no tools/testing/kunit/kunit.py in $(rel "$tree")"

rm -f "$json" "$json.rev"
mkdir -p "$bdir" "$(dirname "$json")"
rc=0
run_log "$LOGS/kunit-$label.log" "kunit.py run ($label): build ${KUNIT_KERNEL:-UML} in $(rel "$bdir"), boot, parse" \
	env -C "$tree" python3 tools/testing/kunit/kunit.py run --arch=um \
	--kunitconfig="$KUNITCONFIG" --build_dir="$bdir" --jobs="$JOBS" \
	--timeout="$KUNIT_TIMEOUT" --json="$json" "$@" || rc=$?
[ -s "$json" ] ||
	die "kunit ($label): kunit.py gave no results: the kernel failed to configure, build or boot in $(rel "$bdir") (log: $(rel "$LOGS/kunit-$label.log"))"
# The commit these results are from.
git -C "$tree" rev-parse HEAD >"$json.rev"
if ((rc)) && grep -qi "timed out\|Timeout" "$LOGS/kunit-$label.log"; then
	warn "kunit ($label): the run timed out after ${KUNIT_TIMEOUT}s; cases that did not finish count as failed"
fi
exit 0
