#!/usr/bin/python3
"""Regenerate the Brian2 reference fixtures in tests/fixtures/.

The TypeScript tests compare snn-figs against these committed JSON files, so the
tests never need Python. These scripts are the only thing that needs Brian2.

How to run (from the repository root; any working directory works):

    /usr/bin/python3 scripts/brian2_fixtures.py              # everything (~60 s; tuning curves ~40 s)
    /usr/bin/python3 scripts/brian2_fixtures.py --only stp   # one figure
    /usr/bin/python3 scripts/brian2_fixtures.py --only refractory --only timing
    /usr/bin/python3 scripts/brian2_fixtures.py --list       # list fixture names

`--only NAME` (repeatable) selects fixtures whose name is NAME, whose figure or
core feature is NAME, or whose group is NAME ("figures", "tuning", "core").

Use /usr/bin/python3 (the Debian python3-brian package, Brian2 2.5.1). The
numpy code generation target is used, as in the course notebook.

Layout: one module per figure or core feature in scripts/fixtures/, each with a
jobs() function; common.py holds the shared helpers. A figure's fixtures are
tests/fixtures/figures/<figure>--<case>.json ({"figure", "case", "args",
"series": {"<panel>/<series>": {"x", "y"}}}: args are the CLI options of the
case, x is M.t/ms, y exactly what the notebook plots); a core feature's are
tests/fixtures/core/<feature>--<case>.json (the model as run and Brian's
results), read by tests/parity-core-<feature>.test.ts.

Determinism: every simulation starts from start_scope() (or a fresh Network)
with dt set explicitly; randomness is seeded with Brian's seed(s). Floats are
written with Python's shortest round-trip repr, keys in a fixed order: running
the script twice gives byte-identical files.
"""

import argparse
import glob
import importlib
import os
import sys
import time

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')
sys.path.insert(0, HERE)


def all_jobs():
    jobs = []
    for path in sorted(glob.glob(os.path.join(HERE, '*.py'))):
        name = os.path.basename(path)[:-3]
        if name in ('common', 'models'):
            continue
        jobs += importlib.import_module(name).jobs()
    return jobs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--only', action='append', metavar='NAME',
                        help='fixture name, figure, core feature or group (repeatable)')
    parser.add_argument('--list', action='store_true', help='list fixture names and exit')
    opts = parser.parse_args(argv)
    jobs = all_jobs()
    if opts.list:
        for name, groups, _ in jobs:
            print(f'{name:45s} {",".join(sorted(groups))}')
        return 0
    selected = [j for j in jobs
                if not opts.only or any(o == j[0] or o in j[1] for o in opts.only)]
    if not selected:
        parser.error(f'nothing matches {opts.only}; see --list')
    t0 = time.time()
    for name, _, job in selected:
        job()
    print(f'{len(selected)} fixture(s) in {time.time()-t0:.1f} s')
    return 0


if __name__ == '__main__':
    sys.exit(main())
