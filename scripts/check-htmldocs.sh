#!/bin/bash
# Step n: make SPHINXDIRS=mm htmldocs (Debian's python3-sphinx) on the base
# and on the series, in the x86_64 work tree with a build dir of its own:
# no Sphinx warning or error the base lacks.
STEP=check-htmldocs
. "$(dirname "$0")/lib.sh"
need_check_branch
command -v sphinx-build >/dev/null || die "sphinx-build not found (make deps installs python3-sphinx)"
ensure_worktree "$CHECK_SRC"
for rev in base series; do
	r=$([ $rev = base ] && echo "$BASE_TAG" || git -C "$SRC" rev-parse series)
	checkout_rev "$CHECK_SRC" "$r"
	out=$CHECK/htmldocs-$rev
	log=$LOGS/check-htmldocs-$rev.log
	run_log "$log" "make SPHINXDIRS=mm htmldocs ($rev)" \
		make -C "$CHECK_SRC" O="$out" SPHINXDIRS=mm htmldocs ||
		die "htmldocs failed on the $rev (log: $(rel "$log"))"
	grep -E 'WARNING|ERROR|CRITICAL|SEVERE' "$log" | normalize_diag >"$RESULTS/htmldocs-$rev.txt" || true
done
compare_new htmldocs "$RESULTS/htmldocs-base.txt" "$RESULTS/htmldocs-series.txt" ||
	die "htmldocs: new warnings with the series in $NEW_IN (see $(rel "$LOGS/check-htmldocs-series.log"))"
say "the series' documentation builds with no new warning: $(ls "$CHECK/htmldocs-series/Documentation/output/mm"/*.html 2>/dev/null | wc -l) pages in $(rel "$CHECK/htmldocs-series/Documentation/output/mm")"
