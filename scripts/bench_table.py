#!/usr/bin/env python3
"""Print make bench's table from its run logs.

bench_table.py DIR BOOTS "BASE_SIZES" "SERIES_SIZES"

DIR holds run-{base,series,control}-<k>.log (k = 1..BOOTS, booted in turn)
and frames-{base,series}.txt.  For each case: the base's and the series'
time per pair (the median over the boots of each boot's median over its
rounds); the ratio series/base, the median of the per-boot ratios (boot k
of the series against boot k of the base); their spread, half their
interquartile range (a boot now and then runs everything about 1.7 times
slower, on either kernel: half the range would be that boot's); control,
the median of the per-boot ratios of the layout control (the base's code,
moved) to the base, which shows what layout alone does to the row; and
base/base, the median of the ratios of each base boot to the next, which
shows how far two runs of the same kernel differ.
"""
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


def main():
    d, boots = sys.argv[1], int(sys.argv[2])
    sizes = {'base': sys.argv[3].split(), 'series': sys.argv[4].split()}
    runs = {v: [load('%s/run-%s-%d.log' % (d, v, k)) for k in range(1, boots + 1)]
            for v in ('base', 'series', 'control')}
    cases = list(runs['base'][0])
    for v in runs:
        for k, r in enumerate(runs[v], 1):
            missing = [c for c in cases if c not in r]
            if missing:
                sys.exit('FAILED [bench]: run %d of the %s lacks %s' % (k, v, ', '.join(missing)))
    print('| case | base ns | series ns | ratio | spread | control | base/base |')
    print('|------|--------:|----------:|------:|-------:|--------:|----------:|')
    for c in cases:
        b, s, l = ([r[c] for r in runs[v]] for v in ('base', 'series', 'control'))
        ratios = [y / x for x, y in zip(b, s)]
        q1, _, q3 = statistics.quantiles(ratios, n=4, method='inclusive')
        bb = [b[i] / b[(i + 1) % boots] for i in range(boots)]
        print('| %s | %.1f | %.1f | %.3f | %.3f | %.3f | %.3f |' % (
            c, statistics.median(b), statistics.median(s),
            statistics.median(ratios), (q3 - q1) / 2,
            statistics.median([y / x for x, y in zip(b, l)]),
            statistics.median(bb)))
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
