#!/usr/bin/python3
"""Reference data for tests/numpy-*.test.ts, from numpy 1.24 / scipy 1.10 themselves.

Run with /usr/bin/python3 (the interpreter that has numpy 1.24 and scipy 1.10):

    /usr/bin/python3 scripts/numpy_fixtures.py            # all fixtures
    /usr/bin/python3 scripts/numpy_fixtures.py random     # one group: random, filter, libm, walk, cells

Writes tests/fixtures/numpy/*.json. Floats are stored as the 16 hex digits of their IEEE-754
bits (exact, compact); long streams as the SHA-256 of their little-endian bytes plus the first
values, so a test can still say where it went wrong.
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'numpy')
COURSE = os.path.join(ROOT, '..', 'shared', 'reference', 'course-scripts')
LONG = 64  # streams longer than this are stored as a hash plus their head


def hexes(values):
    return ' '.join(struct.pack('>d', float(v)).hex() for v in np.asarray(values, dtype=np.float64).ravel())


def encode(values, integer):
    arr = np.asarray(values)
    flat = arr.astype(np.float64).ravel()
    if len(flat) <= LONG:
        return {'ints': [int(v) for v in arr.ravel()]} if integer else {'hex': hexes(flat)}
    digest = hashlib.sha256(flat.astype('<f8').tobytes()).hexdigest()
    head = flat[:8]
    return {'n': len(flat), 'sha256': digest,
            **({'head_ints': [int(v) for v in head]} if integer else {'head_hex': hexes(head)})}


def run_calls(seed, calls):
    """Applies calls to one RandomState in order; returns the encoded output of each."""
    rs = np.random.RandomState(seed)
    outputs = []
    for call in calls:
        name, args = call[0], call[1:]
        if name == 'seed':
            rs.seed(args[0]); outputs.append(None); continue
        if name == 'rand':
            out, integer = rs.rand(args[0]), False
        elif name == 'randn':
            out, integer = rs.randn(args[0]), False
        elif name == 'randn_scalar':
            out, integer = [rs.randn()], False
        elif name == 'standard_exponential':
            out, integer = rs.standard_exponential(args[0]), False
        elif name == 'exponential':
            out, integer = rs.exponential(args[0], args[1]), False
        elif name == 'poisson':
            out, integer = rs.poisson(args[0], args[1]), True
        elif name == 'randint':
            out, integer = rs.randint(args[0], args[1], size=args[2]), True
        elif name == 'shuffle':
            out = np.arange(args[0]); rs.shuffle(out); integer = True
        elif name == 'permutation':
            out, integer = rs.permutation(args[0]), True
        elif name == 'choice':
            a, size, p = args
            out = rs.choice(a, size=size, p=p)
            integer = isinstance(a, int) or all(float(v).is_integer() for v in a)
            if not integer:
                out = np.asarray(out, dtype=np.float64)
        else:
            raise ValueError(name)
        outputs.append(encode(out, integer))
    return outputs


def random_cases():
    seeds = [0, 1, 2, 7, 42, 1234, 21303, 65535, 2**31 - 1, 2**31, 2**32 - 1, 3141592653, 271828182]
    sizes = [0, 1, 2, 3, 10, 623, 624, 625, 1000]
    cases = []
    for s in seeds:
        cases.append({'seed': s, 'calls': [['rand', n] for n in sizes] + [['rand', 5000]]})
        # the cached second normal survives across calls of any size and across rand()
        cases.append({'seed': s, 'calls': [['randn', 1], ['randn', 25], ['randn_scalar'], ['rand', 3],
                                           ['randn', 2], ['randn', 3], ['randn', 1000], ['randn', 20000]]})
        cases.append({'seed': s, 'calls': [['standard_exponential', 100], ['exponential', 20.0, 100],
                                           ['exponential', 0.0, 3], ['exponential', 1e-300, 5],
                                           ['randn', 1], ['exponential', 3.5, 20000]]})
        cases.append({'seed': s, 'calls': [['poisson', lam, 200] for lam in
                                           [0.0, 1e-9, 0.5, 1.0, 4.0, 9.999999, 10.0, 10.5, 20.0, 33.3, 100.0,
                                            1234.5, 1e6, 1e12]] + [['poisson', 20.0, 20000], ['poisson', 3.0, 20000]]})
        cases.append({'seed': s, 'calls': [['randint', 0, 2, 50], ['randint', 0, 3, 50], ['randint', -5, 5, 50],
                                           ['randint', 0, 1, 5], ['randint', 0, 2**31, 20],
                                           ['randint', 0, 2**32 - 1, 20], ['randint', 0, 2**32, 20],
                                           ['randint', -2**40, 2**40 + 17, 20], ['randint', 0, 2**53, 20],
                                           ['randint', 10, 1000, 20000]]})
        cases.append({'seed': s, 'calls': [['shuffle', n] for n in [0, 1, 2, 3, 30, 1000]] +
                      [['permutation', 10], ['shuffle', 100000]]})
        cases.append({'seed': s, 'calls': [
            ['choice', [1, 0, -1], 10, [1/3 + 0.01, 1/3 - 0.005, 1/3 - 0.005]],
            ['choice', [1, 0, -1], 1000, [0.4, 0.3, 0.3]],
            ['choice', 5, 40, None], ['choice', [2.5, -1.25, 7.0], 30, None],
            ['choice', 4, 40, [0.0, 0.5, 0.0, 0.5]], ['choice', 1, 5, None],
            ['choice', [1, 0, -1], 20000, [1/3 + 0.05, 1/3 - 0.025, 1/3 - 0.025]]]})
    # the global functions, as the course cells call them after numpy.random.seed()
    np.random.seed(21303)
    walk = np.random.choice([1, 0, -1], p=(1/3 + 0.01, 1/3 - 0.005, 1/3 - 0.005), size=10)
    return {'cases': [{**c, 'outputs': run_calls(c['seed'], c['calls'])} for c in cases],
            'walk21303': [int(v) for v in walk]}


def filter_cases():
    """gaussian_filter of spike trains (spikes at both edges included) and smooth signals."""
    from scipy.ndimage import gaussian_filter
    from scipy.ndimage._filters import _gaussian_kernel1d
    rs = np.random.RandomState(7)
    signals = []
    for n, k in [(1000, 15), (1000, 40), (200, 5), (37, 3), (9, 2), (1, 1), (2, 1)]:
        x = np.zeros(n)
        x[rs.randint(0, n, size=k)] = 1
        x[0] = 1
        x[-1] = 1
        signals.append(x)
    signals.append(np.sin(np.linspace(0, 7, 300)) + rs.randn(300) * 0.1)
    signals.append(rs.rand(50) * 1e3 - 500)
    kernels = [(sigma, 4.0) for sigma in [49.95, 9.99, 0.999, 0.5, 1.0, 2.5, 3.0, 7.3, 25.0, 120.0, 1e-16, 0.1, 0.12]]
    kernels += [(9.99, 1.0), (9.99, 2.5), (9.99, 6.0)]
    out = {'signals': [hexes(x) for x in signals], 'kernels': [], 'sha256': [], 'full': []}
    for sigma, truncate in kernels:
        radius = int(truncate * sigma + 0.5)
        # what correlate1d receives: the kernel reversed (symmetric here)
        out['kernels'].append({'sigma': sigma, 'truncate': truncate,
                               'weights': hexes(_gaussian_kernel1d(sigma, 0, radius)[::-1])})
    for i, x in enumerate(signals):
        row = []
        for k, (sigma, truncate) in enumerate(kernels):
            y = gaussian_filter(x, sigma, truncate=truncate)
            row.append(hashlib.sha256(y.astype('<f8').tobytes()).hexdigest())
            if i < 2 and k < 3 or i >= 4:  # the notebook's three widths, and the short signals
                out['full'].append({'signal': i, 'kernel': k, 'output': hexes(y)})
        out['sha256'].append(row)
    return out


def course(script, *options):
    """The plotted data of a course reference script run with snn-figs' option names."""
    with tempfile.TemporaryDirectory() as tmp:
        png, js = os.path.join(tmp, 'o.png'), os.path.join(tmp, 'o.json')
        subprocess.run([sys.executable, os.path.join(COURSE, script), png, js, *options],
                       check=True, cwd=COURSE, capture_output=True)
        with open(js) as f:
            return json.load(f)


