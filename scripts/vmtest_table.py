#!/usr/bin/env python3
"""make vmtest's table and verdict, from the two guests' console logs.

vmtest_table.py REPORTS BASE_LOG SERIES_LOG base=ok|killed series=ok|killed

REPORTS is configs/kernel-reports.list (one extended regex a line, as
scripts/lib.sh's kernel_reports reads it); a hung-task report ("INFO: task
... blocked for more than") counts too. Expected: on the base every
scenario hangs (a hung-task report of the victim, in
mmu_interval_notifier_remove()) and warns; on the series every scenario
prints PASS with no report in its stretch of the log, the rest of the log
(boot, HMM selftests) has no kind of report the base's lacks (7.3.4 has
its own, e.g. KASAN in the selftests' device page eviction), and the
series passes every HMM selftest the base passes. Exit 0 when all of that
holds.
"""
import re
import sys

HUNG = re.compile(r'INFO: task \S+ blocked for more than')
# The guest's own lines (vm/init writes them to /dev/kmsg), not reports.
OWN = re.compile(r'^(vmtest|hmm-tests|mn_reap): ')
TEST = re.compile(r'^hmm-tests: (not )?ok \d+ (\S+)(.*)$')
STAMP = re.compile(r'^\[[ 0-9.]+\] ?')


def patterns(path):
    with open(path) as f:
        return [re.compile(l.strip()) for l in f
                if l.strip() and not l.lstrip().startswith('#')]


class Guest:
    def __init__(self, path, status, reports):
        try:
            with open(path, errors='replace') as f:
                self.lines = [STAMP.sub('', l.rstrip('\r\n')) for l in f]
        except OSError:
            self.lines = []
        self.status = status
        self.done = any(l.startswith('vmtest: done') for l in self.lines)
        self.reports = reports
        self.scenarios = []     # (label, lines)
        self.tests = {}         # name -> pass|fail|skip
        seg, seen = None, {}
        for l in self.lines:
            m = re.match(r'vmtest: begin (\S+)', l)
            if m and m.group(1) != 'hmm-tests':
                name = m.group(1)
                seen[name] = seen.get(name, 0) + 1
                label = name + (' (2nd round)' if seen[name] > 1 else '')
                seg = (label, [])
                self.scenarios.append(seg)
                continue
            if l.startswith('vmtest: end '):
                seg = None
                continue
            if seg:
                seg[1].append(l)
            m = TEST.match(l)
            if m and '.' in m.group(2):
                self.tests[m.group(2)] = ('skip' if '# SKIP' in m.group(3)
                                          else 'fail' if m.group(1) else 'pass')

    def counts(self, lines):
        """WARNING lines, hung-task reports, other kernel report lines."""
        warn = hung = other = 0
        for l in lines:
            if OWN.match(l):
                continue
            if HUNG.search(l):
                hung += 1
            elif 'WARNING:' in l:
                warn += 1
            elif any(p.search(l) for p in self.reports):
                other += 1
        return warn, hung, other

    def kinds(self):
        """The kinds of report outside the scenarios: each report line of
        the boot and the selftests without addresses, offsets and numbers."""
        scen = {id(l) for _, lines in self.scenarios for l in lines}
        out = set()
        for l in self.lines:
            if id(l) in scen or OWN.match(l) or HUNG.search(l):
                continue
            if 'WARNING:' in l or any(p.search(l) for p in self.reports):
                out.add(re.sub(r'(0x)?[0-9a-f]{6,}|\+0x[0-9a-f]+/0x[0-9a-f]+|\b\d+\b', '', l).strip())
        return out

    def scenario(self, label):
        for lab, lines in self.scenarios:
            if lab == label:
                return lines
        return None


def outcome(lines, reports_of):
    """(cell text, passed, hung in remove, warnings)."""
    if lines is None:
        return 'did not run', False, False, 0
    res = [l for l in lines if re.match(r'mn_reap: \S+: (PASS|FAIL|ERROR)', l)]
    ex = [l for l in lines if ' exited=' in l]
    passed = bool(res) and res[-1].split(': ')[2].startswith('PASS')
    in_remove = any('hung=yes,in-mmu_interval_notifier_remove' in l for l in ex)
    hung = any('hung=yes' in l for l in ex)
    warn, nhung, other = reports_of(lines)
    parts = ['PASS' if passed else 'FAIL']
    if hung:
        parts.append('victim hung' + (' in mmu_interval_notifier_remove()' if in_remove else ''))
    if ex and 'exited=yes' in ex[-1]:
        parts.append('victim exited')
    parts.append(f'{warn} WARNING, {nhung} hung-task, {other} other report lines')
    return ', '.join(parts), passed, in_remove, warn


