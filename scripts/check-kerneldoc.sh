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
# scripts/kernel-doc is Perl up to 6.x and Python (a symlink to
# tools/docs/kernel-doc or kernel-doc.py) from 6.16 on: run it with the
# interpreter its first line names.
case $(head -n 1 "$SRC/scripts/kernel-doc") in
*python*) kdoc=(python3 "$SRC/scripts/kernel-doc") ;;
*perl*) kdoc=(perl "$SRC/scripts/kernel-doc") ;;
*) die "scripts/kernel-doc in $(rel "$SRC") is neither Perl nor Python" ;;
esac
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
		(cd "$tmp" && "${kdoc[@]}" -none -Wall "$f") >>"$out.raw" 2>&1 ||
			{ cat "$out.raw" >&2; die "kernel-doc failed on $f ($rev)"; }
	done
	normalize_diag "$out.raw" >"$out"
	rm -rf "$tmp"
done
compare_new kernel-doc "$RESULTS/kerneldoc-base.txt" "$RESULTS/kerneldoc-series.txt" ||
	die "kernel-doc: new warnings with the series in $NEW_IN (see $(rel "$RESULTS/kerneldoc-series.txt.raw"))"
