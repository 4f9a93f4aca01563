#!/bin/bash
# Step g: scripts/kernel-doc -none -Wall on the touched .c/.h files: nothing
# new vs base.
STEP=check-kerneldoc
. "$(dirname "$0")/lib.sh"
need_check_branch
mapfile -t files < <(touched_sources "$BASE_TAG..check")
if ((${#files[@]} == 0)); then
	say "the series touches no .c/.h file: nothing to check"
	exit 0
fi
for rev in base series; do
	checkout_rev "$([ $rev = base ] && echo "$BASE_TAG" || echo check)"
	out=$RESULTS/kerneldoc-$rev.txt
	: >"$out.raw"
	for f in "${files[@]}"; do
		[ -f "$CHECK_SRC/$f" ] || continue
		(cd "$CHECK_SRC" && perl scripts/kernel-doc -none -Wall "$f") >>"$out.raw" 2>&1 ||
			{ cat "$out.raw" >&2; die "kernel-doc failed on $f ($rev)"; }
	done
	normalize_diag "$out.raw" >"$out"
done
checkout_rev check
say "files: ${files[*]}"
compare_new kernel-doc "$RESULTS/kerneldoc-base.txt" "$RESULTS/kerneldoc-series.txt" ||
	die "kernel-doc: new warnings with the series in ${files[*]} (see $(rel "$RESULTS/kerneldoc-series.txt.raw"))"
