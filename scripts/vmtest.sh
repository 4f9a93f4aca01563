#!/bin/bash
# make vmtest (step q of make check): the OOM reaper and process_mrelease(2)
# for real, in an x86_64 guest, on the base with only the test patches
# (tests/base-only.list: test_hmm's hlist notifiers among them) and on the
# series; and the kernel's HMM selftests on both. Builds both kernels
# (vm-kernel.sh), the guest programs and initramfs (vm-initramfs.sh), boots
# each once (vm-boot.sh), and prints the table and one verdict
# (vmtest_table.py): the scenarios must hang and warn on the base and pass
# without a kernel report on the series, and the series must pass every
# HMM selftest the base passes.
STEP=vmtest
. "$(dirname "$0")/lib.sh"
d=$(dirname "$0")
VM=$BUILD/vmtest
load_series
base_only_patches
grep -q 'HMM_DMIRROR_HLIST_REGISTER' "${BASE_ONLY[@]}" ||
	die "no patch of $(rel "$TESTS_DIR/base-only.list") adds test_hmm's HMM_DMIRROR_HLIST_REGISTER"
mkdir -p "$VM/bin" "$LOGS"
t0=$SECONDS

# The base + test patches, on branch vmtest-base of build/linux.
ensure_worktree "$VM/src"
am_patches "$VM/src" vmtest-base "${BASE_ONLY[@]}"
"$d/vm-kernel.sh" base vmtest-base
"$d/vm-kernel.sh" series series

# Guest programs, static, against the series' uapi headers (make headers).
checkout_rev "$VM/src" series
log=$LOGS/vmtest-programs.log
S=$VM/src/tools/testing/selftests
{
	make -C "$VM/src" O="$VM/obj" ARCH=x86_64 headers &&
	gcc -static -O2 -Wall -isystem "$VM/obj/usr/include" -I "$VM/src/lib" \
		-o "$VM/bin/mn_reap" "$TOP/vm/mn_reap.c" -lpthread &&
	gcc -static -O2 -Wall -U_FORTIFY_SOURCE -isystem "$VM/obj/usr/include" \
		-I "$S" -I "$S/mm" -I "$VM/src" -o "$VM/bin/hmm-tests" \
		"$S/mm/hmm-tests.c" "$S/mm/vm_util.c" "$S/mm/hugepage_settings.c" -lrt -lpthread -lm
} >"$log" 2>&1 || die "the guest programs do not build (log: $(rel "$log"))"
say "guest programs: $(rel "$VM/bin")/mn_reap, hmm-tests ($((SECONDS - t0)) s so far)"
for v in base series; do
	"$d/vm-initramfs.sh" "$v"
done

# KVM where a probe boot shows it works (VM_ACCEL=tcg|kvm decides instead);
# the answer is kept for the same series kernel.
accel=${VM_ACCEL:-}
if [ -z "$accel" ]; then
	accel=tcg
	probe=$VM/kvm-probe.log key="$(cat "$VM/series/stamp") $(uname -r)"
	if [ ! -w /dev/kvm ]; then
		say "no writable /dev/kvm: using TCG"
	elif [ "$(sed -n 1p "$VM/kvm-probe.key" 2>/dev/null)" = "$key" ]; then
		accel=$(sed -n 2p "$VM/kvm-probe.key")
		say "KVM probe of this kernel: $accel, as before (log: $(rel "$probe"))"
	else
		rm -f "$VM/kvm-probe.key"
		if VM_TIMEOUT=60 VM_APPEND=vmtest.probe "$d/vm-boot.sh" series kvm "$probe" >/dev/null 2>&1 &&
		   grep -q 'vmtest: probe ok' "$probe"; then
			accel=kvm
		fi
		printf '%s\n%s\n' "$key" "$accel" >"$VM/kvm-probe.key"
		say "KVM probe: $( [ $accel = kvm ] && echo "the guest ran: using KVM" || echo "the guest did not run in 60 s (log: $(rel "$probe")): using TCG")"
	fi
fi

status=()
for v in base series; do
	t=$SECONDS
	if "$d/vm-boot.sh" "$v" "$accel"; then
		status+=("$v=ok")
	else
		status+=("$v=killed")
	fi
	say "the $v guest: $((SECONDS - t)) s"
done
"$d/vmtest_table.py" "$KERNEL_REPORTS" "$VM/base/console.log" "$VM/series/console.log" "${status[@]}"
