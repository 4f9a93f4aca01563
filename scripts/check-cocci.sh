#!/bin/bash
# Step f: coccicheck in report mode, every semantic patch, on the touched .c
# files, base vs series: nothing new. The touched files are copied, at their
# paths, into a directory of their own, and each semantic patch runs on it as
# "make coccicheck M=<dir>" runs it (LINUXINCLUDE of the x86_64 build), one
# semantic patch per job on all cores: one spatch per semantic patch rather
# than per file and semantic patch, whose start-up was most of the time.
STEP=check-cocci
. "$(dirname "$0")/lib.sh"
need_check_branch
mapfile -t all < <(changed_files "$SRC" "$BASE_TAG..series" | grep '\.c$' || true)
if ((${#all[@]} == 0)); then
	say "the series touches no .c file: nothing to check"
	exit 0
fi
S=$CHECK_SRC
base_key=$( { echo "make coccicheck M="; git -C "$SRC" rev-parse "$BASE_TAG"; echo "${all[*]}"; cat "$X86_CONFIG"; spatch --version | head -n 1; } 2>&1 | sha256sum)
for rev in base series; do
	if [ $rev = base ] && [ -f "$RESULTS/cocci-base.txt" ] && [ "$(cat "$RESULTS/cocci-base.key" 2>/dev/null)" = "$base_key" ]; then
		say "coccicheck on the base: unchanged since the last run (cached $(rel "$RESULTS/cocci-base.txt"))"
		continue
	fi
	rm -f "$RESULTS/cocci-$rev.key"
	checkout_rev "$S" "$([ $rev = base ] && echo "$BASE_TAG" || git -C "$SRC" rev-parse series)"
	x86_configure
	make -C "$S" O="$CHECK_X86" ARCH=x86_64 -j"$JOBS" prepare >"$LOGS/check-cocci-prepare.log" 2>&1 ||
		die "x86_64 make prepare failed for coccicheck (log: $(rel "$LOGS/check-cocci-prepare.log"))"
	files=()
	for f in "${all[@]}"; do [ -f "$S/$f" ] && files+=("$f"); done
	out=$RESULTS/cocci-$rev.d
	rm -rf "$out" "$out.jobs"
	mkdir -p "$out"
	: >"$RESULTS/cocci-$rev.log"
	if ((${#files[@]})); then
		mapfile -t coccis < <(cd "$S" && find scripts/coccinelle -name '*.cocci' -type f | sort |
			xargs grep -lE '^virtual[[:space:]].*\breport\b')
		# A semantic patch without "virtual report" cannot run in report
		# mode (spatch: "virtual rule report not supported"), e.g. 7.3's
		# api/kmalloc_objs.cocci, which only rewrites code: name them.
		mapfile -t patch_only < <(cd "$S" && find scripts/coccinelle -name '*.cocci' -type f | sort |
			xargs grep -LE '^virtual[[:space:]].*\breport\b')
		((${#patch_only[@]} == 0)) ||
			say "skipped, no report mode: ${patch_only[*]}"
		tree=$CHECK/cocci-$rev.files
		rm -rf "$tree"
		for f in "${files[@]}"; do
			mkdir -p "$tree/$(dirname "$f")"
			cp "$S/$f" "$tree/$f"
		done
		printf '%s\n' "${coccis[@]}" >"$out.jobs"
		run_log "$LOGS/check-cocci-$rev.log" "coccicheck on the $rev: ${files[*]} (${#coccis[@]} semantic patches)" \
			env srctree="$S" O="$CHECK_X86" xargs -P "$JOBS" -n 1 -a "$out.jobs" "$TOP/scripts/coccicheck-dir.sh" "$out" "$tree" ||
			die "coccicheck failed on the $rev (log: $(rel "$LOGS/check-cocci-$rev.log"))"
		rm -f "$out.jobs"
	fi
	cat "$out"/* >"$RESULTS/cocci-$rev.log" 2>/dev/null || true
	grep -E ':[0-9]+(:[0-9]+)?(-[0-9]+)?: ' "$RESULTS/cocci-$rev.log" | sed 's#^\./##' | normalize_diag >"$RESULTS/cocci-$rev.txt" || true
	[ $rev = series ] || echo "$base_key" >"$RESULTS/cocci-base.key"
done
compare_new coccicheck "$RESULTS/cocci-base.txt" "$RESULTS/cocci-series.txt" ||
	die "coccicheck: new reports with the series in $NEW_IN (see $(rel "$RESULTS/cocci-series.log"))"
