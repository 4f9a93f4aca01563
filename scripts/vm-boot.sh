#!/bin/bash
# vm-boot.sh NAME ACCEL [LOG]: boot make vmtest's NAME kernel and initramfs
# under qemu-system-x86_64 (ACCEL tcg or kvm, two CPUs, no network, serial
# console), with slab debugging (slub_debug=FZPU), into LOG (default
# build/vmtest/NAME/console.log). 2 GiB: with KASAN's shadow and slab
# debugging, 1 GiB was too little for the HMM selftests' THP benchmark (the
# global OOM killer took it). The guest reboots when done, which ends QEMU
# (-no-reboot); a guest still running after VM_TIMEOUT seconds (default
# 1200) is killed and reported. Fails only when QEMU does not run or the
# guest is killed; vmtest_table.py judges the log.
STEP=vmtest
. "$(dirname "$0")/lib.sh"
name=$1 accel=$2
out=$BUILD/vmtest/$name
log=${3:-$out/console.log}
limit=${VM_TIMEOUT:-1200}
command -v qemu-system-x86_64 >/dev/null || die "no qemu-system-x86_64 (make deps installs qemu-system-x86)"
rc=0
run_log "$log" "booting the $name kernel ($accel, 2 CPUs; at most $limit s)" \
	timeout -k 10 "$limit" qemu-system-x86_64 -accel "$accel" -smp 2 -m 2G \
	-nodefaults -display none -serial stdio -no-reboot \
	-kernel "$out/bzImage" -initrd "$out/initramfs.cpio.gz" \
	-append "console=ttyS0 panic=-1 printk.devkmsg=on slub_debug=FZPU hugepages=2 ${VM_APPEND:-}" || rc=$?
case $rc in
0) ;;
124 | 137) die "the $name guest was still running after $limit s: killed (log: $(rel "$log"))" ;;
*) die "qemu-system-x86_64 failed for the $name (exit $rc; log: $(rel "$log"))" ;;
esac
