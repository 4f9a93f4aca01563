#!/usr/bin/env python3
"""Print make bench's table from its run logs.

bench_table.py DIR BOOTS "PADS" "BASE_SIZES" "SERIES_SIZES"

DIR holds run-{base,series}-<pad>-<k>.log (k = 1..BOOTS, for each layout in
PADS: the kernel with that many bytes of text before the notifier core) and
frames-{base,series}.txt.  Each run gives, per case, its median over its
rounds.  For each case: the base's and the series' time per pair (the median
of their runs, over all layouts); the ratio series/base, the median of the
per-run ratios (run k of the series in layout p against run k of the base in
layout p, booted one after the other); its spread, half the width of the
distribution-free 95% confidence interval of that median (order statistics
of the ratios); layout, how far layout alone moves the base (the largest
over the smallest of the medians, per layout, of its runs against the runs
of the same round in the first layout); and base/base, the median of the
ratios of each base run to the next in the same layout.

The per-run ratios are a mixture: on this machine a run now and then goes
about 1.6 times slower throughout, on either kernel, so some ratios sit far
off on either side.  The median and its confidence interval do not follow
those; half the range or the interquartile range would.
"""
import math
import re
import statistics
import sys

LINE = re.compile(r'mmu_notifier_benchmark: (\S+) median=(\d+) min=(\d+) max=(\d+)')


def load(path):
    out = {}
    with open(path, errors='replace') as f:
        for line in f:
            m = LINE.search(line)
            if m:
                out[m.group(1)] = int(m.group(2)) / 1000.0  # ns
    return out


def frames(path):
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                out[parts[0].rstrip(':')] = int(parts[1])
    return out


def median_ci(xs):
    """Half the width of the 95% confidence interval of the median of xs."""
    xs, n = sorted(xs), len(xs)
    # Ranks j < k with P(X(j) <= median <= X(k)) >= 0.95, Binomial(n, 1/2).
    cdf, j = 0.0, 0
    while j < n:
        p = math.comb(n, j) / 2 ** n
        if cdf + p > 0.025:
            break
        cdf += p
        j += 1
    if j == 0 or n - 1 - j <= j:
        return (xs[-1] - xs[0]) / 2  # too few runs for an interval: the range
    return (xs[n - 1 - j] - xs[j]) / 2


def main():
    d, boots, pads = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
    sizes = {'base': sys.argv[4].split(), 'series': sys.argv[5].split()}
    runs = {(v, p): [load('%s/run-%s-%s-%d.log' % (d, v, p, k)) for k in range(1, boots + 1)]
            for v in ('base', 'series') for p in pads}
    cases = list(runs[('base', pads[0])][0])
    for (v, p), rs in runs.items():
        for k, r in enumerate(rs, 1):
            missing = [c for c in cases if c not in r]
            if missing:
                sys.exit('FAILED [bench]: run %d of the %s (%s bytes before the core) lacks %s'
                         % (k, v, p, ', '.join(missing)))
    print('| case | base ns | series ns | ratio | spread | layout | base/base |')
    print('|------|--------:|----------:|------:|-------:|-------:|----------:|')
    for c in cases:
        b = {p: [r[c] for r in runs[('base', p)]] for p in pads}
        s = {p: [r[c] for r in runs[('series', p)]] for p in pads}
        ratios = [y / x for p in pads for x, y in zip(b[p], s[p])]
        moved = [statistics.median([y / x for x, y in zip(b[pads[0]], b[p])]) for p in pads]
        bb = [b[p][i] / b[p][(i + 1) % boots] for p in pads for i in range(boots)]
        print('| %s | %.1f | %.1f | %.3f | %.3f | %.3f | %.3f |' % (
            c, statistics.median([x for p in pads for x in b[p]]),
            statistics.median([y for p in pads for y in s[p]]),
            statistics.median(ratios), median_ci(ratios),
            max(moved) / min(moved), statistics.median(bb)))
    print()
    names = ('struct mmu_notifier', 'struct mmu_notifier_subscriptions',
             'struct mmu_notifier_range')
    print('| sizeof | base | series |')
    print('|--------|-----:|-------:|')
    for i, n in enumerate(names):
        get = lambda v: sizes[v][i] if i < len(sizes[v]) else '?'
        print('| %s | %s | %s |' % (n, get('base'), get('series')))
    print()
    fb, fs = frames('%s/frames-base.txt' % d), frames('%s/frames-series.txt' % d)
    print('| stack frame (checkstack.pl, bytes; -: none of its own) | base | series |')
    print('|-------------------------------------|-----:|-------:|')
    key = {'__mmu_notifier_invalidate_range_start', '__mmu_notifier_invalidate_range_end'}
    for fn in sorted(set(fb) | set(fs) | key):
        print('| %s | %s | %s |' % (fn, fb.get(fn, '-'), fs.get(fn, '-')))


if __name__ == '__main__':
    main()