def main():
    reports = patterns(sys.argv[1])
    status = dict(a.split('=', 1) for a in sys.argv[4:])
    base = Guest(sys.argv[2], status.get('base', '?'), reports)
    series = Guest(sys.argv[3], status.get('series', '?'), reports)
    labels = []
    for g in (base, series):
        for lab, _ in g.scenarios:
            if lab not in labels:
                labels.append(lab)
    rows, base_ok, series_ok = [], True, True
    for lab in labels:
        bt, _, b_rem, b_warn = outcome(base.scenario(lab), base.counts)
        st, s_pass, _, _ = outcome(series.scenario(lab), series.counts)
        base_ok &= b_rem and b_warn > 0
        series_ok &= s_pass
        rows.append((lab, bt, st))
    if not labels:
        base_ok = series_ok = False

    def tests(g):
        n = {k: sum(1 for v in g.tests.values() if v == k) for k in ('pass', 'fail', 'skip')}
        return f"{n['pass']} pass, {n['fail']} fail, {n['skip']} skip" if g.tests else 'no results'
    rows.append(('HMM selftests', tests(base), tests(series)))
    lost = sorted(t for t, r in base.tests.items() if r == 'pass' and series.tests.get(t) != 'pass')
    for t in sorted(set(base.tests) | set(series.tests)):
        if base.tests.get(t) != series.tests.get(t):
            rows.append(('  ' + t, base.tests.get(t, 'did not run'), series.tests.get(t, 'did not run')))
    hmm_ok = bool(base.tests) and bool(series.tests) and not lost
    sw, sh, so = series.counts(series.lines)
    bw, bh, bo = base.counts(base.lines)
    rows.append(('kernel reports, whole boot', f'{bw} WARNING, {bh} hung-task, {bo} other lines',
                 f'{sw} WARNING, {sh} hung-task, {so} other lines'))
    # In the scenarios the series must have none; elsewhere (boot, the
    # selftests) none of a kind the base has not (a bug of the base's own).
    in_scen = sum(sum(series.counts(lines)) for _, lines in series.scenarios)
    new_kinds = sorted(series.kinds() - base.kinds())
    old_kinds = sorted(series.kinds() & base.kinds())
    if old_kinds:
        rows.append(('  on both kernels, outside the scenarios', '; '.join(old_kinds), 'the same'))
    rows.append(('guest', ('ran to the end' if base.done else 'did not finish') + f' ({base.status})',
                 ('ran to the end' if series.done else 'did not finish') + f' ({series.status})'))
    series_ok &= series.done and in_scen == 0 and sh == 0 and not new_kinds
    base_ok &= base.done

    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows + [('', 'base + test patches', '')])
    print(f"{'':{w0}} | {'base + test patches':{w1}} | series")
    print(f"{'-' * w0}-+-{'-' * w1}-+-{'-' * 20}")
    for r in rows:
        print(f'{r[0]:{w0}} | {r[1]:{w1}} | {r[2]}')
    why = []
    if not base_ok:
        why.append('the base did not hang in mmu_interval_notifier_remove() and warn in every scenario')
    if not series_ok:
        why.append('the series did not pass every scenario with no kernel report' +
                   (' (new outside them: ' + '; '.join(new_kinds) + ')' if new_kinds else ''))
    if not hmm_ok:
        why.append('HMM selftests: ' + ('the series fails ' + ', '.join(lost) if lost else 'no results'))
    if why:
        print('vmtest: FAIL: ' + '; '.join(why))
        return 1
    print(f'vmtest: PASS: the base hangs and warns in all {len(labels)} scenarios, the series passes '
          f'them with no kernel report and adds none elsewhere, and passes every HMM selftest the base passes')
    return 0


if __name__ == '__main__':
    sys.exit(main())
