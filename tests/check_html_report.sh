#!/usr/bin/env bash
# Checks the HTML theme report the way a person sees it: renders the seeds' report in
# headless Chromium, checks that the screenshot is not blank and that the rendered map has
# one point per passage. CI runs it (.ci/run installs Chromium); needs models/fetch and a
# release build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$CHROMIUM" ] || { echo "check_html_report: no chromium (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

target/release/silica themes seeds/ --no-cache \
  --themes "supply chains and critical minerals; technological sovereignty; export controls on AI; bilateral AI partnerships; energy and agri-tech" \
  -o "$work/report.html"
target/release/silica themes seeds/ --no-cache --format json -o "$work/report.json" \
  --themes "supply chains and critical minerals; technological sovereignty; export controls on AI; bilateral AI partnerships; energy and agri-tech"

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars "--user-data-dir=$work/profile")
"$CHROMIUM" "${flags[@]}" --window-size=1200,1800 "--screenshot=$work/report.png" "file://$work/report.html" 2>/dev/null
"$CHROMIUM" "${flags[@]}" --dump-dom "file://$work/report.html" 2>/dev/null > "$work/dom.html"

python3 - "$work" <<'PY'
import json, struct, sys, zlib
work = sys.argv[1]
report = json.load(open(f"{work}/report.json"))
passages = len(report["items"])
dom = open(f"{work}/dom.html", encoding="utf-8").read()
points = dom.count('class="point"')
assert points == passages, f"the map has {points} points for {passages} passages"

# Decode the PNG (8-bit RGB/RGBA, no interlace) and count distinct colours.
png = open(f"{work}/report.png", "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, channels = 8, b"", 0, 0, 0
while pos < len(png):
    length, kind = struct.unpack(">I4s", png[pos:pos + 8])
    data = png[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", data[:10])
        channels = {2: 3, 6: 4}[colour]
        assert depth == 8
    elif kind == b"IDAT":
        idat += data
    pos += 12 + length
raw = zlib.decompress(idat)
stride = width * channels
colours, rows, prev = set(), [], bytearray(stride)
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b, c = prev[x], prev[x - channels] if x >= channels else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 8 == 0:
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, channels * 8))
    prev = line
assert len(colours) > 20, f"the screenshot looks blank ({len(colours)} colours)"
print(f"check_html_report: {points} map points for {passages} passages; screenshot {width}x{height}, {len(colours)} colours sampled")
PY
