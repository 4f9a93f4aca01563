#!/bin/bash
# Step h: KUnit on the fully patched kernel (the build dir of make): every
# case passes and at least one ran, but those UML cannot host (step j) and
# those of tests/provoked.list. These then run alone, on the same kernel
# booted with test_mmu_notifier.provoke_sleep=1: each of their notifiers
# sleeps once in a non-blocking range, which CONFIG_DEBUG_ATOMIC_SLEEP must
# report, once per case, and nothing else may be reported.
STEP=check-kunit
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")
"$d/apply.sh"
STEP=check-kunit "$d/kunit.sh"
"$d/kunit_results.py" show "$BUILD/kunit.json" "$UML_SKIP" "$PROVOKED" || die "KUnit cases failed on the series (log: $(rel "$LOGS/kunit-series.log"))"

mapfile -t provoked < <(grep -vE '^[[:space:]]*(#|$)' "$PROVOKED" | sed 's/[[:space:]#].*//')
((${#provoked[@]})) || die "$(rel "$PROVOKED") lists no case"
# kunit.py filters by suite.case: the params of a case run together.
glob=$(printf '%s\n' "${provoked[@]}" | cut -d. -f1,2 | sort -u | paste -sd,)
[[ $glob != *,* ]] || die "$(rel "$PROVOKED"): one case only (its params), not $glob"
mkdir -p "$CHECK"
STEP=check-kunit KUNIT_EXPECT_REPORTS="${#provoked[@]}|BUG: scheduling in a non-blocking section" \
	"$d/kunit.sh" "$SRC" "$BUILD/kunit" "$CHECK/kunit-provoked.json" provoked \
	--kernel_args=test_mmu_notifier.provoke_sleep=1 "$glob"
"$d/kunit_results.py" show "$CHECK/kunit-provoked.json" ||
	die "the provoked cases failed (log: $(rel "$LOGS/kunit-provoked.log"))"
# Each report is where the case put it: the sleeping start, the end called
# by range_end, the end called by the unwind (from mn_hlist_start_failed(),
# whether or not mn_hlist_end_started() is inlined into it).
klog=$LOGS/kunit-provoked-kernel.log
for f in mn_test_start+ __mmu_notifier_invalidate_range_end+ mn_hlist_start_failed+; do
	grep -qF "$f" "$klog" || die "no stack trace through $f in $(rel "$klog"): a report is not where its case sleeps"
done
