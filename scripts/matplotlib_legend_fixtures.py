"""Where matplotlib 3.6 puts legend(loc='best') for a few panels (tests/fixtures/render/legend-best.json).

Run with /usr/bin/python3 (matplotlib 3.6.3); the tests read the committed JSON and need no Python.
Each case is a 6 x 4 in axes at 72 dpi with tight_layout, its lines, bars and scatter points,
and the location code matplotlib chose (1 upper right ... 10 center).
"""
import json
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np

CODES = ['upper right', 'upper left', 'lower left', 'lower right', 'right', 'center left',
         'center right', 'lower center', 'upper center', 'center']


def cases():
    x = np.linspace(0, 10, 41)
    yield 'rising', [('plot', x.tolist(), x.tolist())]
    yield 'falling', [('plot', x.tolist(), (10 - x).tolist())]
    yield 'hump', [('plot', x.tolist(), np.exp(-(x - 5) ** 2 / 4).tolist())]
    yield 'valley', [('plot', x.tolist(), (1 - np.exp(-(x - 5) ** 2 / 4)).tolist())]
    yield 'two-lines', [('plot', x.tolist(), np.sin(x).tolist()), ('plot', x.tolist(), np.cos(x).tolist())]
    yield 'corners', [('plot', [0, 10], [10, 10]), ('plot', [0, 10], [0, 0]), ('plot', [0, 0], [0, 10])]
    rng = np.random.RandomState(3)
    yield 'scatter-right', [('scatter', (7 + 3 * rng.rand(60)).tolist(), (10 * rng.rand(60)).tolist()),
                            ('plot', [0, 10], [5, 5])]
    yield 'hist-left', [('hist', [0, 1, 2, 3, 4, 5, 6], [9, 8, 6, 3, 1, 0.5])]
    yield 'hist-middle', [('hist', [0, 1, 2, 3, 4, 5, 6], [1, 4, 9, 9, 4, 1])]


def main(out):
    result = []
    for name, marks in cases():
        fig = plt.figure(figsize=(6, 4), dpi=72)
        ax = fig.add_subplot()
        for k, (kind, a, b) in enumerate(marks):
            label = f'{kind} {k}'
            if kind == 'plot':
                ax.plot(a, b, label=label)
            elif kind == 'scatter':
                ax.scatter(a, b, label=label)
            else:
                ax.hist(a[:-1], bins=a, weights=b, label=label)
        leg = ax.legend(loc='best')
        fig.tight_layout()
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        box = leg.get_window_extent(renderer)
        parent = leg.get_bbox_to_anchor()
        found = [c for c in range(1, 11)
                 if np.allclose(leg._get_anchored_bbox(c, box, parent, renderer), (box.x0, box.y0), atol=1e-6)]
        result.append({'case': name, 'marks': [{'kind': k, 'a': a, 'b': b} for k, a, b in marks],
                       'loc': CODES[found[0] - 1]})
        plt.close(fig)
    with open(out, 'w') as f:
        json.dump({'matplotlib': matplotlib.__version__, 'cases': result}, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'tests/fixtures/render/legend-best.json')
