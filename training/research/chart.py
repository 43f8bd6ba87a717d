"""Accuracy per cost: val accuracy against FLOPs per face and against
milliseconds per face on WASM in Chromium, one chart of two panels, with the
paper's claim stated under what we measured. Drawn as SVG and rendered to PNG
by headless Chromium (npm run bench:models calls it when every network has an
accuracy and the browser bench has timed it).

    /usr/bin/python3 -m training.research.chart   # from training/out/compare/table.json
"""
import json
import math
import os
import subprocess
import tempfile

from ..constants import REPO, TRAINING_DIR

BROWSER = os.path.join(REPO, "docs", "models-browser.json")
PNG = os.path.join(REPO, "docs", "images", "models-accuracy-cost.png")
LABEL = {"mobilenet_v1": "MobileNet v1", "peleenet": "PeleeNet", "ednn": "EDNN", "idnn": "IDNN",
         "resmonet": "ResmoNet", "resmonet_shipped": "ResmoNet shipped"}
PANEL, TOP, LEFT, GAP, H = 430, 50, 80, 80, 490
W = LEFT + 2 * PANEL + GAP + 30


def points(rows, browser):
    """(label, FLOPs, WASM ms or None, accuracy) of every row with an accuracy."""
    wasm = {}
    for b in browser.get("backends", []):
        if b["backend"] == "wasm":
            wasm = {n["net"]: n["medianMs"] for n in b["nets"]}
    out = []
    for r in rows:
        t = r.get("trained")
        if not t:
            continue
        key = "resmonet_shipped" if r["net"].startswith("resmonet (shipped") else r["net"]
        out.append((LABEL.get(key, key), r["flops"], wasm.get(key), t["val"]["plain"]["accuracy"] * 100))
    return out


def axis(lo, hi):
    """Log-scale ticks (1, 2, 5 x 10^k) covering [lo, hi]."""
    ticks, k = [], math.floor(math.log10(lo))
    while 10 ** k <= hi * 10:
        ticks += [m * 10 ** k for m in (1, 2, 5) if lo / 1.01 <= m * 10 ** k <= hi * 1.01]
        k += 1
    return ticks


def panel(x0, title, unit, pts, y_lo, y_hi):
    xs = [p[0] for p in pts]
    lo, hi = min(xs) / 1.6, max(xs) * 1.6
    px = lambda v: x0 + (math.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo)) * PANEL
    py = lambda a: TOP + (y_hi - a) / (y_hi - y_lo) * 300
    s = [f'<text x="{x0 + PANEL / 2}" y="{TOP - 14}" class="t">{title}</text>',
         f'<rect x="{x0}" y="{TOP}" width="{PANEL}" height="300" class="frame"/>']
    for t in axis(lo, hi):
        s.append(f'<line x1="{px(t):.1f}" x2="{px(t):.1f}" y1="{TOP}" y2="{TOP + 300}" class="grid"/>'
                 f'<text x="{px(t):.1f}" y="{TOP + 318}" class="tick">{t:g}</text>')
    for a in range(int(math.ceil(y_lo / 5) * 5), int(y_hi) + 1, 5):
        s.append(f'<line x1="{x0}" x2="{x0 + PANEL}" y1="{py(a):.1f}" y2="{py(a):.1f}" class="grid"/>'
                 f'<text x="{x0 - 10}" y="{py(a) + 4:.1f}" class="ylab">{a} %</text>')
    s.append(f'<text x="{x0 + PANEL / 2}" y="{TOP + 340}" class="tick">{unit} (log scale)</text>')
    for x, acc, name in pts:
        near_edge = px(x) > x0 + PANEL - 120
        label_x, anchor = (px(x) - 8, "end") if near_edge else (px(x) + 8, "start")
        s.append(f'<circle cx="{px(x):.1f}" cy="{py(acc):.1f}" r="5" class="dot"/>'
                 f'<text x="{label_x:.1f}" y="{py(acc) - 7:.1f}" class="name" text-anchor="{anchor}">'
                 f'{name} {acc:.1f} %</text>')
    return "".join(s)


def claim(pts):
    acc = {p[0]: p[3] for p in pts}
    base = acc.get("ResmoNet")
    measured = ", ".join(f"{n} {acc[n] - base:+.1f}" for n in ("EDNN", "IDNN") if n in acc and base is not None)
    return ("Paper (RaFD, posed faces): EDNN +5 and IDNN +2 accuracy points over ResmoNet, which has the fewest FLOPs.",
            f"Measured here (FER2013 val, the five trained on equal terms): {measured or 'not yet trained'} points "
            "over ResmoNet.")


def svg(pts, note):
    accs = [p[3] for p in pts]
    y_lo, y_hi = math.floor(min(accs) / 5) * 5 - 5, math.ceil(max(accs) / 5) * 5 + 5
    left = panel(LEFT, "Val accuracy against FLOPs per face", "MFLOPs per face",
                 [(p[1] / 1e6, p[3], p[0]) for p in pts], y_lo, y_hi)
    timed = [(p[2], p[3], p[0]) for p in pts if p[2]]
    right = panel(LEFT + PANEL + GAP, "Val accuracy against time per face (WASM, Chromium)", "ms per face",
                  timed, y_lo, y_hi) if timed else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif">'
            '<style>.t{font-size:15px;font-weight:bold;text-anchor:middle}.tick{font-size:12px;text-anchor:middle;'
            'fill:#333}.name{font-size:12px}.ylab{font-size:12px;text-anchor:end;fill:#333}.frame{fill:none;stroke:#444}.grid{stroke:#ddd}.dot{fill:#1f5fa8}'
            '.note{font-size:12.5px}</style><rect width="100%" height="100%" fill="#fff"/>'
            f'{left}{right}'
            + "".join(f'<text x="{LEFT}" y="{H - 60 + 20 * i}" class="note">{line}</text>'
                      for i, line in enumerate((*claim(pts), note)))
            + "</svg>")


def render(svg_text, png=PNG):
    os.makedirs(os.path.dirname(png), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "chart.svg")
        with open(page, "w") as f:
            f.write(svg_text)
        subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={tmp}", f"--window-size={W},{H}", f"--screenshot={png}",
                        f"file://{page}"], check=True, capture_output=True, timeout=120)
    return png


def main(table=os.path.join(TRAINING_DIR, "out", "compare", "table.json"), png=PNG):
    with open(table) as f:
        rows = json.load(f)
    browser = json.load(open(BROWSER)) if os.path.exists(BROWSER) else {}
    pts = points(rows, browser)
    epochs = sorted({r["trained"]["epochs"] for r in rows if r.get("trained") and "shipped" not in r["net"]})
    note = (f"Accuracy of the best epoch of {'/'.join(map(str, epochs))} epochs (shipped ResmoNet: 200); "
            f"WASM times from {os.path.relpath(BROWSER, REPO)} ({browser.get('date', 'not measured')}).")
    print(render(svg(pts, note), png))


if __name__ == "__main__":
    main()
