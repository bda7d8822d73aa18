#!/usr/bin/python3
"""Brian2's side of `make bench`: the tuning curve in three formulations.

  seed        the notebook's firing_rate(): one network per delta_t, numpy target.
  fastest     one network for all delta_t (points x n neurons, 2 x points generator
              neurons, each pair wired to its own block), cython target. Run once to warm
              Brian's extension cache before timing it ("--warm" does only that).
  standalone  the same network as fastest on the cpp_standalone device with OpenMP on
              every core (--threads, default all): Brian writes a C++ project into --dir,
              compiles it and runs the binary DIR/main, which the bench can time alone.

Prints one JSON line: the formulation, the simulation time inside Python and the curve,
so that the bench can check that both formulations compute the same figure.

Usage: brian2_tuning.py seed|fastest|standalone [--n 10000] [--points 41] [--warm] [--seed 1]
                        [--dir DIR] [--threads K]
"""
import argparse
import json
import sys
import time
import warnings

T0 = time.perf_counter()
warnings.filterwarnings('ignore')

p = argparse.ArgumentParser()
p.add_argument('formulation', choices=['seed', 'fastest', 'standalone'])
p.add_argument('--n', type=int, default=10000)
p.add_argument('--points', type=int, default=41)
p.add_argument('--seed', type=int, default=1)
p.add_argument('--warm', action='store_true', help='only compile (fills the cython cache)')
p.add_argument('--dir', default='brian2_standalone', help='standalone: the C++ project folder')
p.add_argument('--threads', type=int, default=0, help='standalone: OpenMP threads (0: every core)')
args = p.parse_args()

import os  # noqa: E402
import numpy as np  # noqa: E402
from brian2 import (ms, prefs, seed, run, start_scope, Network, NeuronGroup,  # noqa: E402
                    SpikeGeneratorGroup, SpikeMonitor, Synapses, BrianLogger, set_device)

BrianLogger.suppress_hierarchy('brian2')
T_IMPORT = time.perf_counter()

EQS = 'dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1'
tau = 2 * ms
sigma = 0.3
w = 0.8
DELTA_T = np.linspace(-10, 10, args.points) * ms


def firing_rate(delta_t, w, N=10000, tau=2 * ms, sigma=0.3):
    """The notebook's function, unchanged in substance."""
    start_scope()
    H = SpikeGeneratorGroup(2, [0, 1], [150 * ms, 150 * ms + delta_t])
    G = NeuronGroup(N, EQS, threshold='v>1', reset='v=0', method='euler')
    S = Synapses(H, G, on_pre='v += w')
    M = SpikeMonitor(G)
    S.connect(p=1)
    run(200 * ms)
    return M.count[:]


def seed_formulation():
    prefs.codegen.target = 'numpy'
    seed(args.seed)
    return [firing_rate(d, w=w, N=args.n) for d in DELTA_T]


def fastest_formulation(duration=200 * ms, standalone=False):
    if standalone:
        set_device('cpp_standalone', directory=args.dir, build_on_run=True)
        prefs.devices.cpp_standalone.openmp_threads = args.threads or os.cpu_count()
    else:
        prefs.codegen.target = 'cython'
    seed(args.seed)
    points, block = len(DELTA_T), args.n
    # Generator neuron 2k fires at 150 ms, 2k+1 at 150 ms + delta_t[k].
    indices = np.arange(2 * points)
    times = np.empty(2 * points) * ms
    times[0::2] = 150 * ms
    times[1::2] = 150 * ms + DELTA_T
    H = SpikeGeneratorGroup(2 * points, indices, times)
    G = NeuronGroup(points * block, EQS, threshold='v>1', reset='v=0', method='euler',
                    namespace={'tau': tau, 'sigma': sigma})
    # `N` is reserved inside connect expressions: the block size is called `block`.
    S = Synapses(H, G, on_pre='v += w', namespace={'w': w})
    S.connect(j='k for k in range((i//2)*block, (i//2 + 1)*block)',
              namespace={'block': block})
    M = SpikeMonitor(G)
    net = Network(H, G, S, M)
    net.run(duration)
    counts = np.asarray(M.count[:])
    return [counts[k * block:(k + 1) * block] for k in range(points)]


T_START = time.perf_counter()
if args.formulation == 'seed':
    counts = seed_formulation()
elif args.formulation == 'standalone':
    counts = fastest_formulation(standalone=True)
elif args.warm:
    counts = fastest_formulation(duration=1 * ms)
else:
    counts = fastest_formulation()
T_END = time.perf_counter()

means = [float(np.mean(c)) for c in counts]
sems = [float(np.std(c, ddof=1) / np.sqrt(len(c))) for c in counts]
json.dump({
    'formulation': args.formulation,
    'target': {'seed': 'numpy', 'fastest': 'cython', 'standalone': 'cpp_standalone'}[args.formulation],
    'import_s': T_IMPORT - T0,
    'simulate_s': T_END - T_START,
    'deltaT_ms': [float(d / ms) for d in DELTA_T],
    'mean': means,
    'sem': sems,
}, sys.stdout)
sys.stdout.write('\n')
