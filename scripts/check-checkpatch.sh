#!/bin/bash
# Step c: scripts/checkpatch.pl --strict on every patch: no ERROR or WARNING;
# CHECKs are listed (README.md says why each kept one stays).
STEP=check-checkpatch
. "$(dirname "$0")/lib.sh"
load_series
[ -x "$SRC/scripts/checkpatch.pl" ] || die "no scripts/checkpatch.pl in $(rel "$SRC")"
# The tarball base has no upstream history: commit ids in Fixes: tags cannot
# be looked up there (checkpatch then calls every id unknown), so its git
# checks are off unless KERNEL_SRC. README.md says how the ids were checked.
ignore=()
if [ -z "$KERNEL_SRC" ]; then
	export GIT_DIR=/nonexistent
	ignore=(--ignore UNKNOWN_COMMIT_ID)
fi
bad=()
for p in "${SERIES[@]}"; do
	out=$RESULTS/checkpatch-$(basename "$p" .patch).txt
	mkdir -p "$RESULTS"
	(cd "$SRC" && perl scripts/checkpatch.pl --strict --show-types --no-color "${ignore[@]}" "$p") >"$out" 2>&1 || true
	e=$(grep -c '^ERROR:' "$out" || true) w=$(grep -c '^WARNING:' "$out" || true) c=$(grep -c '^CHECK:' "$out" || true)
	say "$(basename "$p"): $e errors, $w warnings, $c checks"
	grep -A1 -E '^(ERROR|WARNING|CHECK):' "$out" | grep -v '^--$' | sed 's/^/    /' || true
	if ! grep -q '^total: ' "$out"; then
		cat "$out" >&2
		bad+=("checkpatch did not run on $(rel "$p")")
	elif ((e + w)); then
		bad+=("$(rel "$p"): $e errors, $w warnings (full output: $(rel "$out"))")
	fi
	for t in $(sed -n 's/^CHECK:\([A-Z_]*\):.*/\1/p' "$out" | sort -u); do
		grep -q "$t" "$TOP/README.md" 2>/dev/null || warn "CHECK $t in $(basename "$p") is not explained in README.md"
	done
done
if ((${#bad[@]})); then
	((${#bad[@]} == 1)) || printf '  %s\n' "${bad[@]}" >&2
	die "${bad[0]}"
fi
say "no errors or warnings in ${#SERIES[@]} patches"
