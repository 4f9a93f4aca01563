// SPDX-License-Identifier: GPL-2.0-only
/* Input for mmu_notifier_nonblock.cocci. The failure branch jumps to an end. */
int f(struct mmu_notifier_range *range)
{
	int ret;

	ret = mmu_notifier_invalidate_range_start_nonblock(range);
	if (ret)
		goto out;
	zap(range);
out:
	mmu_notifier_invalidate_range_end(range); /* reported */
	return ret;
}
