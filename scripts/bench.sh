#!/bin/bash
# make bench: the base with only the benchmark patch, and the whole series
# (which carries it), built as UML kernels with configs/bench.config, each in
# as many layouts as BENCH_PADS names: the same kernel with that many bytes of
# text at the top of mm/mmu_notifier.c, so that the notifier core and the
# benchmark linked after it sit elsewhere. Booted in turn, layout by layout,
# base then series, BENCH_BOOTS times; then one table (scripts/bench_table.py),
# the struct sizes and the stack frames of the start/end functions. UML runs
# the kernel's code natively: no emulation in the figures. Figures, not a
# test: it fails only when a step fails.
STEP=bench
. "$(dirname "$0")/lib.sh"
BENCH=$BUILD/bench
BOOTS=${BENCH_BOOTS:-5}
[[ $BOOTS =~ ^[0-9]+$ ]] && ((BOOTS >= 2)) || die "BENCH_BOOTS must be a number of boots, 2 or more, not '$BOOTS'"
read -r -a PADS <<<"${BENCH_PADS:-0 16 32 48}"
((${#PADS[@]})) || die "BENCH_PADS names no layout"
for p in "${PADS[@]}"; do
	[[ $p =~ ^(0|[1-9][0-9]*)$ ]] || die "BENCH_PADS: '$p' is not a number of bytes"
done
BENCH_CONFIG=$TOP/configs/bench.config
load_series
[ -f "$BENCH_CONFIG" ] || die "no $(rel "$BENCH_CONFIG")"
bench_patch=
for p in "${SERIES[@]}"; do
	grep -q '^+++ b/lib/mmu_notifier_benchmark.c' "$p" && bench_patch=$p
done
[ -n "$bench_patch" ] || die "no patch in $(rel "$PATCHES_DIR") adds lib/mmu_notifier_benchmark.c"
mkdir -p "$BENCH" "$LOGS"
rm -f "$BENCH"/run-*.log

# Work trees of build/linux: base + the benchmark patch, and the series.
for v in base series; do
	ensure_worktree "$BENCH/src-$v"
done
# Its MAINTAINERS line sits next to the test patch's, so that hunk is left
# out on the base; the code, Kconfig and Makefile hunks apply as they are.
AM_EXCLUDE=MAINTAINERS am_patches "$BENCH/src-base" bench-base "$bench_patch"
checkout_rev "$BENCH/src-series" series
say "base: $BASE_TAG + $(patch_subject "$bench_patch") (without its MAINTAINERS hunk); series: ${#SERIES[@]} patches; layouts: ${PADS[*]} bytes before the core"

# pad SRC BYTES: BYTES of text (int3) at the top of SRC's mm/mmu_notifier.c,
# in .text, where the core's functions and, later in the link, the benchmark's
# timed loop are. The work tree is checked out again before the next pad.
pad() {
	local f=$1/mm/mmu_notifier.c
	git -C "$1" checkout -q -f -- mm/mmu_notifier.c || die "cannot restore $(rel "$f")"
	(($2)) || return 0
	grep -q '^#include <linux/mmu_notifier.h>$' "$f" ||
		die "no '#include <linux/mmu_notifier.h>' line in $(rel "$f") to put the layout's padding after"
	sed -i '/^#include <linux\/mmu_notifier.h>$/a\
asm(".pushsection .text, \\"ax\\"\\n.skip '"$2"', 0xcc\\n.popsection"); /* make bench layout */' "$f"
}

# Each kernel builds in one directory, its layouts one after the other (a pad
# recompiles mm/mmu_notifier.o and links), the one without a pad last, so that
# the sizes and stack frames below are the kernels' own; each layout's binary
# is kept as build/bench/<kernel>/linux-<pad>.
mapfile -t ORDER < <(printf '%s\n' "${PADS[@]}" 0 | awk '!seen[$0]++' | sort -n -r)
for v in base series; do
	src=$BENCH/src-$v out=$BENCH/$v
	mkdir -p "$out"
	cat "$src/tools/testing/kunit/configs/arch_uml.config" "$BENCH_CONFIG" >"$out/.config.want"
	cmp -s "$out/.config.want" "$out/.config.src" || {
		cp "$out/.config.want" "$out/.config"
		cp "$out/.config.want" "$out/.config.src"
	}
	make -C "$src" O="$out" ARCH=um olddefconfig >"$LOGS/bench-$v-config.log" 2>&1 ||
		die "UML olddefconfig failed for the $v (log: $(rel "$LOGS/bench-$v-config.log"))"
	while IFS= read -r line; do
		case $line in CONFIG_*=*) grep -qxF "$line" "$out/.config" ||
			die "the $v's config lacks $line after olddefconfig (see $(rel "$out/.config"))" ;;
		esac
	done <"$BENCH_CONFIG"
	for p in "${ORDER[@]}"; do
		pad "$src" "$p"
		run_log "$LOGS/bench-$v-build.log" "UML kernel with the benchmark: $v, $p bytes before the core, in $(rel "$out")" \
			make -C "$src" O="$out" ARCH=um -j"$JOBS" ||
			die "the $v's UML kernel ($p bytes before the core) does not build (log: $(rel "$LOGS/bench-$v-build.log"))"
		cp "$out/linux" "$out/linux-$p"
	done
done

# boot V P K: run K of kernel V in layout P; it stops by itself (no root file
# system: it panics after the initcalls, and UML exits).
boot() {
	local log=$BENCH/run-$1-$2-$3.log
	# log_buf_len: the failing cases make the core print a line per failed
	# start, before the console is up; the figures must not be dropped.
	# The last CPU, the same for both kernels (UML's helpers inherit it).
	# UML ends with SIGABRT; the subshell keeps bash's "Aborted" off the screen.
	(timeout 600 taskset -c "$(($(nproc) - 1))" "$BENCH/$1/linux-$2" mem=256M loglevel=6 log_buf_len=16M \
		>"$log" 2>&1 </dev/null || true) 2>/dev/null
	grep -q 'mmu_notifier_benchmark: done$' "$log" ||
		die "the $1 kernel's run $3 ($2 bytes before the core) did not finish the benchmark (log: $(rel "$log"))"
}
for k in $(seq 1 "$BOOTS"); do
	t=$SECONDS
	for p in "${PADS[@]}"; do
		for v in base series; do
			boot "$v" "$p" "$k"
		done
	done
	say "round $k/$BOOTS: base and series in ${#PADS[@]} layouts ($((SECONDS - t)) s)"
done

# Struct sizes: mm/mmu_notifier.c's private struct from its debug info.
sizes() {
	local v=$1 src=$BENCH/src-$1 obj=$BENCH/sizes-$1
	mkdir -p "$obj"
	cp "$BENCH/$v/.config" "$obj/.config"
	make -C "$src" O="$obj" ARCH=um olddefconfig >/dev/null 2>&1 &&
		make -C "$src" O="$obj" ARCH=um KCFLAGS=-g -j"$JOBS" mm/mmu_notifier.o >"$LOGS/bench-$v-sizes.log" 2>&1 ||
		die "mm/mmu_notifier.o with -g does not build for the $v (log: $(rel "$LOGS/bench-$v-sizes.log"))"
	gdb -batch -nx -ex 'print sizeof(struct mmu_notifier)' -ex 'print sizeof(struct mmu_notifier_subscriptions)' \
		-ex 'print sizeof(struct mmu_notifier_range)' "$obj/mm/mmu_notifier.o" 2>/dev/null |
		sed -n 's/^\$[0-9]* = //p' | paste -sd' '
}
command -v gdb >/dev/null || die "gdb not found (make deps installs it)"
sb=$(sizes base) ss=$(sizes series)
# Stack frames (scripts/checkstack.pl) of the functions start and end run.
frames() {
	objdump -d "$BENCH/$1/vmlinux" | perl "$BENCH/src-$1/scripts/checkstack.pl" x86_64 0 2>/dev/null |
		grep -E '[[:space:]](__mmu_notifier_invalidate_range_(start|end)|mn_hlist_[a-z_]*|mn_itree_[a-z_]*)( |\[|$)' |
		sed -E 's/^0x[0-9a-f]+ ([^ ]+) \[vmlinux\]:[[:space:]]*([0-9]+)$/\1 \2/' | sort -u
}
frames base >"$BENCH/frames-base.txt"
frames series >"$BENCH/frames-series.txt"

python3 "$(dirname "$0")/bench_table.py" "$BENCH" "$BOOTS" "${PADS[*]}" "$sb" "$ss"
say "logs: $(rel "$BENCH")/run-{base,series}-<pad>-<n>.log; $BOOTS rounds of base and series in ${#PADS[@]} layouts (${PADS[*]} bytes before the core)"
