#!/bin/bash
# Build UML with the kunitconfig and run KUnit through the kernel's own
# tools/testing/kunit/kunit.py; results go to a JSON file, then are shown.
# The kernel boots with slub_debug=FZPU, and its log (kunit.py's test.log,
# kept as build/logs/kunit-LABEL-kernel.log) is scanned for kernel reports
# (configs/kernel-reports.list): any report fails the run, even when every
# case passes. KUNIT_REPORTS=warn (step i's base with the tests only) makes
# them a warning.
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
[ -f "$KERNEL_REPORTS" ] || die "no list of kernel reports $(rel "$KERNEL_REPORTS")"

# UML with CONFIG_SMP (configs/kunit.config) boots on UML_NCPUS CPUs, which
# UML runs only with its SECCOMP userspace; other architectures ignore this.
uml_args=()
if [[ " $* " != *" --arch="* ]] && grep -qx 'CONFIG_SMP=y' "$KUNITCONFIG"; then
	uml_args=(--kernel_args="ncpus=${UML_NCPUS:-2}" --kernel_args=seccomp=on)
fi

klog=$LOGS/kunit-$label-kernel.log
rm -f "$json" "$json.rev" "$bdir/test.log" "$klog"
mkdir -p "$bdir" "$(dirname "$json")"
rc=0
# slub_debug=FZPU: consistency checks, red zones, poisoning, owner tracking
# on every slab cache (CONFIG_SLUB_DEBUG=y in the kunitconfig).
run_log "$LOGS/kunit-$label.log" "kunit.py run ($label): build ${KUNIT_KERNEL:-UML} in $(rel "$bdir"), boot, parse" \
	env -C "$tree" python3 tools/testing/kunit/kunit.py run --arch=um \
	--kunitconfig="$KUNITCONFIG" --build_dir="$bdir" --jobs="$JOBS" \
	--timeout="$KUNIT_TIMEOUT" --json="$json" --kernel_args=slub_debug=FZPU \
	"${uml_args[@]}" "$@" || rc=$?
[ -s "$json" ] ||
	die "kunit ($label): kunit.py gave no results: the kernel failed to configure, build or boot in $(rel "$bdir") (log: $(rel "$LOGS/kunit-$label.log"))"
# The commit these results are from.
git -C "$tree" rev-parse HEAD >"$json.rev"
if ((rc)) && grep -qi "timed out\|Timeout" "$LOGS/kunit-$label.log"; then
	warn "kunit ($label): the run timed out after ${KUNIT_TIMEOUT}s; cases that did not finish count as failed"
fi

[ -f "$bdir/test.log" ] || die "kunit ($label): kunit.py left no kernel log $(rel "$bdir/test.log") (log: $(rel "$LOGS/kunit-$label.log"))"
cp "$bdir/test.log" "$klog"
mapfile -t hits < <(kernel_reports "$klog")
# KUNIT_EXPECT_REPORTS="N|ERE": a run that provokes reports on purpose must
# show exactly N lines matching ERE, and no other report.
if [ -n "${KUNIT_EXPECT_REPORTS:-}" ]; then
	want=${KUNIT_EXPECT_REPORTS%%|*} ere=${KUNIT_EXPECT_REPORTS#*|}
	got=$(printf '%s\n' "${hits[@]}" | grep -cE -- "$ere" || true)
	mapfile -t hits < <(printf '%s\n' "${hits[@]}" | grep -vE -- "$ere" | grep . || true)
	((got == want)) ||
		die "kunit ($label): $got report(s) '$ere' in $(rel "$klog"), expected $want"
	say "kunit ($label): $got report(s) '$ere' in $(rel "$klog"), as expected"
fi
((${#hits[@]})) || exit 0
n=$(printf '%s\n' "${hits[@]}" | count_reports "$klog")
echo "kernel reports in $(rel "$klog"):" >&2
printf '  %s\n' "${hits[@]:0:40}" | sed "s#^  #  $(rel "$klog"):#" >&2
((${#hits[@]} <= 40)) || echo "  ... $((${#hits[@]} - 40)) more lines" >&2
if [ "${KUNIT_REPORTS:-fail}" = warn ]; then
	warn "$n kernel report(s) in $(rel "$klog") (tolerated here: ${KUNIT_REPORTS_WHY:-KUNIT_REPORTS=warn})"
	exit 0
fi
die "$n kernel report(s) in $(rel "$klog")"
