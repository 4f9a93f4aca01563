#!/bin/bash
# Step p: mn_test_stress can see the race it is there for. The series'
# unwind, with its stop changed to "at the failing notifier itself" (the
# identity compare, which a concurrent removal of the failing notifier
# defeats: the unwind then ends notifiers that never started), is built
# under UML in its own build dir and the stress case alone is run
# MUTANT_RUNS times (3 by default). The step passes if a run catches the
# mutant, and says in how many it did; the series itself is step h's.
STEP=check-stress-mutant
. "$(dirname "$0")/lib.sh"
runs=${MUTANT_RUNS:-3}
case=mmu_notifier.mn_test_stress
file=mm/mmu_notifier.c
from='if (subscription->serial <= failed->serial)'
to='if (subscription == failed)'
need_check_branch
trap back_to_series EXIT
checkout_rev "$SRC" series
grep -qF "$from" "$SRC/$file" ||
	die "$(rel "$SRC/$file") has no '$from': the mutation no longer applies (update $(rel "$0"))"
sed -i "s/${from//\//\\/}/$to/" "$SRC/$file"
grep -qF "$to" "$SRC/$file" || die "the mutation of $(rel "$SRC/$file") failed"
say "mutant: $file: '$from' -> '$to'"
# Its own UML build dir, seeded from make's (same source path): only the
# mutated file rebuilds.
bdir=$CHECK/mutant-kunit
if [ ! -d "$bdir" ] && [ -f "$BUILD/kunit/vmlinux" ]; then
	say "seeding $(rel "$bdir") from $(rel "$BUILD/kunit")"
	rm -rf "$bdir.tmp"
	cp -a "$BUILD/kunit" "$bdir.tmp" && mv "$bdir.tmp" "$bdir"
fi
caught=0
for r in $(seq 1 "$runs"); do
	json=$CHECK/mutant-$r.json klog=$LOGS/kunit-mutant-$r-kernel.log
	STEP=check-stress-mutant KUNIT_REPORTS=warn KUNIT_REPORTS_WHY="the mutant is a broken kernel" \
		"$(dirname "$0")/kunit.sh" "$SRC" "$bdir" "$json" "mutant-$r" "$case"
	status=$("$(dirname "$0")/kunit_results.py" status "$json" "$case")
	figures=$(grep -o 'imbalances [0-9]*' "$klog" | tail -n 1)
	if [ "$status" = FAIL ] && grep -q 'ends without a start' "$klog"; then
		caught=$((caught + 1))
		say "run $r of $runs: caught ($figures, ends without a start)"
	else
		say "run $r of $runs: not caught ($case $status${figures:+, $figures})"
	fi
done
back_to_series
say "the mutant was caught in $caught of $runs runs"
((caught > 0)) || die "mn_test_stress did not catch the mutant in $runs runs (logs: $(rel "$LOGS")/kunit-mutant-*-kernel.log)"
