#!/bin/bash
# Step g: scripts/kernel-doc -none -Wall on the touched .c/.h files: nothing
# new vs base. Each version is read from git into a scratch directory.
STEP=check-kerneldoc
. "$(dirname "$0")/lib.sh"
need_check_branch
mapfile -t files < <(touched_sources "$BASE_TAG..series")
if ((${#files[@]} == 0)); then
	say "the series touches no .c/.h file: nothing to check"
	exit 0
fi
say "files: ${files[*]}"
for rev in base series; do
	r=$([ $rev = base ] && echo "$BASE_TAG" || echo series)
	tmp=$RESULTS/kerneldoc-$rev.tree
	rm -rf "$tmp"
	out=$RESULTS/kerneldoc-$rev.txt
	: >"$out.raw"
	for f in "${files[@]}"; do
		git -C "$SRC" cat-file -e "$r:$f" 2>/dev/null || continue
		mkdir -p "$tmp/$(dirname "$f")"
		git -C "$SRC" show "$r:$f" >"$tmp/$f"
		(cd "$tmp" && perl "$SRC/scripts/kernel-doc" -none -Wall "$f") >>"$out.raw" 2>&1 ||
			{ cat "$out.raw" >&2; die "kernel-doc failed on $f ($rev)"; }
	done
	normalize_diag "$out.raw" >"$out"
	rm -rf "$tmp"
done
compare_new kernel-doc "$RESULTS/kerneldoc-base.txt" "$RESULTS/kerneldoc-series.txt" ||
	die "kernel-doc: new warnings with the series in $NEW_IN (see $(rel "$RESULTS/kerneldoc-series.txt.raw"))"
