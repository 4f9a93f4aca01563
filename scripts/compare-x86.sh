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
# The base never changes: its diagnostics are reused while the base commit,
# the objects, the make arguments, the x86_64 fragment and the tool are the same.
tool_version() { case $tool in sparse) echo "${SPARSE:-sparse}"; "${SPARSE:-sparse}" --version ;; coccicheck) spatch --version | head -n 1 ;; *) gcc --version | head -n 1 ;; esac; }
base_key=$( { git -C "$SRC" rev-parse "$BASE_TAG"; echo "${all[*]} | $args"; cat "$X86_CONFIG"; tool_version; } 2>&1 | sha256sum)
# With C= a kernel that refuses the checker only warns "C=2 specified, but
# CHECK is not available or not up to date" and builds without it: nothing
# was checked, which is a failure, not a pass.
checker_ran() {
	local refused
	refused=$(grep -m1 -E 'C=[0-9] specified, but .* is not available or not up to date' "$1" 2>/dev/null) || return 0
	rm -f "$RESULTS/$name-base.key"
	die "$tool did not run on the $2: make said '${refused#*: }' (log: $(rel "$1"))"
}
for rev in base series; do
	if [ $rev = base ] && [ -f "$RESULTS/$name-base.txt" ] && [ "$(cat "$RESULTS/$name-base.key" 2>/dev/null)" = "$base_key" ]; then
		checker_ran "$RESULTS/$name-base.log" base
		say "$tool on the base: unchanged since the last run (cached $(rel "$RESULTS/$name-base.txt"))"
		continue
	fi
	rm -f "$RESULTS/$name-$rev.key"
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
	checker_ran "$raw" $rev
	grep -E ':[0-9]+(:[0-9]+)?(-[0-9]+)?: ' "$raw" | grep -vE '^\s*(CC|CHECK|LD|AR)\b' |
		normalize_diag >"$RESULTS/$name-$rev.txt" || true
	[ $rev = series ] || echo "$base_key" >"$RESULTS/$name-base.key"
done
compare_new "$tool" "$RESULTS/$name-base.txt" "$RESULTS/$name-series.txt" ||
	die "$tool: new diagnostics with the series in $NEW_IN (see $(rel "$RESULTS/$name-series.log"))"
