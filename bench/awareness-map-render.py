#!/usr/bin/env python3
"""First render of a map page with 50,000 points in real Chromium (headless, driven by chromedriver over WebDriver).

Used by bench/awareness-map.sh and bench/overdose-map.sh. Serves a harness page over HTTP (ES modules need it) with the
project's own scripts (src/main/resources/static/js), Leaflet 1.9.4 from the webjar and the endpoint's JSON generated
here in the endpoint's exact format, then loads it N times in a fresh tab and reports, per variant, the median time
from navigation start to the first frame painted after the points were drawn (a MutationObserver in the harness waits
for the attribute the page's script sets when it has drawn, then a requestAnimationFrame and a task: the paint).

Variants:
  awareness        awareness-map.js: 49,000 overdoses + 1,000 other events, flat integer points, canvas layer
  overdose         overdose-map.js as it is now (flat integer points, canvas layer, points before the boundaries)
  overdose-before  overdose-map.js as it was on main before this change (one L.circleMarker per point, points as
                   [lat, lon, fatal] arrays, drawn after the boundaries), the peer for the ratio

No network: no tile layer. The time of the server building the JSON is not in it (see docs/benchmarks.md).
"""
import argparse
import http.server
import json
import os
import random
import shutil
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JS = os.path.join(ROOT, 'src/main/resources/static/js')
LEAFLET_JAR = os.path.expanduser('~/.m2/repository/org/webjars/npm/leaflet/1.9.4/leaflet-1.9.4.jar')
WARDS = os.path.join(ROOT, 'src/main/resources/geography/west-midlands-2024/wm_wards_2024.geojson')
# The West Midlands county, roughly.
SOUTH, WEST, NORTH, EAST = 52.35, -2.20, 52.66, -1.42


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def points(n, rng):
    out = []
    # Clustered like overdoses: 60 centres, Gaussian spread of about 1 km.
    centres = [(rng.uniform(SOUTH, NORTH), rng.uniform(WEST, EAST)) for _ in range(60)]
    for _ in range(n):
        lat, lon = rng.choice(centres)
        out.append((lat + rng.gauss(0, 0.009), lon + rng.gauss(0, 0.014)))
    return out


