#!/bin/bash
# Step b: after every patch, the UML KUnit kernel builds (build/kunit,
# incrementally) and the x86_64 objects of the files the patch touches
# compile (build/check/x86).
STEP=check-bisect
. "$(dirname "$0")/lib.sh"
load_series
need_check_branch
[ -f "$KUNITCONFIG" ] || die "no kunitconfig $(rel "$KUNITCONFIG")"
mapfile -t commits < <(git -C "$SRC" rev-list --reverse "$BASE_TAG..series")
((${#commits[@]} == ${#SERIES[@]})) || die "branch series has ${#commits[@]} commits for ${#SERIES[@]} patches"
trap back_to_series EXIT

failed=()
n=${#commits[@]}
for i in "${!commits[@]}"; do
	c=${commits[$i]} k=$((i + 1)) p=$(basename "${SERIES[$i]}")
	say "[$k/$n] $p"
	checkout_rev "$SRC" "$c"
	# UML: the kunitconfig on kunit.py's UML defaults, as kunit.py does it;
	# symbols the tree does not know yet are dropped by olddefconfig.
	mkdir -p "$CHECK_UML"
	cat "$SRC/tools/testing/kunit/configs/arch_uml.config" "$KUNITCONFIG" >"$CHECK_UML/.config"
	if ! run_log "$LOGS/check-bisect-$k-uml.log" "[$k/$n] UML KUnit kernel" \
		bash -c 'make -C "$1" O="$2" ARCH=um olddefconfig && make -C "$1" O="$2" ARCH=um -j"$3"' _ \
		"$SRC" "$CHECK_UML" "$JOBS"; then
		failed+=("$p: the UML KUnit kernel does not build (log: $(rel "$LOGS/check-bisect-$k-uml.log"))")
	fi
	mapfile -t objs < <(touched_objects "$c^..$c" --users)
	if ((${#objs[@]})); then
		checkout_rev "$CHECK_SRC" "$c"
		x86_configure
		if ! run_log "$LOGS/check-bisect-$k-x86.log" "[$k/$n] x86_64 objects: ${objs[*]}" \
			x86_objects "$LOGS/check-bisect-$k-x86.log" "" "${objs[@]}"; then
			failed+=("$p: x86_64 objects do not compile: ${objs[*]} (log: $(rel "$LOGS/check-bisect-$k-x86.log"))")
		fi
	else
		say "[$k/$n] x86_64: the patch touches no .c file"
	fi
done
if ((${#failed[@]})); then
	((${#failed[@]} == 1)) || printf '  %s\n' "${failed[@]}" >&2
	die "${failed[0]}"
fi
say "all $n patches build"
