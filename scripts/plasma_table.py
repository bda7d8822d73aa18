"""Prints matplotlib's plasma colour map as 256 hex colours (the data in src/figures/plasma.ts).

Run: /usr/bin/python3 scripts/plasma_table.py   (Debian: apt-get install python3-matplotlib)
"""
from matplotlib import cm
import matplotlib.colors as mc

for i in range(256):
    print(mc.to_hex(cm.plasma(i / 255)))