def write_inputs(folder, n, rng, before_js):
    with zipfile.ZipFile(LEAFLET_JAR) as jar:
        for name in ('leaflet.js', 'leaflet.css'):
            with jar.open(f'META-INF/resources/webjars/leaflet/1.9.4/dist/{name}') as src, \
                    open(os.path.join(folder, name), 'wb') as dst:
                shutil.copyfileobj(src, dst)
    os.makedirs(os.path.join(folder, 'js'))
    for name in ('awareness-map.js', 'awareness-points.js', 'overdose-map.js'):
        shutil.copy(os.path.join(JS, name), os.path.join(folder, 'js', name))
    with open(os.path.join(folder, 'js', 'overdose-map-before.js'), 'w') as f:
        f.write(before_js)
    shutil.copy(WARDS, os.path.join(folder, 'wards.geojson'))
    with open(WARDS) as f:
        codes = [feat['properties']['code'] for feat in json.load(f)['features']]
    located = points(n, rng)
    fatal = [1 if rng.random() < 0.08 else 0 for _ in located]
    areas = [{'code': c, 'name': c, 'ladName': 'X', 'incidents': rng.randint(1, 400), 'fatal': rng.randint(0, 20)}
             for c in codes]
    common = {'from': '2026-11-08', 'to': '2026-12-05', 'level': 'ward', 'vintage': 'May 2024', 'total': n,
              'fatal': sum(fatal), 'unplaced': 0, 'pointsShown': True, 'areas': areas, 'curve': [], 'hours': []}
    flat = []
    for (lat, lon), f in zip(located, fatal):
        flat += [round(lat * 100000), round(lon * 100000), f]
    sizes = {}
    for name, body in (('overdose.json', dict(common, points=flat)),
                       ('overdose-before.json',
                        dict(common, points=[[lat, lon, f] for (lat, lon), f in zip(located, fatal)]))):
        text = json.dumps(body, separators=(',', ':'))
        sizes[name] = len(text)
        with open(os.path.join(folder, name), 'w') as out:
            out.write(text)
    kinds = ['OVERDOSE', 'REPORT', 'SIGNAL', 'FINDING', 'SPIKE', 'ALERT']
    aware = []
    for i, (lat, lon) in enumerate(located):
        aware += [round(lat * 100000), round(lon * 100000), 0 if i < n - 1000 else 1 + i % 5]
    columns, rows = 110, 70
    picture = {'from': '2026-11-08', 'to': '2026-12-05', 'level': 'ward', 'vintage': 'May 2024', 'kinds': kinds,
               'layers': {'overdoses': True, 'overdosePoints': True, 'earlyWarning': True, 'findings': True},
               'points': aware, 'overdoses': n - 1000, 'events': 1000,
               'curve': [[rng.randint(0, 2000)] + [rng.randint(0, 10) for _ in range(5)] for _ in range(28)],
               'hotspots': [], 'limits': [],
               'heatmap': {'south': SOUTH, 'west': WEST, 'north': NORTH, 'east': EAST, 'columns': columns,
                           'rows': rows, 'max': 40.0,
                           'values': [rng.randint(0, 255) if rng.random() < 0.3 else 0
                                      for _ in range(columns * rows)]}}
    text = json.dumps(picture, separators=(',', ':'))
    sizes['awareness.json'] = len(text)
    with open(os.path.join(folder, 'awareness.json'), 'w') as out:
        out.write(text)
    bounds = f'{SOUTH},{WEST},{NORTH},{EAST}'
    probe = """// Records when the page's script has drawn (the attribute it sets) and the frame after it was painted.
const map = document.getElementById('map');
const wanted = map.dataset.waitFor;
new MutationObserver(() => {
  if (window.firstRender || !map.getAttribute(wanted)) return;
  const drawn = performance.now();
  requestAnimationFrame(() => setTimeout(() => { window.firstRender = { drawn, painted: performance.now() }; }, 0));
}).observe(map, { attributes: true });
"""
    with open(os.path.join(folder, 'probe.js'), 'w') as f:
        f.write(probe)
    page = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="stylesheet" href="leaflet.css"><style>#map {{ width: 1200px; height: 700px; }}
.hw-points-canvas {{ position: absolute; left: 0; top: 0; pointer-events: none; }}</style></head><body>
<div id="map" data-wait-for="{wait}" data-api="{api}" data-areas="wards.geojson" data-bounds="{bounds}"
 data-kind-labels="Overdoses|Reports|Signals|Findings|Spikes|Alerts" data-label-heatmap="Heatmap"
 data-label-hotspots="Hotspots" data-status-loaded="{{0}}" data-legend-title="Incidents"></div>
