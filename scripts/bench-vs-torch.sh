#!/usr/bin/env bash
# Times learn and PyTorch on the canonical configs of benchmarks.md in one run, one
# thread each, and prints a Markdown table of steps/s and ratios (learn ÷ PyTorch; for
# the recurrent models, PyTorch's faster row of hand-written and built-in cells).
#
#   TORCH_PYTHON=/path/to/venv/bin/python scripts/bench-vs-torch.sh [SECONDS]
#
# PyTorch lives in a virtual environment outside the repository (pip install torch).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
python=${TORCH_PYTHON:-python3}
shared=${LEARN_SHARED:-../shared}
out=$(mktemp -d)

swift build -c release --product learn >/dev/null
.build/release/learn bench --json --seconds "$seconds" \
    perceptron mlp rnn lstm gru transformer transformer-large > "$out/learn.jsonl"
(cd "$shared/bench" && OMP_NUM_THREADS=1 "$python" torch_bench.py --threads 1 --seconds "$seconds") > "$out/torch.jsonl"

python3 - "$out/learn.jsonl" "$out/torch.jsonl" <<'PY'
import json, sys
learn = {r["name"]: r["steps_per_s"] for r in map(json.loads, open(sys.argv[1]))}
torch = {}
for r in map(json.loads, open(sys.argv[2])):
    name = r["name"].removesuffix("-builtin")
    torch[name] = max(torch.get(name, 0), r["steps_per_s"])
print("| name | learn steps/s | PyTorch steps/s (1 thread) | ratio |")
print("|---|---:|---:|---:|")
for name, ours in learn.items():
    theirs = torch.get(name)
    ratio = f"{ours / theirs:.2f}×" if theirs else "–"
    print(f"| {name} | {ours:,.1f} | {theirs:,.1f} | {ratio} |" if theirs else f"| {name} | {ours:,.1f} | – | – |")
PY
