/** The pages' look: plain, readable, the figure first. */
export const CSS = `
body { font-family: "snn-figs DejaVu Sans", "DejaVu Sans", sans-serif; margin: 1em auto; max-width: 1700px; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; margin: 0.2em 0; }
a { color: #1f77b4; }
.summary { margin: 0 0 0.6em; color: #444; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; margin: 0.4em 0; }
.toolbar button, .controls button { font: inherit; font-size: 0.9em; padding: 0.2em 0.7em; }
.commandline { margin: 0.3em 0; }
code { background: #f4f4f4; padding: 0.1em 0.3em; }
.diffs { font-size: 0.9em; color: #555; margin: 0.3em 0; min-height: 1.2em; }
.notices { white-space: pre-wrap; color: #a05a00; margin: 0.3em 0; }
.notices:empty { display: none; }
.drawing { position: relative; }
canvas.figure { display: block; max-width: 100%; height: auto; outline: 1px solid #eee; }
.busy { display: flex; gap: 0.5em; align-items: center; min-height: 1.4em; font-size: 0.9em; color: #555; }
.progress { visibility: hidden; width: 12em; }
.running .progress { visibility: visible; }
.status { white-space: pre-wrap; }
.controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(22em, 1fr)); gap: 0.6em 1.5em; margin-top: 0.8em; }
.control .name { font-family: monospace; font-weight: bold; }
.control .inputs { display: flex; gap: 0.4em; align-items: center; }
.control .slider { flex: 1; min-width: 6em; }
.control input[type=text] { width: 9em; font: inherit; font-family: monospace; }
.control .help { font-size: 0.8em; color: #666; }
.control .problem { font-size: 0.85em; color: #b00; }
.control.invalid input[type=text] { border-color: #b00; background: #fff4f4; }
.size { grid-column: 1 / -1; }
.index h2 { margin-top: 1.2em; }
.index li { margin: 0.3em 0; }
nav.back { margin: 0.3em 0; }
`;
