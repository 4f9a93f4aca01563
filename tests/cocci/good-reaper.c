// SPDX-License-Identifier: GPL-2.0-only
/* Input for mmu_notifier_nonblock.cocci. zap_vma_for_reaping() in mm/memory.c: nothing to report. */
int f(struct mmu_notifier_range *range, struct mmu_gather *tlb)
{
	tlb_gather_mmu(tlb, range->mm);
	if (mmu_notifier_invalidate_range_start_nonblock(range)) {
		tlb_finish_mmu(tlb);
		return -EBUSY;
	}
	zap(range);
	mmu_notifier_invalidate_range_end(range);
	tlb_finish_mmu(tlb);
	return 0;
}
