#!/bin/bash
# make check: steps a-q, each reported by name with PASS/FAIL, then one
# line "N passed, M failed"; non-zero exit if any failed.
STEP=check
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")

STEPS=(
	"a|git am of the series onto a pristine base|check-am.sh"
	"b|bisect: UML KUnit kernel and x86_64 objects build after every patch|check-bisect.sh"
	"c|checkpatch --strict: no errors or warnings|check-checkpatch.sh"
	"d|sparse (C=2): nothing new vs base|check-sparse.sh"
	"e|W=1: nothing new vs base|check-w1.sh"
	"f|coccicheck: nothing new vs base|check-cocci.sh"
	"g|kernel-doc: nothing new vs base|check-kerneldoc.sh"
	"h|KUnit: every case passes on the series|check-kunit.sh"
	"i|before/after: test patches alone fail on the base as listed|check-before-after.sh"
	"j|KUnit under x86_64 QEMU: every case passes, those UML cannot host too|check-kunit-x86.sh"
	"k|stable 6.12.y: the backports apply on 6.12, fix the listed cases, add no warning|check-stable.sh 6.12"
	"l|stable 6.1.y: the backports apply on 6.1, fix the listed cases, add no warning|check-stable.sh 6.1"
	"m|model: spin finds no interleaving that breaks the unwind; its mutants fail|model.sh"
	"n|htmldocs: make SPHINXDIRS=mm htmldocs adds no warning|check-htmldocs.sh"
	"o|coccinelle rule: mmu_notifier_nonblock.cocci reports its bad inputs, not the tree|check-cocci-rule.sh"
	"p|stress mutant: mn_test_stress catches an unwind that stops at the failing notifier itself|check-stress-mutant.sh"
	"q|vmtest: OOM reaper and process_mrelease in an x86_64 guest hang the base and pass on the series|vmtest.sh"
)
# make check ONLY=ab runs a subset (for working on the checks themselves).
ONLY=${ONLY:-}
# A subset without a would check an old series if patches/ changed since.
if [ -n "$ONLY" ] && [[ $ONLY != *a* ]] && [[ $ONLY == *[b-jnopq]* ]] && ! am_current; then
	say "$(rel "$PATCHES_DIR") changed since step a last applied it: running step a first"
	ONLY=a$ONLY
fi

mkdir -p "$LOGS"
passed=0 failed=0 summary=()
start=$SECONDS
for s in "${STEPS[@]}"; do
	IFS='|' read -r id title script <<<"$s"
	read -r -a cmd <<<"$script"
	[ -z "$ONLY" ] || [[ $ONLY == *"$id"* ]] || continue
	echo
	echo "=== $id. $title ==="
	t=$SECONDS
	if "$d/${cmd[0]}" "${cmd[@]:1}"; then
		r=PASS passed=$((passed + 1))
	else
		r=FAIL failed=$((failed + 1))
	fi
	line="$r $id. $title ($((SECONDS - t)) s)"
	echo "$line"
	summary+=("$line")
done
echo
echo "=== summary ($((SECONDS - start)) s) ==="
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
((failed == 0))
