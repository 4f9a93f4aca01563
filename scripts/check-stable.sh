#!/bin/bash
# Steps k and l: the stable backport series patches/stable-VERSION on
# Debian's linux-source-VERSION, in its own build dir build/stable-VERSION:
#  1. git am of the backports (branch series), checkpatch --strict on them;
#  2. the test patches tests/stable-VERSION/*.patch (for the check only, never
#     posted) on the base (branch before) and on the backports (branch after),
#     each run under UML with slab poisoning (configs/kunit-stable.config):
#     exactly the cases of tests/stable-VERSION/base-fail.list fail on the
#     base, every case passes with the backports;
#  3. sparse and W=1 on the x86_64 objects the backports touch
#     (configs/x86_64-stable.config: their drivers): nothing new vs the base.
# usage: check-stable.sh VERSION   (6.12, 6.1)
v=${1:?usage: check-stable.sh VERSION}
STEP=check-stable-$v
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")

# Debian's package of the branch, never KERNEL_SRC or a TARBALL given for
# the main series; lib.sh picks its suite (the machine's, else -security).
unset BASE_SUITE TARBALL
export BASE_SERIES=$v KERNEL_SRC=
export BUILD=$BUILD/stable-$v PATCHES_DIR=$TOP/patches/stable-$v TESTS_DIR=$TOP/tests/stable-$v
export KUNITCONFIG=$TOP/configs/kunit-stable.config X86_CONFIG=$TOP/configs/x86_64-stable.config
# Re-read the paths for this branch (lib.sh derives them from the above).
. "$d/lib.sh"
STEP=check-stable-$v
tests=("$TESTS_DIR"/*.patch)
[ -f "${tests[0]}" ] || die "no test patches in $(rel "$TESTS_DIR")"
[ -f "$TESTS_DIR/base-fail.list" ] || die "no $(rel "$TESTS_DIR/base-fail.list")"

say "linux-source-$v with $(rel "$PATCHES_DIR") in $(rel "$BUILD")"
STEP=$STEP-deps "$d/deps.sh"
STEP=$STEP-base "$d/base.sh"
STEP=$STEP-am "$d/check-am.sh"
STEP=$STEP-checkpatch "$d/check-checkpatch.sh"

# The base with the tests only, then the backports with the tests, in one
# UML build dir: the second build recompiles only what the backports change.
trap back_to_series EXIT
am_patches "$SRC" before "${tests[@]}"
STEP=$STEP-kunit KUNIT_REPORTS=warn KUNIT_REPORTS_WHY="the $v base with the tests only is the buggy kernel" \
	"$d/kunit.sh" "$SRC" "$BUILD/kunit" "$CHECK/before.json" "stable-$v-before"
BASE_TAG=series am_patches "$SRC" after "${tests[@]}"
STEP=$STEP-kunit "$d/kunit.sh" "$SRC" "$BUILD/kunit" "$CHECK/after.json" "stable-$v-after"
back_to_series
say "$v base + tests:"
"$d/kunit_results.py" show "$CHECK/before.json" | sed 's/^/  /' || true
say "$v backports + tests:"
"$d/kunit_results.py" show "$CHECK/after.json" | sed 's/^/  /' || true
"$d/kunit_results.py" before-after "$CHECK/before.json" "$CHECK/after.json" "$TESTS_DIR/base-fail.list" ||
	die "before/after on $v does not match $(rel "$TESTS_DIR/base-fail.list")"

STEP=$STEP-sparse "$d/check-sparse.sh"
STEP=$STEP-w1 "$d/check-w1.sh"
say "the $v backports apply, pass checkpatch, fix the listed cases and add no sparse or W=1 warning"
