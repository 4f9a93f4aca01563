// SPDX-License-Identifier: GPL-2.0-only
/* Input for mmu_notifier_nonblock.cocci. The start is tested in the if, whose branch ends the range. */
int f(struct mmu_notifier_range *range, struct mmu_gather *tlb)
{
	if (mmu_notifier_invalidate_range_start_nonblock(range)) {
		tlb_finish_mmu(tlb);
		mmu_notifier_invalidate_range_end(range); /* reported */
		return -EBUSY;
	}
	zap(range);
	mmu_notifier_invalidate_range_end(range);
	return 0;
}
