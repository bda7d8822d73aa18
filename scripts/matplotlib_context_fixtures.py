"""Where matplotlib 3.6's tight_layout puts the axes under plt.style.use('seaborn-v0_8-talk'), for
`--context talk` (tests/render-context.test.ts). Two figures: the synthetic one of
scripts/matplotlib_synthetic.py (every mark, legends, suptitle, ratios) and stp, replayed from
its snn-figs JSON (tests/snapshots/stp.json: plots, titles, labels, legends, hidden y ticks).

Run with /usr/bin/python3 from the repository root: writes
tests/fixtures/render/context-talk-matplotlib.json; given a folder, also the PNGs to look at.
"""
import json
import os
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt

sys.path.insert(0, os.path.dirname(__file__))
import matplotlib_synthetic  # noqa: E402

STYLE = 'seaborn-v0_8-talk'


def replay(path, figsize):
    """An snn-figs JSON of plot marks drawn with pyplot, as the notebook cell draws it."""
    with open(path) as f:
        data = json.load(f)
    layout = data['layout']
    fig, axes = plt.subplots(layout['rows'], layout['cols'], figsize=figsize, squeeze=False)
    for p in data['panels']:
        ax = axes[p.get('row', 0)][p.get('col', 0)]
        for s in p['series']:
            assert s['kind'] == 'plot', s['kind']
            ax.plot(s['x'], s['y'], label=s.get('label'))
        if 'title' in p:
            ax.set_title(p['title'])
        if 'xlabel' in p:
            ax.set_xlabel(p['xlabel'])
        if 'ylabel' in p:
            ax.set_ylabel(p['ylabel'])
        if p.get('yticks') is False:
            ax.set_yticks([])
        if p.get('legend'):
            ax.legend(loc='upper right')
    fig.tight_layout()
    return fig, [p['id'] for p in data['panels']], [axes[p.get('row', 0)][p.get('col', 0)] for p in data['panels']]


def positions(fig, names, axes):
    fig.canvas.draw()
    return {n: list(a.get_position().bounds) for n, a in zip(names, axes)}


plt.style.use(STYLE)
synthetic = matplotlib_synthetic.draw()
stp, stp_names, stp_axes = replay('tests/snapshots/stp.json', (8, 5))
out = {
    'matplotlib': matplotlib.__version__,
    'style': STYLE,
    'figures': {
        'synthetic': {'figsize': [10, 6], 'axes': positions(synthetic, matplotlib_synthetic.NAMES, synthetic.axes)},
        'stp': {'figsize': [8, 5], 'axes': positions(stp, stp_names, stp_axes)},
    },
}
with open('tests/fixtures/render/context-talk-matplotlib.json', 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
if len(sys.argv) > 1:
    synthetic.savefig(os.path.join(sys.argv[1], 'synthetic-talk.png'))
    stp.savefig(os.path.join(sys.argv[1], 'stp-talk.png'), dpi=200)
