#!/bin/bash
# make model (step m): spin's exhaustive search of model/unwind.pml, which
# must find no error, then each mutant, which must fail; one line per run
# and one verdict line.
STEP=model
. "$(dirname "$0")/lib.sh"

MODEL=$TOP/model/unwind.pml
OUT=$BUILD/model
# The mutants and what each changes (model/unwind.pml says how).
MUTANTS=(
	"MUTANT_IDENTITY|the unwind stops at the failing notifier by identity, not by number"
	"MUTANT_ADDRESS|the unwind compares addresses, as on a list sorted by address, but the list is added to at the head"
	"MUTANT_NO_RENUMBER|the number wraps to 0 without renumbering the list"
	"MUTANT_NO_ITREE|no mn_itree_inv_end() when the hlist fails (the base without patch 1)"
)

command -v spin >/dev/null || die "spin is not installed (make deps installs it)"
[ -f "$MODEL" ] || die "no model $(rel "$MODEL")"

# build DIR DEFINE PAN_CFLAGS...: spin -a and gcc in DIR.
build() {
	local dir=$1 def=$2
	shift 2
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$MODEL" "$dir/"
	(cd "$dir" && spin ${def:+-D"$def"} -a unwind.pml >spin.log 2>&1) ||
		die "spin -a $(rel "$MODEL") ${def:+(-D$def) }failed (see $(rel "$dir/spin.log"))"
	# -w: pan.c trips gcc 12's -Wstringop-overflow on its own undo code.
	(cd "$dir" && gcc -O2 -w -DSAFETY -DCOLLAPSE "$@" -o pan pan.c >gcc.log 2>&1) ||
		die "gcc pan.c ${def:+(-D$def) }failed (see $(rel "$dir/gcc.log"))"
}

# field LOG: "<stored> states, <seconds> s" from pan's report.
field() {
	awk '/states, stored$/ { s = $1 } /^pan: elapsed time/ { t = $4 }
	     END { printf "%d states, %s s", s, t }' "$1"
}

failed=0

# The proof: depth-first, with a stack deep enough that the search is
# complete (pan says "max search depth too small" otherwise), and a hash
# table of 2^28 slots (1 GB): 228 s and 5.6 GB here, against 260 s and
# 4.1 GB with 2^26. (Spin's multi-core mode, -DNCORE=2, stored more states
# and took as long on this model: not used.)
dir=$OUT/proof
build "$dir" ""
run_log "$dir/pan.log" "exhaustive search of $(rel "$MODEL")" \
	bash -c "cd '$dir' && ./pan -m10000000 -w28" || true
log=$dir/pan.log
if ! grep -q ', errors: 0$' "$log"; then
	(cd "$dir" && spin -t unwind.pml 2>&1 | grep -E 'MSC:|assert' | sed 's/^ *//') >&2 || true
	say "FAIL: the model has a counterexample (trail: $(rel "$dir/unwind.pml.trail"), log: $(rel "$log"))"
	failed=1
elif grep -qE 'max search depth too small|Search not completed' "$log"; then
	say "FAIL: the search did not complete (see $(rel "$log"))"
	failed=1
else
	proof="$(field "$log")"
	say "proof: no assertion fails, no invalid end state: $proof"
fi

# The mutants: breadth-first, so that the trail is a shortest one.
for m in "${MUTANTS[@]}"; do
	IFS='|' read -r def what <<<"$m"
	dir=$OUT/$def
	build "$dir" "$def" -DBFS
	(cd "$dir" && ./pan >pan.log 2>&1) || true
	if [ ! -f "$dir/unwind.pml.trail" ] || ! grep -q ', errors: 1$' "$dir/pan.log"; then
		say "FAIL: mutant $def ($what) passes: the model cannot see that change (see $(rel "$dir/pan.log"))"
		failed=1
		continue
	fi
	trail=$(cd "$dir" && spin -D"$def" -t unwind.pml 2>&1 |
		sed -n -e 's/^ *MSC: //p' -e 's/^spin: text of failed assertion: /violates /p' |
		paste -sd';' | sed 's/;/; /g')
	say "mutant $def fails as it must ($what): $trail"
done

if ((failed)); then
	say "FAIL: see above"
	exit 1
fi
say "PASS: the unwind and the pairing rules hold in every interleaving of the model ($proof); ${#MUTANTS[@]} mutants fail"
