"""The synthetic figure of tests/helpers/synthetic-figure.ts drawn by matplotlib 3.6 (keep the two in step).

Run with /usr/bin/python3: writes the axes positions tight_layout chose
(tests/fixtures/render/synthetic-matplotlib.json) and, given a second path, the PNG to look at
beside `snn-figs`'s. The tests read the JSON and need no Python.
"""
import json
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np
NAMES = ["lines", "hists", "scatter", "steps", "raster", "boxes", "bands"]


def draw():
    """The figure, laid out by tight_layout (under whatever style is in use)."""
    fig = plt.figure(figsize=(10, 6), dpi=100)
    gs = fig.add_gridspec(2, 4, width_ratios=[1, 2, 1, 1], height_ratios=[2, 3])
    t = np.arange(101) / 10
    ax = fig.add_subplot(gs[0, 0]); ax.set_title('plot')
    ax.plot(t, t, label='solid'); ax.plot(t, t*0.9+0.5, '--', c='r', label='dashed'); ax.plot(t, t*0.8+1, ls=':', lw=2, alpha=0.5)
    ax.plot([8.5], [2], 'o', ms=10, mfc='none', c='r'); ax.plot([5, 6, 7], [2, 2, 2], '.k')
    leg = ax.legend(loc='best')
    lines = ax
    ax = fig.add_subplot(gs[0, 1:3]); ax.set_title('hist')
    ax.hist([0.5]*5+[1.5]*9+[2.5]*4+[3.5]*1, bins=[0,1,2,3,4], alpha=0.8, label='low')
    ax.hist([2.5]*2+[3.5]*6+[4.5]*8+[5.5]*3, bins=[2,3,4,5,6], alpha=0.8, label='high')
    ax.legend(loc='upper right')
    ax = fig.add_subplot(gs[0, 3]); ax.set_title('scatter')
    ax.scatter([0,1,2,3], [-1,1,-1,1], c=['r','k','r','k'], s=[100,25,100,25]); ax.set_yticks([-1, 1], ['Left', 'Right'])
    ax = fig.add_subplot(gs[1, 0], sharex=lines); ax.set_xlabel('Time (ms)'); ax.set_ylabel('v')
    ax.step([0,2,4,6,8], [0,1,0,1,0], where='post', label='walk'); ax.axhline(0.5, ls='--', c='C1'); ax.axvline(5, ls=':', c='C2', zorder=-1)
    ax.errorbar([1,3,7], [0.2,0.4,0.6], [0.1,0.2,0.3], c='C3', marker='o', ls='none', capsize=3)
    ax = fig.add_subplot(gs[1, 1], frameon=False); ax.set_xticks([]); ax.set_yticks([]); ax.set_ylabel('neuron')
    i = np.arange(400)
    ax.plot((i*37) % 100, (i*53) % 100, '.k', ms=1); ax.fill([0,100,100,0], [50,50,100,100], c='lightblue'); ax.plot([10,20,30], [20,20,20], '|', c='r', ms=8)
    ax.set_xlim(0, 100); ax.set_ylim(0, 100)
    ax = fig.add_subplot(gs[1, 2]); ax.set_xlim(0, 3.5); ax.set_ylim(-1, 1); ax.set_xticks([])
    ax.axhline(0, c='k', lw=2)
    ax.annotate('L', (1, 0.5), ha='center', va='center', bbox=dict(boxstyle='round', fc='lightblue', ec='none'))
    ax.annotate('R', (2, -0.5), ha='center', va='center', bbox=dict(boxstyle='round', fc='lightgreen', ec='none'))
    ax.annotate('X', (4, 0.5), ha='center', va='center', bbox=dict(boxstyle='round', fc='lightgreen', ec='none'))
    ax = fig.add_subplot(gs[1, 3]); ax.set_title('fill_between', fontsize=8)
    ax.fill_between([0,1,2], [1,2,1], [0,0,0], color='lightgray', label='area'); ax.plot([0,1,2], [1,2,1], c='b', label='top'); ax.text(0.1, 1.8, 'note', fontsize=8)
    ax.legend(loc='lower right')
    fig.suptitle('Every mark')
    fig.tight_layout()
    return fig


if __name__ == "__main__":
    fig = draw()
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/render/synthetic-matplotlib.json"
    fig.canvas.draw()
    with open(out, "w") as f:
        json.dump({"matplotlib": matplotlib.__version__, "axes": {n: list(a.get_position().bounds) for n, a in zip(NAMES, fig.axes)}}, f, indent=1)
        f.write("\n")
    if len(sys.argv) > 2:
        fig.savefig(sys.argv[2])
