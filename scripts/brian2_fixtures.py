#!/usr/bin/python3
"""Regenerate the Brian2 reference fixtures in tests/fixtures/.

The TypeScript tests compare snn-figs against these committed JSON files, so the
tests never need Python. This script is the only thing that needs Brian2.

How to run (from the repository root; any working directory works):

    /usr/bin/python3 scripts/brian2_fixtures.py              # everything (~50 s; tuning curves ~40 s)
    /usr/bin/python3 scripts/brian2_fixtures.py --only stp   # one figure
    /usr/bin/python3 scripts/brian2_fixtures.py --only stp--defaults --only core
    /usr/bin/python3 scripts/brian2_fixtures.py --list       # list fixture names

`--only NAME` (repeatable) selects fixtures whose name is NAME, whose figure is
NAME, or whose group is NAME ("figures", "tuning", "core").

Use /usr/bin/python3 (the Debian python3-brian package, Brian2 2.5.1). The
numpy code generation target is used, as in the course notebook.

What is written
---------------
tests/fixtures/figures/<figure>--<case>.json
    Part A. The curves the notebook plots, for the defaults and other parameter
    sets: {"figure", "case", "args", "series": {"<panel>/<series>": {"x", "y"}}}.
    `args` are the snn-figs CLI options that reproduce the case (only those that
    differ from the defaults), x is M.t/ms and y is exactly what the notebook
    plots (x/amax(x) where the notebook normalises).
tests/fixtures/figures/tuning-curve--<case>.json
    Part B. Spike-time tuning curve statistics: mean spike count per neuron
    (the notebook's firing_rate), its standard error, N, the seed, and the mean
    spontaneous count (same network, no input spikes). Stochastic: parity with
    snn-figs is statistical, not exact.
tests/fixtures/core/<name>.json
    Part C. Small models pinning down Brian's exact spike timing and clock
    rules. Each holds the full model description (equations, method,
    threshold, reset, synapses, namespace in SI units, generator spikes in
    seconds, dt, the run/assign sequence), Brian's own state-update and on_pre
    abstract code, and the results: t_s (StateMonitor times in seconds),
    traces {var: [[neuron 0 samples], ...]}, spikes {i, t_s} and counts from
    a SpikeMonitor on the group (empty without threshold), generator_spikes
    {i, t_s, steps} from a SpikeMonitor on the SpikeGeneratorGroup, and
    run_segments (samples taken by each run() and the resulting Network.t).

Determinism
-----------
Every simulation starts from start_scope() (or a fresh Network) with
defaultclock.dt set explicitly; the only randomness (tuning curve) is seeded
with Brian's seed(s) right before the sweep, as in the notebook. Floats are
written with Python's shortest round-trip repr (full float64 precision), keys
in a fixed order. Running the script twice gives byte-identical files.

Each figure function mirrors its notebook cell: same equations, same object
creation order, same run/assign sequence and same integration methods, with
the notebook's constants replaced by parameters. Times given in ms on the
CLI are turned into Brian quantities as value*ms, like the notebook does.
"""

import argparse
import json
import logging
import math
import os
import sys
import time
import warnings

# pythran (pulled in by Brian) emits FutureWarnings with the installed numpy.
warnings.filterwarnings("ignore", category=FutureWarning)

# Brian must not be imported from inside its own package directory; the
# script itself does not depend on the working directory.
from brian2 import (  # noqa: E402
    Network, NeuronGroup, SpikeGeneratorGroup, SpikeMonitor, StateMonitor,
    Synapses, defaultclock, ms, prefs, run, second, seed, start_scope,
)
import brian2  # noqa: E402
import numpy as np  # noqa: E402

prefs.codegen.target = 'numpy'
# Suppress warnings in Brian2 (as the notebook does)
logging.getLogger('brian2').setLevel(logging.ERROR)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, 'tests', 'fixtures')
GENERATOR = 'scripts/brian2_fixtures.py'


def amax(x):
    return np.amax(x)


def normed(x):
    # as in the notebook
    return x/amax(x)


def floats(a):
    """A numpy array (any shape) as nested lists of Python floats."""
    return np.asarray(a, dtype=float).tolist()


# ---------------------------------------------------------------------------
# JSON output: deterministic, readable (objects indented, scalar lists on one
# line), floats as Python's shortest round-trip repr.
# ---------------------------------------------------------------------------

