#!/bin/bash
# Step d: sparse (make C=2 CHECK=...) on the objects of the touched .c files
# (and the mmu notifier users when its header changes): no warning the base
# lacks. The sparse: SPARSE= if set, else the machine's when the base's kernel
# accepts it (its scripts/checker-valid.sh, as the top Makefile runs it; a
# base without that script accepts any), else Debian sid's, built by
# fetch-sparse.sh. compare-x86.sh fails if make still refused it.
STEP=check-sparse
. "$(dirname "$0")/lib.sh"

# CHECKFLAGS of an x86_64 build (top Makefile and arch/x86/Makefile).
CHECKFLAGS_X86=(-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise -Wno-return-void
	-Wno-unknown-attribute -D__x86_64__ --arch=x86_64 -mlittle-endian -m64)
base_accepts() {
	local script
	script=$(git -C "$SRC" show "$BASE_TAG:scripts/checker-valid.sh" 2>/dev/null) || return 0
	[ "$(sh -eu -c "$script" checker-valid.sh "$1" "${CHECKFLAGS_X86[@]}" 2>/dev/null)" = 1 ]
}

git -C "$SRC" rev-parse -q --verify "$BASE_TAG^{commit}" >/dev/null || die "no base in $(rel "$SRC") (run scripts/base.sh)"
if [ -n "${SPARSE:-}" ]; then
	case $SPARSE in */*) SPARSE=$(realpath -s "$SPARSE") ;; *) SPARSE=$(command -v "$SPARSE") || die "SPARSE=$SPARSE: no such command" ;; esac
	how="SPARSE=, as given"
elif sys=$(command -v sparse) && base_accepts "$sys"; then
	SPARSE=$sys how="the machine's: the base's scripts/checker-valid.sh accepts it"
else
	SPARSE=$("$(dirname "$0")/fetch-sparse.sh") || exit 1
	how="Debian sid's: the base's scripts/checker-valid.sh refuses ${sys:-"a missing sparse"}"
	base_accepts "$SPARSE" ||
		die "the base's scripts/checker-valid.sh refuses $SPARSE too: update SPARSE_VERSION in scripts/fetch-sparse.sh"
fi
case $SPARSE in *[[:space:]]*) die "SPARSE=$SPARSE: a path with spaces cannot be passed to make" ;; esac
ver=$("$SPARSE" --version 2>/dev/null) || die "SPARSE=$SPARSE does not run"
say "sparse $ver: $SPARSE ($how)"
export STEP SPARSE; exec "$(dirname "$0")/compare-x86.sh" sparse "C=2 CHECK=$SPARSE" --users