def series(panel, sid):
    return next(s for s in panel['series'] if s['id'] == sid)


def walk_cases():
    cases = []
    for opts in [[], ['--n', '30'], ['--n', '100'], ['--n', '1000'], ['--n', '1000', '--seed', '7', '--bias', '0.1'],
                 ['--n', '500', '--seed', '4294967295', '--bias', '-0.2', '--thresh-frac', '0.5'],
                 ['--n', '64', '--seed', '0', '--thresh-frac', '0.3'],
                 ['--n', '1251'], ['--n', '5004', '--seed', '3', '--thresh-frac', '0.2'],  # pow != sqrt here
                 ['--draws', '-1,1,0,1,0,0,1,1,0'], ['--n', '30', '--draws',
                 '-1,-1,-1,-1,1,1,0,0,0,0,-1,0,0,-1,1,1,1,-1,0,0,-1,1,1,1,-1,1,-1,0,-1']]:
        d = course('week7_decision-random-walk.py', *opts)
        ev = d['panels'][1]
        cases.append({'options': opts, 'n': d['params']['n'], 'p': hexes(d['params']['p']),
                      'draws': d['extra']['draws'], 'y': series(ev, 'evidence')['y'],
                      'ymean': hexes([d['extra']['ymean']]), 'threshold': hexes([d['extra']['ythresh']]),
                      'rt': d['extra']['RT']})
    return {'cases': cases}


