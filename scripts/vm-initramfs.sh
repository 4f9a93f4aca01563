#!/bin/bash
# vm-initramfs.sh NAME: the initramfs of make vmtest's NAME kernel, in
# build/vmtest/NAME/initramfs.cpio.gz: Debian's static busybox, vm/init, the
# kernel's own test_hmm.ko, and the guest programs (build/vmtest/bin/:
# mn_reap, hmm-tests), which vmtest.sh links statically beforehand.
STEP=vmtest
. "$(dirname "$0")/lib.sh"
name=$1
VM=$BUILD/vmtest
out=$VM/$name root=$VM/$name/root
bb=$(command -v busybox || true)
[ -n "$bb" ] && file -L "$bb" | grep -q 'statically linked' ||
	die "no static busybox (make deps installs busybox-static)"
for f in "$out/test_hmm.ko" "$VM/bin/mn_reap" "$VM/bin/hmm-tests" "$TOP/vm/init"; do
	[ -f "$f" ] || die "no $(rel "$f") for the $name's initramfs"
done
rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,tmp}
cp "$bb" "$root/bin/busybox"
cp "$TOP/vm/init" "$out/test_hmm.ko" "$VM/bin/mn_reap" "$VM/bin/hmm-tests" "$root/"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -1 >"$out/initramfs.cpio.gz" ||
	die "cannot write $(rel "$out/initramfs.cpio.gz")"
rm -rf "$root"
