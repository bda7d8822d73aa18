#!/usr/bin/python3
"""Reference values for tests/sim/libm.test.ts: glibc 2.36's own pow, expm1, tanh, log10, sin,
cos and tan on this machine, called through ctypes (no Python-level exceptions or special cases).

    /usr/bin/python3 scripts/libm_fixtures.py

Writes tests/fixtures/numpy/libm-core.json, floats as the 16 hex digits of their bits.
"""
import ctypes
import json
import math
import os
import struct
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'numpy', 'libm-core.json')
LIBM = ctypes.CDLL('libm.so.6')
for name in ('pow',):
    getattr(LIBM, name).argtypes = [ctypes.c_double, ctypes.c_double]
    getattr(LIBM, name).restype = ctypes.c_double
for name in ('expm1', 'tanh', 'log10', 'sin', 'cos', 'tan'):
    getattr(LIBM, name).argtypes = [ctypes.c_double]
    getattr(LIBM, name).restype = ctypes.c_double


def hexes(values):
    return ' '.join(struct.pack('>d', float(v)).hex() for v in values)


def cases():
    rs = np.random.RandomState(20)
    inf, nan = float('inf'), float('nan')
    # pow off its main path: special values, subnormal bases, negative bases, huge and tiny
    # exponents, results that overflow or fall into the subnormals.
    special = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, inf, -inf, nan, 5e-324, -5e-324, 1e300, -1e300,
               2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** -70, 1 / 3]
    px = [x for x in special for _ in special]
    py = [y for _ in special for y in special]
    sub = list(rs.rand(300) * 1e-308)
    px += sub + [-x for x in sub[:100]]
    py += list((rs.rand(300) - 0.5) * 4) + [float(k) for k in rs.randint(-3, 4, 100)]
    neg = list(-rs.rand(300) * 20)
    px += neg
    py += [float(k) for k in rs.randint(-40, 41, 300)]
    big = list(rs.rand(300) * 10 + 1)
    px += big + big
    py += list(rs.rand(300) * 800 + 100) + list(-rs.rand(300) * 800 - 100)  # near overflow / into subnormals
    px += list(rs.rand(200) + 0.5)
    py += list((rs.rand(100) - 0.5) * 2.0 ** -60) + list((rs.rand(100) - 0.5) * 2.0 ** 70)
    # The one-argument functions: their whole working range and the reduction paths.
    e = [0.0, -0.0, inf, -inf, nan, 1e-300, -1e-20, 0.3, -0.3, 0.35, 0.5, 1.0, -1.0, 38.0, -38.0, 39.0, -39.0, 700.0, 709.78,
         709.79, -745.0, 1e5]
    e += list((rs.rand(800) - 0.5) * 2) + list((rs.rand(800) - 0.5) * 100) + list((rs.rand(200) - 0.5) * 1500)
    t = e + list((rs.rand(200) - 0.5) * 2e-8)
    l = [0.0, -1.0, inf, nan, 1e-320, 5e-324, 1.0, 10.0, 1e22, 1e-300, 1.7976931348623157e308]
    l += list(10.0 ** ((rs.rand(800) - 0.5) * 600)) + list(rs.rand(200) + 0.5)
    s = [0.0, -0.0, inf, nan, 1e-300, math.pi / 4, math.pi / 2, math.pi, 1e6, 1647099.3291652855, 1647099.5, 1e22, 1e300,
         -1e300, 1.7976931348623157e308, 2.0 ** 60]
    s += list((rs.rand(800) - 0.5) * 10) + list((rs.rand(300) - 0.5) * 2e4) + list((rs.rand(200) - 0.5) * 4e6)
    s += list((rs.rand(200) - 0.5) * 10.0 ** rs.randint(7, 300, 200))
    one = {name: {'in': hexes(xs), 'out': hexes([getattr(LIBM, name)(x) for x in xs])}
           for name, xs in (('expm1', e), ('tanh', t), ('log10', l), ('sin', s), ('cos', s), ('tan', s))}
    return {'pow_x': hexes(px), 'pow_y': hexes(py), 'pow_out': hexes([LIBM.pow(x, y) for x, y in zip(px, py)]), **one}


if __name__ == '__main__':
    with open(OUT, 'w') as f:
        json.dump(cases(), f, separators=(',', ':'))
    print(f'{OUT}: {os.path.getsize(OUT)} bytes', file=sys.stderr)