def reaction_cases():
    cases = []
    for opts in [[], ['--seed', '2', '--n', '300', '--repeats', '3000'],
                 ['--seed', '123456', '--bias', '0.0', '--low', '0.2', '--high', '1.1', '--bins', '37',
                  '--n', '400', '--repeats', '2500'],
                 ['--seed', '9', '--n', '50', '--repeats', '100', '--low', '0.05', '--bins', '7']]:
        d = course('week7_reaction-times.py', *opts)
        out = {'options': opts}
        for sid in ['low', 'high']:
            h = series(d['panels'][0], sid)
            out[sid] = {'edges': hexes(h['edges']), 'counts': [int(c) for c in h['y']]}
        cases.append(out)
    return {'cases': cases}


def analogue_cases():
    cases = []
    for opts in [[], ['--seed', '3', '--points', '57', '--noise', '0.6', '--bits', '101', '--chirp', '2.5',
                      '--cutoff', '0.1'], ['--seed', '77', '--points', '1000', '--bits', '1']]:
        d = course('week9_analogue-vs-digital.py', *opts)
        out = {'options': opts, 't': hexes(d['panels'][0]['series'][0]['x'])}
        for p in d['panels']:
            out[p['id']] = hexes(p['series'][0]['y'])
        cases.append(out)
    return {'cases': cases}


def spike_rate_cases():
    cases = []
    for opts in [[], ['--seed', '5', '--spikes', '40', '--points', '500', '--widths', '2,0.5,10,0.05'],
                 ['--seed', '1000', '--spikes', '3', '--points', '80', '--widths', '30,3']]:
        d = course('week9_spike-vs-rate.py', *opts)
        cases.append({'options': opts, 't': hexes(d['panels'][0]['series'][0]['x']),
                      'spike_times': hexes(d['extra']['spike_times']), 'spike_indices': d['extra']['spike_indices'],
                      'panels': [{'id': p['id'], 'title': p['title'], 'spikes': hexes(series(p, 'spikes')['y']),
                                  'rate': hexes(series(p, 'rate')['y'])} for p in d['panels']]})
    return {'cases': cases}


def code_cases():
    cases = []
    for opts in [[], ['--seed', '11', '--neurons', '50', '--active', '7', '--mean-spikes', '12.5', '--jitter', '0.05'],
                 ['--seed', '4294967295', '--neurons', '8', '--active', '8', '--mean-spikes', '3']]:
        d = course('week9_coincidence-rank-code.py', *opts)
        out = {'options': opts}
        for p in d['panels']:
            s0 = p['series'][0]
            if p['id'].endswith('-before'):
                out[p['id']] = {'times': hexes(s0['x']), 'neurons': s0['y']}
            elif p['id'].endswith('-after'):
                out[p['id']] = {'neurons': s0['y'], 'permutation': p['extra']['permutation']}
            else:
                out[p['id']] = {'edges': hexes(s0['edges']), 'counts': [int(c) for c in s0['y']]}
        cases.append(out)
    return {'cases': cases}


