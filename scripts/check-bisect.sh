#!/bin/bash
# Step b: after every patch, the UML KUnit kernel builds (one incremental
# build dir) and the x86_64 objects of the files the patch touches compile.
STEP=check-bisect
. "$(dirname "$0")/lib.sh"
load_series
need_check_branch
[ -f "$KUNITCONFIG" ] || die "no kunitconfig $(rel "$KUNITCONFIG")"
mapfile -t commits < <(git -C "$CHECK_SRC" rev-list --reverse "$BASE_TAG..check")
((${#commits[@]} == ${#SERIES[@]})) || die "branch check has ${#commits[@]} commits for ${#SERIES[@]} patches"

failed=()
n=${#commits[@]}
for i in "${!commits[@]}"; do
	c=${commits[$i]} k=$((i + 1)) p=$(basename "${SERIES[$i]}")
	say "[$k/$n] $p"
	checkout_rev "$c"
	# UML: the kunitconfig on kunit.py's UML defaults; symbols the tree does
	# not know yet (before the patch adding them) are dropped by olddefconfig.
	mkdir -p "$CHECK_UML"
	cat "$CHECK_SRC/tools/testing/kunit/configs/arch_uml.config" "$KUNITCONFIG" >"$CHECK_UML/.config"
	if ! run_log "$LOGS/check-bisect-$k-uml.log" "[$k/$n] UML KUnit kernel" \
		bash -c 'make -C "$1" O="$2" ARCH=um olddefconfig && make -C "$1" O="$2" ARCH=um -j"$3"' _ \
		"$CHECK_SRC" "$CHECK_UML" "$JOBS"; then
		failed+=("$p: UML KUnit kernel does not build (log: $(rel "$LOGS/check-bisect-$k-uml.log"))")
	fi
	mapfile -t objs < <(touched_objects "$c^..$c")
	if ((${#objs[@]})); then
		x86_configure
		if run_log "$LOGS/check-bisect-$k-x86.log" "[$k/$n] x86_64 objects: ${objs[*]}" \
			x86_objects "$LOGS/check-bisect-$k-x86.out" "" "${objs[@]}"; then
			cat "$LOGS/check-bisect-$k-x86.out" >>"$LOGS/check-bisect-$k-x86.log"
		else
			cat "$LOGS/check-bisect-$k-x86.out" >&2
			failed+=("$p: x86_64 objects do not compile: ${objs[*]} (log: $(rel "$LOGS/check-bisect-$k-x86.out"))")
		fi
	else
		say "[$k/$n] x86_64: the patch touches no .c file"
	fi
done
checkout_rev check
if ((${#failed[@]})); then
	((${#failed[@]} == 1)) || printf '  %s\n' "${failed[@]}" >&2
	die "${failed[0]}"
fi
say "all $n patches build"
