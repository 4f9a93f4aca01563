#!/bin/bash
# Step o: the series' scripts/coccinelle/api/mmu_notifier_nonblock.cocci.
# On each input of tests/cocci/ it reports exactly the lines marked
# "/* reported */" (report mode) and marks them (context mode); on the
# base's mm/memory.c, the one caller, it reports nothing; and
# "make coccicheck COCCI=<rule> MODE=report" on the whole patched tree
# reports nothing.
STEP=check-cocci-rule
. "$(dirname "$0")/lib.sh"
need_check_branch
RULE=scripts/coccinelle/api/mmu_notifier_nonblock.cocci
INPUTS=$TESTS_DIR/cocci
command -v spatch >/dev/null || die "spatch not found (make deps installs coccinelle)"
out=$CHECK/cocci-rule
rm -rf "$out"
mkdir -p "$out"
git -C "$SRC" show "series:$RULE" >"$out/rule.cocci" 2>/dev/null || die "the series has no $RULE"
spatch_rule() { # MODE FILE: the rule on one file, as coccicheck's options give it
	spatch -D "$1" --very-quiet --no-includes --include-headers --sp-file "$out/rule.cocci" "$2" 2>&1
}
bad=()
n=0
for f in "$INPUTS"/*.c; do
	name=$(basename "$f")
	n=$((n + 1))
	want=$(grep -n '/\* reported \*/' "$f" | cut -d: -f1 | paste -sd' ' || true)
	spatch_rule report "$f" >"$out/$name.report"
	got=$(sed -n "s#^$f:\([0-9]*\):.*#\1#p" "$out/$name.report" | sort -n | paste -sd' ' || true)
	spatch_rule context "$f" >"$out/$name.context"
	ctx=$(grep -c '^-[^-]' "$out/$name.context" || true)
	want_n=$(echo "$want" | wc -w)
	if [ "$got" != "$want" ] || [ "$ctx" != "$want_n" ]; then
		bad+=("$name: report mode gave lines '${got}', context mode marked $ctx, expected lines '${want}'")
		sed 's/^/    /' "$out/$name.report" >&2
	elif [ -n "$want" ]; then
		say "$name: reported at line $want, as marked"
	else
		say "$name: nothing reported, as marked"
	fi
done
((n)) || die "no inputs in $(rel "$INPUTS")"

git -C "$SRC" show "$BASE_TAG:mm/memory.c" >"$out/memory.c"
spatch_rule report "$out/memory.c" >"$out/memory.c.report"
calls=$(grep -c 'mmu_notifier_invalidate_range_start_nonblock(' "$out/memory.c" || true)
if grep -q ': ERROR:' "$out/memory.c.report"; then
	bad+=("the base's mm/memory.c is reported: $(head -n 1 "$out/memory.c.report")")
else
	say "the base's mm/memory.c ($calls call(s)): nothing reported"
fi

checkout_rev "$SRC" series
trap back_to_series EXIT
log=$LOGS/check-cocci-rule-tree.log
run_log "$log" "make coccicheck COCCI=$RULE MODE=report on the patched tree" \
	make -C "$SRC" coccicheck COCCI="$RULE" MODE=report J="$JOBS" ||
	die "make coccicheck failed (log: $(rel "$log"))"
grep -q -- "--cocci-file $RULE" "$log" || die "make coccicheck did not run $RULE (log: $(rel "$log"))"
if grep -q ': ERROR:' "$log"; then
	bad+=("the patched tree is reported: $(grep ': ERROR:' "$log" | head -n 3 | tr '\n' ' ')")
else
	say "the patched tree: nothing reported ($(sed -n 's/^\([0-9]*\) files match$/\1 files use the functions/p' "$log"))"
fi

if ((${#bad[@]})); then
	printf '  %s\n' "${bad[@]}" >&2
	die "${bad[0]}"
fi
say "the rule reports the $n inputs as marked and nothing in the tree"
