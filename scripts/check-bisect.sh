#!/bin/bash
# Step b: after every patch, the UML KUnit kernel builds and the x86_64
# objects of the files the patch touches compile (build/check/x86).
# UML build dirs are kept per resolved .config: a patch whose config equals
# the series' (e.g. once the test's Kconfig symbol exists) builds the whole
# kernel in build/kunit; the others build the directories of the files they
# touch in build/check/uml-<config hash>. Before the test patch
# CONFIG_MMU_NOTIFIER may be off, and flipping it in one build dir rebuilds
# nearly the whole kernel (mm_struct depends on it) twice a run.
STEP=check-bisect
. "$(dirname "$0")/lib.sh"
load_series
need_check_branch
[ -f "$KUNITCONFIG" ] || die "no kunitconfig $(rel "$KUNITCONFIG")"
mapfile -t commits < <(git -C "$SRC" rev-list --reverse "$BASE_TAG..series")
((${#commits[@]} == ${#SERIES[@]})) || die "branch series has ${#commits[@]} commits for ${#SERIES[@]} patches"
trap back_to_series EXIT

# uml_config DIR: DIR/.config = the kunitconfig on kunit.py's UML defaults,
# resolved by olddefconfig for the commit checked out in build/linux (as
# kunit.py does it); symbols the tree does not know yet are dropped.
uml_config() {
	mkdir -p "$1"
	cat "$SRC/tools/testing/kunit/configs/arch_uml.config" "$KUNITCONFIG" >"$1/.config"
	make -C "$SRC" O="$1" ARCH=um olddefconfig >"$LOGS/check-bisect-config.log" 2>&1 ||
		{ tail -n 20 "$LOGS/check-bisect-config.log" >&2; die "UML olddefconfig failed at $(git -C "$SRC" log -1 --format=%s) (log: $(rel "$LOGS/check-bisect-config.log"))"; }
}
# The settings of a .config, without its comments: a symbol a later patch
# adds only as "# CONFIG_X is not set" changes nothing that is built.
config_settings() { grep -v -e '^#' -e '^$' "$1"; }
same_config() { cmp -s <(config_settings "$1") <(config_settings "$2"); }
# The series' own config decides which commits share build/kunit.
checkout_rev "$SRC" series
uml_config "$CHECK/uml-config"
cp "$CHECK/uml-config/.config" "$CHECK/uml-config.series"

failed=()
n=${#commits[@]}
for i in "${!commits[@]}"; do
	c=${commits[$i]} k=$((i + 1)) p=$(basename "${SERIES[$i]}")
	say "[$k/$n] $p"
	checkout_rev "$SRC" "$c"
	uml_config "$CHECK/uml-config"
	dir=$CHECK_UML
	same_config "$CHECK/uml-config/.config" "$CHECK/uml-config.series" ||
		dir=$CHECK/uml-$(config_settings "$CHECK/uml-config/.config" | sha256sum | cut -c1-12)
	mkdir -p "$dir"
	cmp -s "$CHECK/uml-config/.config" "$dir/.config" || cp "$CHECK/uml-config/.config" "$dir/.config"
	mapfile -t objs < <(touched_objects "$c^..$c" --users)
	if [ "$dir" = "$CHECK_UML" ]; then
		if ! run_log "$LOGS/check-bisect-$k-uml.log" "[$k/$n] UML KUnit kernel in $(rel "$dir")" \
			make -C "$SRC" O="$dir" ARCH=um -j"$JOBS"; then
			failed+=("$p: the UML KUnit kernel does not build (log: $(rel "$LOGS/check-bisect-$k-uml.log"))")
		fi
	else
		# The config without the test (CONFIG_MMU_NOTIFIER off on UML): the
		# directories of the touched objects, which kbuild builds as that
		# config says (mm/ holds the header's users); the whole kernel is
		# built and linked for the series' config above.
		mapfile -t dirs < <(printf '%s\n' "${objs[@]}" | sed 's#amdgpu/\.\./##' | xargs -r -n1 dirname | sort -u | sed 's#$#/#')
		if ((${#dirs[@]} == 0)); then
			say "[$k/$n] UML: the patch touches no .c file and not the header"
		elif ! run_log "$LOGS/check-bisect-$k-uml.log" "[$k/$n] UML ${dirs[*]} in $(rel "$dir") (config without the test)" \
			make -C "$SRC" O="$dir" ARCH=um -j"$JOBS" "${dirs[@]}"; then
			failed+=("$p: UML ${dirs[*]} do not build without the test's config (log: $(rel "$LOGS/check-bisect-$k-uml.log"))")
		fi
	fi
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