def _scalar(v):
    if isinstance(v, (bool, np.bool_)):
        return 'true' if v else 'false'
    if v is None:
        return 'null'
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if not math.isfinite(f):
            raise ValueError('non-finite value in fixture')
        return repr(f)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    raise TypeError(f'cannot serialise {type(v)}')


def _dump(v, indent):
    pad = '  ' * indent
    if isinstance(v, dict):
        if not v:
            return '{}'
        items = [f'{pad}  {json.dumps(str(k))}: {_dump(val, indent + 1)}'
                 for k, val in v.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(v, (list, tuple)):
        if all(not isinstance(e, (dict, list, tuple)) for e in v):
            return '[' + ', '.join(_scalar(e) for e in v) + ']'
        items = [f'{pad}  {_dump(e, indent + 1)}' for e in v]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    return _scalar(v)


def write_json(relpath, obj):
    path = os.path.join(FIXTURES, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = _dump(obj, 0) + '\n'
    json.loads(text)  # sanity: valid JSON
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'  wrote tests/fixtures/{relpath} ({len(text)//1024} KiB)')


# ---------------------------------------------------------------------------
# CLI parameters: option -> (kind, default). Kinds: 'time' (ms), 'num', 'int',
# 'str', 'times' (comma-separated list in ms).
# ---------------------------------------------------------------------------

FIGURE_OPTIONS = {
    'psp-abstraction': {
        'tau': ('time', 10), 'tau-x': ('time', 8), 'tau-g': ('time', 8),
        'spike-time': ('time', 10), 'duration': ('time', 100),
        'method': ('str', 'euler'), 'dt': ('time', 0.1),
    },
    'psp-forms': {
        'tau': ('time', 10), 'tau2': ('time', 2), 'spike-time': ('time', 5),
        'duration': ('time', 50), 'method': ('str', 'euler'), 'dt': ('time', 0.1),
    },
    'stp': {
        'tau': ('time', 10),
        'dep-u': ('num', 0.45), 'dep-tau-f': ('time', 50), 'dep-tau-d': ('time', 750),
        'fac-u': ('num', 0.15), 'fac-tau-f': ('time', 750), 'fac-tau-d': ('time', 50),
        'spikes': ('times', [50, 100, 150, 200, 250]), 'duration': ('time', 300),
        'method': ('str', 'euler'), 'dt': ('time', 0.1),
    },
    'coincidence': {
        'tau': ('time', 5), 'w': ('num', 0.6), 'spikes': ('times', [10, 11, 50, 60]),
        'threshold': ('num', 1), 'duration': ('time', 100),
        'method': ('str', 'exact'), 'dt': ('time', 0.1),
    },
    'tuning-curve': {
        'w': ('num', 0.8), 'n': ('int', 10000), 'tau': ('time', 2),
        'sigma': ('num', 0.3), 'delta-min': ('time', -10), 'delta-max': ('time', 10),
        'points': ('int', 41), 'stim-time': ('time', 150), 'duration': ('time', 200),
        'seed': ('int', 1), 'dt': ('time', 0.1),
    },
}


def _fmt_num(v):
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def _fmt_opt(kind, v):
    if kind == 'time':
        return _fmt_num(v) + 'ms'
    if kind == 'times':
        return ','.join(_fmt_num(e) for e in v) + 'ms'
    if kind == 'str':
        return v
    return _fmt_num(v)


def resolve(figure, overrides):
    """Return (params, args): params maps python names to Brian values
    (times as Quantities value*ms), args are the CLI options of the case."""
    spec = FIGURE_OPTIONS[figure]
    unknown = set(overrides) - set(spec)
    if unknown:
        raise KeyError(f'{figure}: unknown options {sorted(unknown)}')
    params, args = {}, []
    for opt, (kind, default) in spec.items():
        value = overrides.get(opt, default)
        if opt in overrides:
            args += ['--' + opt, _fmt_opt(kind, value)]
        # 'dt' would shadow Brian's own dt in the cell's namespace
        name = 'clock_dt' if opt == 'dt' else opt.replace('-', '_')
        if kind == 'time':
            params[name] = value*ms
        elif kind == 'times':
            params[name] = np.array(value, dtype=float)*ms
        elif kind == 'int':
            params[name] = int(value)
        elif kind == 'num':
            params[name] = float(value)
        else:
            params[name] = value
    return params, args


# ---------------------------------------------------------------------------
# Part A: figure cells
# ---------------------------------------------------------------------------

def sim_psp_abstraction(tau, tau_x, tau_g, spike_time, duration, method, clock_dt):
    """Cell 'Level of abstraction'."""
    start_scope()
    defaultclock.dt = clock_dt
    taux = tau_x
    taug = tau_g
    eqs = '''
    dv/dt=-v/tau:1
    du/dt=((taux/tau)**(-tau/(tau-taux))*x-u)/tau:1
    dx/dt=-x/taux:1
    dz/dt=(I-z)/tau:1
    I=g*(z+1):1
    dg/dt=-g/taug:1
    '''
    G = NeuronGroup(1, eqs, method=method)
    M = StateMonitor(G, ('v', 'u', 'z'), record=True)
    run(spike_time)
    G.v = 1
    G.x = 1
    G.g = 1
    run(duration - spike_time)
    x = M.t/ms
    return {
        'psp-abstraction/membrane': (x, M.v[0]),
        'psp-abstraction/current': (x, normed(M.u[0])),
        'psp-abstraction/conductance': (x, normed(M.z[0])),
    }


def sim_psp_forms(tau, tau2, spike_time, duration, method, clock_dt):
    """Cell 'Postsynaptic potential forms'."""
    start_scope()
    defaultclock.dt = clock_dt
    eqs = '''
    dv/dt=-v/tau:1
    du/dt=(x-u)/tau:1
    dx/dt=-x/tau:1
    dz/dt=(I-z)/tau:1
    dI/dt=-I/tau2:1
    '''
    G = NeuronGroup(1, eqs, method=method)
    M = StateMonitor(G, ('v', 'u', 'z'), record=True)
    run(spike_time)
    G.v = 1
    G.x = 1
    G.I = 1
    run(duration - spike_time)
    x = M.t/ms
    return {
        'psp-forms/exponential': (x, normed(M.v[0])),
        'psp-forms/alpha': (x, normed(M.u[0])),
        'psp-forms/biexponential': (x, normed(M.z[0])),
    }


def _stp_runit(tau, tauf, taud, U, spikes, duration, method, clock_dt):
    """The notebook's runit(), minus the plotting."""
    start_scope()
    defaultclock.dt = clock_dt
    eqs = '''
    dv/dt = -v/tau : 1
    du/dt = -u/tauf : 1
    dx/dt = (1-x)/taud : 1
    '''
    H = SpikeGeneratorGroup(1, [0]*len(spikes), spikes)
    G = NeuronGroup(1, eqs, method=method)
    G.x = 1
    S = Synapses(H, G, on_pre='u += U*(1-u); v += u*x; x -= u*x;')
    S.connect(p=1)
    M = StateMonitor(G, ('v', 'u', 'x'), record=True)
    run(duration)
    return M.t/ms, M.v[0], M.u[0], M.x[0]


def sim_stp(tau, dep_u, dep_tau_f, dep_tau_d, fac_u, fac_tau_f, fac_tau_d,
            spikes, duration, method, clock_dt):
    """Cell 'Short term synaptic plasticity': runit(0, depression),
    runit(1, facilitation)."""
    out = {}
    for prefix, tauf, taud, U in (('depression', dep_tau_f, dep_tau_d, dep_u),
                                  ('facilitation', fac_tau_f, fac_tau_d, fac_u)):
        t, v, u, x = _stp_runit(tau, tauf, taud, U, spikes, duration, method, clock_dt)
        out[f'{prefix}-psp/psp'] = (t, v)
        out[f'{prefix}-ux/u'] = (t, u)
        out[f'{prefix}-ux/x'] = (t, x)
    return out


def sim_coincidence(tau, w, spikes, threshold, duration, method, clock_dt):
    """Cell 'Coincidence detection' (threshold only draws the dashed line)."""
    start_scope()
    defaultclock.dt = clock_dt
    eqs = '''
    dv/dt = -v/tau : 1
    '''
    H = SpikeGeneratorGroup(1, [0]*len(spikes), spikes)
    # The notebook gives the NeuronGroup no method (Brian picks 'exact' for
    # this linear equation); method='exact' on the Synapses has no effect.
    G = NeuronGroup(1, eqs, method=method)
    S = Synapses(H, G, on_pre='v += w', method='exact')
    S.connect(p=1)
    M = StateMonitor(G, 'v', record=True)
    run(duration)
    return {'coincidence/v': (M.t/ms, M.v[0])}


FIGURE_SIMS = {
    'psp-abstraction': sim_psp_abstraction,
    'psp-forms': sim_psp_forms,
    'stp': sim_stp,
    'coincidence': sim_coincidence,
}

# (figure, case, CLI overrides in CLI units)
FIGURE_CASES = [
    ('psp-abstraction', 'defaults', {}),
    ('psp-abstraction', 'slow-membrane', {'tau': 20, 'tau-x': 5, 'tau-g': 12}),
    ('psp-abstraction', 'rk4', {'method': 'rk4'}),
    ('psp-abstraction', 'fine-dt-late-spike', {'dt': 0.05, 'spike-time': 25, 'duration': 80}),
    ('psp-abstraction', 'rk4-coarse-dt-fast',
     {'method': 'rk4', 'dt': 0.2, 'tau': 5, 'tau-x': 3, 'tau-g': 4}),

    ('psp-forms', 'defaults', {}),
    ('psp-forms', 'exact', {'method': 'exact'}),
    ('psp-forms', 'rk4-slow', {'method': 'rk4', 'tau': 20, 'tau2': 5}),
    ('psp-forms', 'coarse-dt-late-spike', {'dt': 0.2, 'spike-time': 10, 'duration': 60}),
    ('psp-forms', 'exact-fine-dt', {'method': 'exact', 'dt': 0.05, 'tau': 8, 'tau2': 1}),

    ('stp', 'defaults', {}),
    ('stp', 'other-u-dense-spikes',
     {'dep-u': 0.7, 'fac-u': 0.05, 'spikes': [20, 40, 60, 80, 100, 120], 'duration': 150}),
    ('stp', 'fast-recovery', {'tau': 5, 'dep-tau-d': 150, 'fac-tau-f': 200}),
    ('stp', 'burst-consecutive-steps',
     {'spikes': [20, 20.1, 20.2, 100, 180], 'duration': 250}),
    ('stp', 'exact-fine-dt',
     {'method': 'exact', 'dt': 0.05, 'spikes': [25, 50, 75, 100, 125], 'duration': 150}),
    ('stp', 'rk4-coarse-dt', {'method': 'rk4', 'dt': 0.2}),

    ('coincidence', 'defaults', {}),
    ('coincidence', 'consecutive-steps', {'spikes': [10, 10.1, 40, 45], 'w': 0.5}),
    ('coincidence', 'euler-slow', {'method': 'euler', 'tau': 10, 'w': 0.4, 'threshold': 0.9}),
    ('coincidence', 'rk4-coarse-dt', {'method': 'rk4', 'dt': 0.2, 'tau': 3}),
    ('coincidence', 'fine-dt', {'dt': 0.05, 'spikes': [5, 7.5, 30], 'duration': 50}),
]


def make_figure_fixture(figure, case, overrides):
    params, args = resolve(figure, overrides)
    series = FIGURE_SIMS[figure](**params)
    obj = {
        'figure': figure,
        'case': case,
        'args': args,
        'generated_by': GENERATOR,
        'brian2_version': brian2.__version__,
    }
    if figure == 'coincidence':
        obj['threshold'] = params['threshold']
    obj['series'] = {key: {'x': floats(x), 'y': floats(y)}
                     for key, (x, y) in series.items()}
    write_json(f'figures/{figure}--{case}.json', obj)


# ---------------------------------------------------------------------------
# Part B: tuning curve
# ---------------------------------------------------------------------------

def firing_rate_counts(delta_t, w, N, tau, sigma, stim_time, duration, clock_dt):
    """The notebook's firing_rate(), returning all per-neuron counts."""
    start_scope()
    defaultclock.dt = clock_dt
    eqs = '''
    dv/dt = -v/tau + sigma*xi*sqrt(2/tau) : 1
    '''
    if delta_t is None:  # spontaneous activity: no input spikes at all
        H = SpikeGeneratorGroup(2, np.array([], dtype=int), np.array([])*ms)
    else:
        H = SpikeGeneratorGroup(2, [0, 1], [stim_time, stim_time+delta_t])
    G = NeuronGroup(N, eqs, threshold='v>1', reset='v=0', method='euler')
    S = Synapses(H, G, on_pre='v += w')
    M = SpikeMonitor(G)
    S.connect(p=1)
    run(duration)
    return np.array(M.count[:])


TUNING_CASES = [
    ('defaults', {}),
    ('weak-slow-noisy', {'w': 0.5, 'tau': 3, 'sigma': 0.4, 'points': 21, 'n': 10000}),
]


def make_tuning_fixture(case, overrides):
    p, args = resolve('tuning-curve', overrides)
    common = dict(w=p['w'], N=p['n'], tau=p['tau'], sigma=p['sigma'],
                  stim_time=p['stim_time'], duration=p['duration'], clock_dt=p['clock_dt'])
    DELTA_T = np.linspace(float(p['delta_min']/ms), float(p['delta_max']/ms),
                          p['points'])*ms
    seed(p['seed'])
    means, sems = [], []
    t0 = time.time()
    for delta_t in DELTA_T:
        counts = firing_rate_counts(delta_t, **common)
        means.append(np.mean(counts))
        sems.append(np.std(counts, ddof=1)/np.sqrt(len(counts)))
    seed(p['seed'])
    spont = firing_rate_counts(None, **common)
    print(f'  tuning-curve--{case}: {time.time()-t0:.1f} s')
    write_json(f'figures/tuning-curve--{case}.json', {
        'figure': 'tuning-curve',
        'case': case,
        'args': args,
        'generated_by': GENERATOR,
        'brian2_version': brian2.__version__,
        'deltaT_ms': floats(DELTA_T/ms),
        'mean': floats(means),
        'sem': floats(sems),
        'n': p['n'],
        'seed': p['seed'],
        'spontaneous': float(np.mean(spont)),
        'spontaneous_sem': float(np.std(spont, ddof=1)/np.sqrt(len(spont))),
    })


# ---------------------------------------------------------------------------
# Part C: core edge cases. Each is built from a plain description (the same
# dict that is written to the fixture), so the fixture is exactly what ran.
# ---------------------------------------------------------------------------

def run_core(desc):
    """Build and run the model described by `desc` in a fresh Network.
    Returns the results to merge into the fixture."""
    defaultclock.dt = desc['dt_s']*second
    units = desc.get('namespace_units', {})
    ns = {k: (v*second if units.get(k) == 's' else v)
          for k, v in desc['namespace'].items()}
    G = NeuronGroup(desc['N'], desc['equations'], method=desc['method'],
                    threshold=desc.get('threshold'), reset=desc.get('reset'),
                    namespace=ns)
    for var, val in desc.get('initial', {}).items():
        setattr(G, var, val)
    objects = [G]
    gen = desc.get('generator')
    S = H = MH = None
    if gen is not None:
        H = SpikeGeneratorGroup(gen['N'], gen['indices'],
                                np.array(gen['times_s'], dtype=float)*second)
        S = Synapses(H, G, model=desc.get('synapse_model') or '',
                     on_pre=desc['on_pre'], namespace=ns)
        S.connect(i=desc['connect']['i'], j=desc['connect']['j'])
        for var, val in desc.get('synapse_values', {}).items():
            setattr(S, var, val)
        MH = SpikeMonitor(H)
        objects += [H, S, MH]
    # a group without threshold has no spike event: spikes stay empty
    SM = SpikeMonitor(G) if desc.get('threshold') else None
    M = StateMonitor(G, desc['record'], record=True)
    objects += [M] if SM is None else [SM, M]
    net = Network(*objects)
    segments = []
    for step in desc['runs']:
        if 'run_s' in step:
            n_before = len(M.t)
            net.run(step['run_s']*second)
            # samples == steps taken; the clock ends on step_end (t = step_end*dt)
            # while Network.t is set to the requested, unrounded end time
            segments.append({'run_s': step['run_s'], 'samples': len(M.t) - n_before,
                             'step_end': len(M.t), 'network_t_end_s': float(net.t/second)})
        elif 'set' in step:
            for var, val in step['set'].items():
                setattr(G, var, val)
        else:
            raise ValueError(step)
    res = {
        'state_update_code': G.state_updater.abstract_code.strip(),
    }
    if S is not None:
        res['on_pre_code'] = S.pre.abstract_code.strip()
    res.update({
        'run_segments': segments,
        'n_samples': len(M.t),
        't_s': floats(M.t/second),
        'traces': {var: floats(getattr(M, var)) for var in desc['record']},
        'spikes': ({'i': [], 't_s': []} if SM is None else
                   {'i': [int(i) for i in SM.i[:]], 't_s': floats(SM.t/second)}),
        'counts': ([0]*desc['N'] if SM is None else [int(c) for c in SM.count[:]]),
    })
    if MH is not None:
        res['generator_spikes'] = {'i': [int(i) for i in MH.i[:]],
                                   't_s': floats(MH.t/second),
                                   'steps': [int(round(t/desc['dt_s']))
                                             for t in MH.t/second]}
    return res


def core_case(name, description, **model):
    # namespace values are SI floats; those named tau* are times (seconds)
    model['namespace_units'] = {k: ('s' if k.startswith('tau') else '1')
                                for k in model['namespace']}
    return name, description, model


DT = 0.1e-3  # s


def _crossing_step():
    """Case 1 helper: the step in which the euler update of dv/dt=(2-v)/tau
    (v0=0, tau=10 ms, dt=0.1 ms) first takes v above 1, found by a probe run
    of the same neuron without input (its first spike)."""
    defaultclock.dt = DT*second
    G = NeuronGroup(1, 'dv/dt = (2 - v)/tau : 1', method='euler',
                    threshold='v > 1', reset='v = 0', namespace={'tau': 10e-3*second})
    SM = SpikeMonitor(G)
    Network(G, SM).run(10e-3*second)
    return int(round(float(SM.t[0]/second)/DT))


def core_cases():
    k_cross = _crossing_step()
    cases = []
    cases.append(core_case(
        'threshold-and-input-same-step',
        'Neuron 0 and neuron 1 both cross threshold through the state update in the same '
        f'step (step {k_cross}); neuron 0 also gets a generator spike in that step. Brian '
        'order: update, threshold test (both spike), synapses (neuron 0 still receives '
        "on_pre; q records the v it saw: updated v + w), reset v=0 for both. "
        'So the sample after the step shows v=0 for both and q0 = v_updated + w.',
        equations='dv/dt = (2 - v)/tau : 1\nq : 1',
        method='euler', threshold='v > 1', reset='v = 0',
        on_pre='v += w; q += v', synapse_model=None,
        namespace={'tau': 10e-3, 'w': 0.25}, N=2,
        generator={'N': 1, 'indices': [0], 'times_s': [k_cross*DT]},
        connect={'i': [0], 'j': [0]},
        dt_s=DT, runs=[{'run_s': 10e-3}], record=['v', 'q']))
    cases.append(core_case(
        'input-pushes-above-threshold',
        'v starts at 0 with no drive (dv/dt=-v/tau). A spike at 5 ms adds w in the synapses '
        'slot of step 50, after the threshold test, so no spike in step 50 even though the '
        'sample at 5.1 ms shows v>1. Neuron 0 (w=1.5): step 51 update gives 1.485 > 1 -> '
        'spike at t=5.1 ms, reset, sample at 5.2 ms is 0. Neuron 1 (w=1.005): v=1.005 at '
        '5.1 ms but the step-51 update decays it to 0.99495 < 1 -> never spikes.',
        equations='dv/dt = -v/tau : 1',
        method='euler', threshold='v > 1', reset='v = 0',
        on_pre='v += w', synapse_model='w : 1', synapse_values={'w': [1.5, 1.005]},
        namespace={'tau': 10e-3}, N=2,
        generator={'N': 1, 'indices': [0], 'times_s': [5e-3]},
        connect={'i': [0, 0], 'j': [0, 1]},
        dt_s=DT, runs=[{'run_s': 8e-3}], record=['v']))
    cases.append(core_case(
        'two-inputs-same-step',
        'Two generator neurons spike in the same step (10 ms) onto one target: both on_pre '
        '(v += w) are applied -> v = 2w = 0.6 at 10.1 ms. Later they spike in consecutive '
        'steps (20.0 and 20.1 ms): +w at 20.1 ms and +w at 20.2 ms.',
        equations='dv/dt = -v/tau : 1',
        method='exact', threshold=None, reset=None,
        on_pre='v += w', synapse_model=None,
        namespace={'tau': 5e-3, 'w': 0.3}, N=1,
        generator={'N': 2, 'indices': [0, 1, 0, 1], 'times_s': [10e-3, 10e-3, 20e-3, 20.1e-3]},
        connect={'i': [0, 1], 'j': [0, 0]},
        dt_s=DT, runs=[{'run_s': 30e-3}], record=['v']))
    cases.append(core_case(
        'ordered-on-pre',
        'STP synapse: on_pre statements run in order, each seeing the previous result. '
        'Single spike at 10 ms. Neuron 0 starts u=0, x=1: u -> U = 0.45, v += u*x = 0.45 '
        '(the NEW u; with the old u it would be 0), x -= u*x -> 0.55. Neuron 1 starts '
        'u=0.3, x=0.8 (values decay/recover by euler until the spike).',
        equations='dv/dt = -v/tau : 1\ndu/dt = -u/tauf : 1\ndx/dt = (1-x)/taud : 1',
        method='euler', threshold=None, reset=None,
        on_pre='u += U*(1-u); v += u*x; x -= u*x;', synapse_model=None,
        namespace={'tau': 10e-3, 'tauf': 50e-3, 'taud': 750e-3, 'U': 0.45}, N=2,
        initial={'u': [0.0, 0.3], 'x': [1.0, 0.8]},
        generator={'N': 1, 'indices': [0], 'times_s': [10e-3]},
        connect={'i': [0, 0], 'j': [0, 1]},
        dt_s=DT, runs=[{'run_s': 20e-3}], record=['v', 'u', 'x']))
    off_grid_ms = [10.04, 10.06, 10.05, 9.9999999, 9.9985, 10.0999999, 10.0]
    off = [t*1e-3 for t in off_grid_ms]
    cases.append(core_case(
        'off-grid-spike-times',
        'Generator spike times off the dt grid. Generator neuron k drives target neuron k '
        '(v : 1 is a pure counter, on_pre v += 1), so target k first shows v=1 at sample '
        '(step+1)*dt. Brian 2.5.1 bins a spike time t into step int((t + 1e-3*dt)/dt) '
        '(floor after a shift of dt/1000; SpikeGeneratorGroup.before_run), NOT round(t/dt): '
        'see generator_spikes.steps vs floor_rule_steps / round_rule_steps.',
        equations='v : 1',
        method='exact', threshold=None, reset=None,
        on_pre='v += 1', synapse_model=None,
        namespace={}, N=len(off),
        generator={'N': len(off), 'indices': list(range(len(off))), 'times_s': off,
                   'times_ms_source': off_grid_ms},
        connect={'i': list(range(len(off))), 'j': list(range(len(off)))},
        dt_s=DT, runs=[{'run_s': 12e-3}], record=['v']))
    cases.append(core_case(
        'run-set-run',
        'run(10 ms); v = 1; run(90 ms): 1000 samples t = 0 ... 99.9 ms; the assignment is '
        'in place before step 100, so the sample at t = 10.0 ms (index 100) is already 1.',
        equations='dv/dt = -v/tau : 1',
        method='euler', threshold=None, reset=None, on_pre=None, synapse_model=None,
        namespace={'tau': 10e-3}, N=1,
        dt_s=DT, runs=[{'run_s': 10e-3}, {'set': {'v': 1}}, {'run_s': 90e-3}],
        record=['v']))
    cases.append(core_case(
        'run-duration-off-grid',
        'Run durations that are not multiples of dt. Brian keeps Network.t at the requested, '
        'UNROUNDED end time (t_prev + T, a float sum), and each run moves the clock from '
        'step c(t_prev) to step c(t_prev + T) where c(t) = round(t/dt) if |round(t/dt)*dt - '
        't| <= 1e-4*dt, else ceil(t/dt) (Clock._calc_timestep / set_interval). Hence: '
        'run(10.05 ms) -> c(10.05)=101: 101 steps; v = 1 appears at sample 101 (t = 10.1 ms); '
        'run(5 ms) -> c(15.05)=151: 50 steps; run(0.04 ms) -> c(15.09)=151: ZERO steps '
        '(no samples, yet Network.t advances to 15.09 ms); v = 0.5 then shows at sample 151; '
        'run(0.91000001 ms) -> 16.00000001 ms is within 1e-4 dt of step 160: 9 steps (not 10); '
        'run(1 ms) -> 10 steps. Total 170 samples, t = 0 ... 16.9 ms. See run_segments.',
        equations='dv/dt = -v/tau : 1',
        method='euler', threshold=None, reset=None, on_pre=None, synapse_model=None,
        namespace={'tau': 10e-3}, N=1,
        dt_s=DT,
        runs=[{'run_s': 10.05e-3}, {'set': {'v': 1}}, {'run_s': 5e-3},
              {'run_s': 0.04e-3}, {'set': {'v': 0.5}}, {'run_s': 0.91000001e-3},
              {'run_s': 1e-3}],
        record=['v']))
    cases.append(core_case(
        'exact-alpha',
        "method='exact' on a coupled linear system with equal time constants (alpha "
        'kernel): run(1 ms); x = 1; run(20 ms). Brian solves it symbolically '
        '(state_update_code); euler_reference holds the euler traces of the same run.',
        equations='du/dt = (x - u)/tau : 1\ndx/dt = -x/tau : 1',
        method='exact', threshold=None, reset=None, on_pre=None, synapse_model=None,
        namespace={'tau': 5e-3}, N=1,
        dt_s=DT, runs=[{'run_s': 1e-3}, {'set': {'x': 1}}, {'run_s': 20e-3}],
        record=['u', 'x'], euler_reference=True))
    cases.append(core_case(
        'rk4-nonlinear',
        "method='rk4' on a nonlinear equation dv/dt = (v*v - v)/tau (three neurons with "
        'different initial v, including a negative one).',
        equations='dv/dt = (v*v - v)/tau : 1',
        method='rk4', threshold=None, reset=None, on_pre=None, synapse_model=None,
        namespace={'tau': 5e-3}, N=3, initial={'v': [0.5, 0.9, -1.0]},
        dt_s=DT, runs=[{'run_s': 20e-3}], record=['v']))
    return cases


def make_core_fixture(name, description, model):
    model = dict(model)
    euler_ref = model.pop('euler_reference', False)
    desc = {'name': name, 'description': description,
            'generated_by': GENERATOR, 'brian2_version': brian2.__version__}
    desc.update(model)
    if desc.get('generator') is None:
        desc.pop('generator', None)
    res = run_core(desc)
    if euler_ref:
        ref = run_core(dict(desc, method='euler'))
        res['euler_reference'] = {'state_update_code': ref['state_update_code'],
                                  'traces': ref['traces']}
    if name == 'off-grid-spike-times':
        times = np.array(desc['generator']['times_s'])
        res['floor_rule_steps'] = [int(s) for s in
                                   np.asarray((times + 1e-3*DT)/DT, dtype=np.int64)]
        res['round_rule_steps'] = [int(s) for s in np.round(times/DT)]
        # first sample index at which each target counter shows 1 (= step + 1)
        v = np.array(res['traces']['v'])
        res['first_sample_with_input'] = [int(np.argmax(row > 0.5)) for row in v]
    if name == 'threshold-and-input-same-step':
        assert res['spikes']['t_s'] and \
            round(res['spikes']['t_s'][0]/DT) == round(desc['generator']['times_s'][0]/DT)
    desc.update(res)
    write_json(f'core/{name}.json', desc)


# ---------------------------------------------------------------------------

def all_jobs():
    jobs = []
    for figure, case, ov in FIGURE_CASES:
        jobs.append((f'{figure}--{case}', {figure, 'figures'},
                     lambda f=figure, c=case, o=ov: make_figure_fixture(f, c, o)))
    for case, ov in TUNING_CASES:
        jobs.append((f'tuning-curve--{case}', {'tuning-curve', 'tuning', 'figures'},
                     lambda c=case, o=ov: make_tuning_fixture(c, o)))
    for name, description, model in core_cases():
        jobs.append((name, {'core'},
                     lambda n=name, d=description, m=model: make_core_fixture(n, d, m)))
    return jobs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--only', action='append', metavar='NAME',
                        help='fixture name, figure name or group (repeatable)')
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