def libm_cases():
    """glibc's log and exp (what numpy's random C code calls), through Python's math module."""
    import math
    rs = np.random.RandomState(3)
    xs = [0.0, -0.0, 1.0, -1.0, float('inf'), float('-inf'), float('nan'), 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 0.9375, 0.9374999999999999, 1.0644531249999998,
          1.064453125, 1 - 2**-53, 1 + 2**-52, 0.5, 2.0, math.e, 1e-300, 1e300]
    xs += list(rs.rand(2000)) + list(1 + (rs.rand(1500) - 0.5) * 0.15) + list(rs.rand(500) * 30)
    xs += list(np.frombuffer(rs.randint(0, 2**62, size=500, dtype=np.int64).astype('<i8').tobytes(), '<f8'))
    xs += list(rs.rand(300) * 1e-310)  # subnormals
    u = rs.rand(3000) * 2 - 1
    r2 = u[0::2] ** 2 + u[1::2] ** 2
    xs += list(r2[(r2 < 1) & (r2 > 0)])
    es = [0.0, -0.0, 1e-17, -1e-17, 5.551115123125783e-17, 709.782712893384, 709.7827128933841, -708.3964185322641,
          -745.1332191019411, -745.1332191019412, -1000.0, 1000.0, float('inf'), float('-inf'), float('nan'),
          511.9, 512.0, -512.0, -600.0, 600.0, -740.0, -730.0, 1e-300]
    es += list((rs.rand(2000) - 0.5) * 40) + list(-rs.rand(1000) * 10) + list((rs.rand(500) - 0.5) * 1500)
    def guard(f, v):
        try:
            return f(v)
        except (ValueError, OverflowError):
            return {math.log: float('nan') if v != 0 else float('-inf'), math.exp: float('inf')}[f]
    logs = [guard(math.log, x) for x in xs]
    exps = [guard(math.exp, e) for e in es]
    # numpy's own float64 exp ufunc (Intel SVML on an AVX-512 machine), as scipy's kernels use it
    ns = np.concatenate([(rs.rand(2000) - 0.5) * 100, -rs.rand(1000) * 10, (rs.rand(300) - 0.5) * 1400,
                         [0.0, -0.0, 1e-300, -1e-20, 707.0, -707.0, -0.5 / (9.99 * 9.99) * 40 ** 2]])
    ss = np.concatenate([2 * np.pi * rs.rand(1500) ** 2 * 5, (rs.rand(1000) - 0.5) * 200,
                         (rs.rand(300) - 0.5) * 3e7, [0.0, -0.0, 1e-300, np.pi, -np.pi, 16777216.0]])
    # Python's float ** (glibc pow): the walks' (2n/pi)**.5, where it differs from sqrt, and more
    halves = [2 * n / math.pi for n in range(1, 200001) if (2 * n / math.pi) ** .5 != math.sqrt(2 * n / math.pi)]
    px = halves + list(rs.rand(1000) * 100) + list(rs.rand(1000) * 10 + 0.01)
    py = [0.5] * (len(halves) + 1000) + list((rs.rand(1000) - 0.5) * 20)
    return {'log_in': hexes(xs), 'log_out': hexes(logs), 'exp_in': hexes(es), 'exp_out': hexes(exps),
            'numpy_exp_in': hexes(ns), 'numpy_exp_out': hexes(np.exp(ns)),
            'numpy_sin_in': hexes(ss), 'numpy_sin_out': hexes(np.sin(ss)),
            'pow_x': hexes(px), 'pow_y': hexes(py), 'pow_out': hexes([x ** y for x, y in zip(px, py)])}


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
    print(f'{path}: {os.path.getsize(path)} bytes', file=sys.stderr)


GROUPS = {'random': lambda: write('random.json', random_cases()),
          'filter': lambda: write('gaussian-filter.json', filter_cases()),
          'libm': lambda: write('libm.json', libm_cases()),
          'walk': lambda: write('cell-decision-random-walk.json', walk_cases()),
          'cells': lambda: [write('cell-decision-random-walk.json', walk_cases()),
                            write('cell-reaction-times.json', reaction_cases()),
                            write('cell-analogue-vs-digital.json', analogue_cases()),
                            write('cell-spike-vs-rate.json', spike_rate_cases()),
                            write('cell-coincidence-rank-code.json', code_cases())]}

if __name__ == '__main__':
    wanted = sys.argv[1:] or list(GROUPS)
    for g in wanted:
        GROUPS[g]()
