#!/bin/bash
# Step i: the patches named in tests/base-only.list, applied alone to the
# base, give a kernel on which exactly the cases of tests/base-fail.list
# fail; every case passes on the series. A kernel report (configs/
# kernel-reports.list) is a warning on that base, a failure on the series.
STEP=check-before-after
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")
load_series
only=$TESTS_DIR/base-only.list fails=$TESTS_DIR/base-fail.list
[ -f "$fails" ] || die "no $(rel "$fails")"
base_only_patches
ordered=("${BASE_ONLY[@]}")
printf '  base-only: %s\n' "${ordered[@]##*/}"
# make's tree on branch 'before', with its own UML build dir, seeded on first
# use from build/kunit (same source path): only what differs rebuilds.
need_check_branch
trap back_to_series EXIT
am_patches "$SRC" before "${ordered[@]}"
if [ ! -d "$CHECK/before-kunit" ] && [ -f "$BUILD/kunit/vmlinux" ]; then
	say "seeding $(rel "$CHECK/before-kunit") from $(rel "$BUILD/kunit")"
	rm -rf "$CHECK/before-kunit.tmp"
	cp -a "$BUILD/kunit" "$CHECK/before-kunit.tmp" && mv "$CHECK/before-kunit.tmp" "$CHECK/before-kunit"
fi
# The base is the buggy kernel: a kernel report there (a lockup warning, a
# use-after-free the series fixes) is expected to be possible and only
# warned about; on the series it fails as everywhere else.
STEP=check-before-after KUNIT_REPORTS=warn KUNIT_REPORTS_WHY="the base with $(rel "$only") only is the buggy kernel" \
	"$d/kunit.sh" "$SRC" "$CHECK/before-kunit" "$CHECK/before-kunit.json" before
back_to_series
# The series' results, from step h unless they are missing or older.
if [ ! -s "$BUILD/kunit.json" ] ||
   [ "$(cat "$BUILD/kunit.json.rev" 2>/dev/null)" != "$(git -C "$SRC" rev-parse series)" ]; then
	STEP=check-before-after "$d/kunit.sh"
fi
say "base + tests only:"
"$d/kunit_results.py" show "$CHECK/before-kunit.json" "$UML_SKIP" "$PROVOKED" | sed 's/^/  /' || true
"$d/kunit_results.py" before-after "$CHECK/before-kunit.json" "$BUILD/kunit.json" "$fails" "$UML_SKIP" "$PROVOKED" ||
	die "before/after does not match $(rel "$fails") (base with $(rel "$only") only vs series)"
