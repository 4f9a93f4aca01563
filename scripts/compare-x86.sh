#!/bin/bash
# compare-x86.sh TOOL MAKEARGS [--users]: build the objects of the series'
# touched .c files (--users: and the mmu notifier users when the header
# changes) on the base and on the series with MAKEARGS, in the x86_64 work
# tree; fail on any diagnostic (paths, line and column numbers normalised)
# the base lacks.
STEP=${STEP:-compare-x86}
. "$(dirname "$0")/lib.sh"
tool=$1 args=$2 users=${3:-}
need_check_branch
mapfile -t all < <(touched_objects "$BASE_TAG..series" $users)
if ((${#all[@]} == 0)); then
	say "$tool: the series touches no .c file: nothing to check"
	exit 0
fi
name=${tool//[^A-Za-z0-9]/}
for rev in base series; do
	checkout_rev "$CHECK_SRC" "$([ $rev = base ] && echo "$BASE_TAG" || git -C "$SRC" rev-parse series)"
	x86_configure
	mapfile -t objs < <(existing_objects "${all[@]}")
	raw=$RESULTS/$name-$rev.log
	: >"$raw"
	if ((${#objs[@]})); then
		run_log "$LOGS/check-$name-$rev.log" "$tool on the $rev: ${objs[*]}" \
			x86_objects "$raw" "$args" "${objs[@]}" ||
			{ tail -n 20 "$raw" >&2; die "$tool: make $args ${objs[*]} failed on the $rev (log: $(rel "$raw"))"; }
	fi
	grep -E ':[0-9]+(:[0-9]+)?(-[0-9]+)?: ' "$raw" | grep -vE '^\s*(CC|CHECK|LD|AR)\b' |
		normalize_diag >"$RESULTS/$name-$rev.txt" || true
done
compare_new "$tool" "$RESULTS/$name-base.txt" "$RESULTS/$name-series.txt" ||
	die "$tool: new diagnostics with the series in ${all[*]} (see $(rel "$RESULTS/$name-series.log"))"
