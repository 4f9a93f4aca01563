// SPDX-License-Identifier: GPL-2.0-only
/* Input for mmu_notifier_nonblock.cocci. The result is ignored. */
void f(struct mmu_notifier_range *range)
{
	mmu_notifier_invalidate_range_start_nonblock(range); /* reported */
	zap(range);
	mmu_notifier_invalidate_range_end(range);
}
