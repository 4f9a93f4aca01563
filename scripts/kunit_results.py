#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read kunit.py's --json results (never boot logs).

  kunit_results.py show JSON [SKIP_LIST...]
                                        print suites and cases, one verdict line;
                                        exit 1 unless every case passed (>= 1 ran),
                                        but the cases of the SKIP_LISTs skipped
  kunit_results.py status JSON CASE    print CASE's status (suite.case[.param]),
                                        or "missing"
  kunit_results.py before-after BASE_JSON SERIES_JSON FAIL_LIST [SKIP_LIST...]
                                        listed cases fail on the base with the
                                        tests only, all others pass; all pass on
                                        the series (SKIP_LIST: skip on both)
Case names: suite.case, or suite.case.param for a parameterized case's param.
A SKIP_LIST names cases that must skip in this run and pass in another:
those this kernel cannot host (UML: tests/uml-skip.list), and those that
run only when the boot provokes their kernel reports (tests/provoked.list).
"""
import json
import sys


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"FAILED [kunit]: cannot read KUnit results {path}: {e}")


def cases(group, prefix=""):
    """(name, status, suite) for every leaf, in run order."""
    out = []
    for sub in group.get("sub_groups", []):
        name = prefix + sub["name"]
        out += cases(sub, name + ".")
    for tc in group.get("test_cases", []):
        # A suite that crashed before listing its cases shows up as a leaf.
        out.append((prefix + tc["name"], tc["status"]))
    return out


def by_suite(results):
    suites = {}
    for name, status in results:
        suites.setdefault(name.split(".")[0], []).append((name, status))
    return suites


def skip_problems(results, skip_lists):
    """A case of a SKIP_LIST that ran here, or is missing: the list is stale."""
    got = dict(results)
    problems = []
    for skip_list in skip_lists:
        for name in read_list(skip_list):
            if name not in got:
                problems.append(f"{name} (in {skip_list}) did not run")
            elif got[name] != "SKIP":
                problems.append(f"{name} is {got[name]}, not SKIP as {skip_list} says")
    return problems


def skippable(skip_lists):
    return {name for skip_list in skip_lists for name in read_list(skip_list)}


def show(path, *skip_lists):
    results = cases(load(path))
    may_skip = skippable(skip_lists)
    for suite, rows in by_suite(results).items():
        bad = sum(s != "PASS" for _, s in rows)
        print(f"  suite {suite}: {len(rows)} cases, {'all passed' if not bad else f'{bad} not passed'}")
        for name, status in rows:
            print(f"    {status:5} {name}")
    n = len(results)
    passed = sum(s == "PASS" for _, s in results)
    skipped = sum(s == "SKIP" for _, s in results)
    failed = n - passed - skipped
    # A skipped case proves nothing: every case must pass, but those this
    # kernel cannot host, which must skip (and pass elsewhere).
    unlisted = [name for name, s in results if s == "SKIP" and name not in may_skip]
    problems = skip_problems(results, skip_lists)
    ok = n > 0 and failed == 0 and not unlisted and not problems
    print(f"KUnit: {n} cases in {len(by_suite(results))} suites: {passed} passed, "
          f"{failed} failed, {skipped} skipped"
          f"{f' ({skipped - len(unlisted)} as {chr(32).join(skip_lists)} says)' if skip_lists else ''}"
          f": {'PASS' if ok else 'FAIL'}")
    for name in unlisted:
        print(f"  problem: {name} skipped: a skipped case proves nothing")
    for p in problems:
        print(f"  problem: {p}")
    if n == 0:
        print("FAILED [kunit]: no KUnit case ran (check the kunitconfig)", file=sys.stderr)
    return 0 if ok else 1


def read_list(path):
    names = []
    try:
        with open(path) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    names.append(line)
    except OSError as e:
        sys.exit(f"FAILED [before-after]: cannot read {path}: {e}")
    return names


def before_after(base_path, series_path, list_path, *skip_lists):
    base_results, series_results = cases(load(base_path)), cases(load(series_path))
    problems = skip_problems(base_results, skip_lists) + skip_problems(series_results, skip_lists)
    # Cases that skip in this run say nothing either way here.
    may_skip = skippable(skip_lists)
    base = {n: s for n, s in base_results if n not in may_skip}
    series = {n: s for n, s in series_results if n not in may_skip}
    listed = read_list(list_path)
    if not listed:
        problems.append(f"{list_path} lists no case: no test is shown to catch the bug")
    for name in listed:
        if name not in series:
            problems.append(f"{name} (in {list_path}) is not a case of the series run")
    for name in listed:
        b = base.get(name, "did not run (crashed earlier?)")
        s = series.get(name, "missing")
        print(f"  fails on base: {name}: base {b}, series {s}")
        if b == "PASS" or b == "SKIP":
            problems.append(f"{name} is {b} on the base: it proves nothing")
        if s != "PASS":
            problems.append(f"{name} is {s} on the series")
    for name, b in base.items():
        if name in listed:
            continue
        if b != "PASS":
            problems.append(f"{name} is {b} on the base but not listed in {list_path}")
    for name, s in series.items():
        if name not in listed and name not in base:
            problems.append(f"{name} did not run on the base with the tests only")
        if s != "PASS":
            problems.append(f"{name} is {s} on the series")
    print(f"  base with tests only: {len(base)} cases, {sum(v == 'PASS' for v in base.values())} passed; "
          f"series: {len(series)} cases, {sum(v == 'PASS' for v in series.values())} passed")
    for p in dict.fromkeys(problems):
        print(f"  problem: {p}")
    return 1 if problems else 0


def status(path, name):
    print(dict(cases(load(path))).get(name, "missing"))
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "show":
        return show(*argv[2:])
    if len(argv) == 4 and argv[1] == "status":
        return status(*argv[2:])
    if len(argv) >= 5 and argv[1] == "before-after":
        return before_after(*argv[2:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