<p id="map-status"></p>
<script src="probe.js"></script><script src="leaflet.js"></script><script type="module" src="js/{script}"></script>
</body></html>"""
    variants = {'awareness': ('awareness-map.js', 'awareness.json', 'data-rendered'),
                'overdose': ('overdose-map.js', 'overdose.json', 'data-points-drawn'),
                'overdose-before': ('overdose-map-before.js', 'overdose-before.json', 'data-rendered')}
    for variant, (script, api, wait) in variants.items():
        with open(os.path.join(folder, f'{variant}.html'), 'w') as f:
            f.write(page.format(wait=wait, api=api, bounds=bounds, script=script))
    return sizes


def webdriver(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f'http://127.0.0.1:{port}{path}', data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)['value']


def cpu_seconds(root):
    """CPU seconds (user + system) used so far by the process and all its descendants (the browser under
    chromedriver): what the page costs whatever else the machine is doing."""
    parents = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    fields = f.read().rsplit(')', 1)[1].split()
                parents[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
            except (OSError, IndexError, ValueError):
                pass
    tree = {root}
    grown = True
    while grown:
        grown = False
        for pid, (ppid, _) in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grown = True
    return sum(parents[pid][1] for pid in tree if pid in parents) / os.sysconf('SC_CLK_TCK')


def task_seconds(port, session):
    """The renderer's main-thread task time so far (Chrome's Performance.getMetrics TaskDuration), in seconds."""
    metrics = webdriver(port, 'POST', f'/session/{session}/goog/cdp/execute',
                        {'cmd': 'Performance.getMetrics', 'params': {}})['metrics']
    return next(m['value'] for m in metrics if m['name'] == 'TaskDuration')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('variants', nargs='+', choices=['awareness', 'overdose', 'overdose-before'])
    parser.add_argument('--points', type=int, default=50000)
    parser.add_argument('--runs', type=int, default=7)
    parser.add_argument('--before-ref', default='e90f6a0')
    args = parser.parse_args()
    before_js = subprocess.run(['git', '-C', ROOT, 'show',
                                f'{args.before_ref}:src/main/resources/static/js/overdose-map.js'],
                               check=True, capture_output=True, text=True).stdout
    folder = tempfile.mkdtemp(prefix='hw-map-bench-')
    sizes = write_inputs(folder, args.points, random.Random(20261206), before_js)
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=folder, **k)
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f'http://127.0.0.1:{server.server_address[1]}'
    port = free_port()
    driver = subprocess.Popen(['chromedriver', f'--port={port}'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                webdriver(port, 'GET', '/status')
                break
            except OSError:
                time.sleep(0.1)
        session = webdriver(port, 'POST', '/session', {'capabilities': {'alwaysMatch': {
            'browserName': 'chrome', 'goog:chromeOptions': {'binary': '/usr/bin/chromium', 'args': [
                '--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1280,900']}}}})['sessionId']
        print(f'points: {args.points:,}; runs per variant: {args.runs} (first one discarded as warm-up); '
              f'JSON bytes: ' + ', '.join(f'{k} {v:,}' for k, v in sorted(sizes.items())))
        results = {}
        for variant in args.variants:
            times = []
            cpu = []
            browser_cpu = []
            for run in range(args.runs + 1):
                webdriver(port, 'POST', f'/session/{session}/url', {'url': 'about:blank'})
                webdriver(port, 'POST', f'/session/{session}/goog/cdp/execute',
                          {'cmd': 'Performance.enable', 'params': {}})
                before = task_seconds(port, session)
                cpu_before = cpu_seconds(driver.pid)
                webdriver(port, 'POST', f'/session/{session}/url', {'url': f'{site}/{variant}.html?run={run}'})
                deadline = time.time() + 60
                found = None
                while time.time() < deadline and found is None:
                    found = webdriver(port, 'POST', f'/session/{session}/execute/sync',
                                      {'script': 'return window.firstRender || null;', 'args': []})
                    if found is None:
                        time.sleep(0.1)
                if found is None:
                    sys.exit(f'{variant}: the page never drew its points')
                if run > 0:
                    times.append(found['painted'])
                    cpu.append((task_seconds(port, session) - before) * 1000)
                    browser_cpu.append((cpu_seconds(driver.pid) - cpu_before) * 1000)
            results[variant] = browser_cpu
            if os.environ.get('SCREENSHOT_DIR'):
                import base64
                shot = webdriver(port, 'GET', f'/session/{session}/screenshot')
                with open(os.path.join(os.environ['SCREENSHOT_DIR'], f'{variant}.png'), 'wb') as f:
                    f.write(base64.b64decode(shot))
            print(f'{variant:16s} first render (navigation start → painted) median {statistics.median(times):7.0f} ms'
                  f'  min {min(times):7.0f}  max {max(times):7.0f};  main-thread task time median '
                  f'{statistics.median(cpu):7.0f} ms;  browser CPU time (all processes) median '
                  f'{statistics.median(browser_cpu):7.0f} ms')
        if 'overdose' in results and 'overdose-before' in results:
            print(f'ratio of browser CPU time, overdose-before / overdose: '
                  f'{statistics.median(results["overdose-before"]) / statistics.median(results["overdose"]):.1f}x')
        webdriver(port, 'DELETE', f'/session/{session}')
    finally:
        driver.terminate()
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == '__main__':
    main()
