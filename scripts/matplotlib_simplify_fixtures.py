"""The vertices matplotlib 3.6's path simplification keeps (tests/fixtures/render/simplify-matplotlib.json).

Run with /usr/bin/python3 (matplotlib 3.6.3); the tests read the committed JSON and need no Python.
Each case is a line path (x, y; None where a value is not finite) and a threshold; matplotlib's
Path.cleaned(simplify=True, remove_nans=True) gives the drawn path as (code, x, y) with code 1 a
move and 2 a line-to (the closing STOP left out).
"""
import json
import sys

import numpy as np
from matplotlib.path import Path


def cases():
    rng = np.random.RandomState(7)
    n = 1000
    x = np.arange(n) * 0.06
    for k, (step, thr) in enumerate([(0.05, 0.1), (1.0, 0.1), (0.3, 1 / 9), (10.0, 0.5)]):
        yield f'random-walk-{k}', x, np.cumsum((rng.rand(n) - 0.5) * step), thr
    # A dense noisy trace, 25 samples per unit, spikes to 50 (reliable-spike-timing's kind).
    t = np.arange(2000) * 0.04
    v = np.cumsum(rng.randn(2000)) * 0.3
    v[rng.rand(2000) < 0.008] = 50
    yield 'noisy-trace', t, v, 1 / 9
    yield 'straight', np.arange(300.0), 2 * np.arange(300.0) + 3, 0.1
    yield 'spike', np.arange(400.0), np.where(np.arange(400) == 200, 100.0, 0.0), 0.1
    yield 'back-and-forth', np.array([0, 1, 2, 3, 4, 3, 2, 1, 2, 3, 5, 6] * 12, float), np.zeros(144), 0.1
    yield 'zigzag-under', np.arange(300.0), (np.arange(300) % 2) * 0.09, 0.1
    yield 'zigzag-over', np.arange(300.0), (np.arange(300) % 2) * 0.5, 0.1
    gaps = np.sin(np.arange(400) * 0.05) * 20
    gaps[[100, 101, 250, 399]] = np.nan
    gaps[300] = np.inf
    yield 'gaps', np.arange(400.0), gaps, 0.2
    lone = np.cos(np.arange(300) * 0.1) * 5
    lone[[0, 2, 150, 152]] = np.nan
    yield 'lone-points', np.arange(300.0), lone, 0.2
    repeat = np.repeat(np.sin(np.arange(100) * 0.3) * 10, 3)
    yield 'repeated-vertices', np.repeat(np.arange(100.0), 3), repeat, 0.1


def drawn(x, y, threshold):
    path = Path(np.column_stack([x, y]))
    path.simplify_threshold = threshold
    clean = path.cleaned(simplify=True, remove_nans=True)
    return [[int(c), float(vx), float(vy)] for (vx, vy), c in zip(clean.vertices, clean.codes) if c != Path.STOP]


def finite_or_none(values):
    return [float(v) if np.isfinite(v) else None for v in values]


out = [{'name': name, 'threshold': thr, 'x': finite_or_none(x), 'y': finite_or_none(y), 'drawn': drawn(x, y, thr)}
       for name, x, y, thr in cases()]
json.dump(out, sys.stdout if len(sys.argv) < 2 else open(sys.argv[1], 'w'), separators=(',', ':'))
