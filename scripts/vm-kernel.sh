#!/bin/bash
# vm-kernel.sh NAME REV: the x86_64 kernel of make vmtest for revision REV of
# build/linux: tinyconfig + configs/vmtest.config, bzImage and modules. One
# work tree and one build dir serve every revision, so that a switch rebuilds
# only what differs; the result (bzImage, test_hmm.ko) is copied to
# build/vmtest/NAME/, and kept while the config fragment and REV's files
# outside tools/ and Documentation/ are unchanged.
STEP=vmtest
. "$(dirname "$0")/lib.sh"
name=$1 rev=$2
VM=$BUILD/vmtest
src=$VM/src obj=$VM/obj out=$VM/$name
[ -f "$VM_CONFIG" ] || die "no config fragment $(rel "$VM_CONFIG")"
commit=$(git -C "$SRC" rev-parse --verify -q "$rev^{commit}") || die "no revision $rev in $(rel "$SRC")"
# (the top level's entries: one id per directory, for all it holds)
stamp=$( { git -C "$SRC" ls-tree "$commit" | grep -vE $'\t(tools|Documentation)$'; cat "$VM_CONFIG"; } | sha256sum | cut -c1-64)
if [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ] && [ -f "$out/bzImage" ] && [ -f "$out/test_hmm.ko" ]; then
	say "$name kernel: up to date in $(rel "$out")"
	exit 0
fi
ensure_worktree "$src"
checkout_rev "$src" "$commit"
mkdir -p "$obj" "$LOGS"

# .config: written only when it changes, so that a switch of revision does
# not make Kbuild reconsider every object.
log=$LOGS/vmtest-config-$name.log
cfg=$VM/config.tmp
rm -rf "$cfg" && mkdir -p "$cfg"
{
	make -C "$src" O="$cfg" ARCH=x86_64 tinyconfig &&
	"$src/scripts/kconfig/merge_config.sh" -m -O "$cfg" "$cfg/.config" "$VM_CONFIG" &&
	make -C "$src" O="$cfg" ARCH=x86_64 olddefconfig
} >"$log" 2>&1 || die "x86_64 tinyconfig + $(rel "$VM_CONFIG") failed for the $name (log: $(rel "$log"))"
while IFS= read -r sym; do
	grep -qx "$sym" "$cfg/.config" ||
		die "the $name's config lacks $sym after olddefconfig: a dependency is missing from $(rel "$VM_CONFIG") (log: $(rel "$log"))"
done < <(grep -E '^CONFIG_[A-Za-z0-9_]+=' "$VM_CONFIG")
cmp -s "$cfg/.config" "$obj/.config" || cp "$cfg/.config" "$obj/.config"
rm -rf "$cfg"

run_log "$LOGS/vmtest-build-$name.log" "x86_64 kernel for make vmtest: the $name ($rev), in $(rel "$obj")" \
	make -C "$src" O="$obj" ARCH=x86_64 -j"$JOBS" bzImage modules ||
	die "the $name's x86_64 kernel does not build (log: $(rel "$LOGS/vmtest-build-$name.log"))"
rm -rf "$out" && mkdir -p "$out"
cp "$obj/arch/x86/boot/bzImage" "$obj/lib/test_hmm.ko" "$out/" ||
	die "no bzImage or lib/test_hmm.ko in $(rel "$obj")"
echo "$stamp" >"$out/stamp"
say "$name kernel: $(rel "$out")/bzImage, test_hmm.ko"
