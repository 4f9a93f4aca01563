#!/bin/bash
# Step j: KUnit on the series as an x86_64 kernel under QEMU (kunit.py
# --arch=x86_64), with configs/kunit-x86_64.config added and a pool of huge
# pages, on two CPUs (TCG): every case passes, those of tests/uml-skip.list
# included, but tests/provoked.list's, which step h runs.
STEP=check-kunit-x86
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")
need_check_branch
back_to_series
[ -f "$KUNIT_X86_CONFIG" ] || die "no kunitconfig fragment $(rel "$KUNIT_X86_CONFIG")"
command -v qemu-system-x86_64 >/dev/null || die "no qemu-system-x86_64 (make deps installs qemu-system-x86)"
json=$CHECK/kunit-x86.json
# TCG only (scripts/qemu-tcg/: kunit.py asks for KVM first, which may hang).
PATH="$TOP/scripts/qemu-tcg:$PATH" KUNIT_KERNEL="x86_64 (QEMU, TCG)" "$d/kunit.sh" "$SRC" "$CHECK/kunit-x86" "$json" x86_64 \
	--arch=x86_64 --kunitconfig="$KUNIT_X86_CONFIG" --kernel_args=hugepages=2 \
	--qemu_args="-smp 2"
"$d/kunit_results.py" show "$json" "$PROVOKED" ||
	die "KUnit cases did not all pass on x86_64 (log: $(rel "$LOGS/kunit-x86_64.log"))"
