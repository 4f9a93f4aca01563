// SPDX-License-Identifier: GPL-2.0-only
/* Input for mmu_notifier_nonblock.cocci. The start is tested in the if (< 0), which jumps to an end. */
int f(struct mmu_notifier_range *range)
{
	int ret = -EBUSY;

	if (mmu_notifier_invalidate_range_start_nonblock(range) < 0)
		goto out;
	zap(range);
	ret = 0;
out:
	mmu_notifier_invalidate_range_end(range); /* reported */
	return ret;
}
