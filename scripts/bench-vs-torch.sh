#!/usr/bin/env bash
# Times learn and PyTorch on the canonical configs of benchmarks.md, one thread each, and
# prints a Markdown table of steps/s and ratios (learn ÷ PyTorch; for the recurrent models,
# PyTorch's faster row of hand-written and built-in cells).
#
#   TORCH_PYTHON=/path/to/venv/bin/python scripts/bench-vs-torch.sh [SECONDS] [ROUNDS] [THREADS]
#
# THREADS 2 times both sides on two threads (learn bench --threads 2, torch_bench.py
# --threads 2), in wall-clock seconds: CPU seconds would add up both threads' time.
#
# Fair on a shared, noisy machine: both sides are timed in CPU seconds of their own process
# (learn bench does so; PyTorch's torch_bench.py is run with its clock set to
# time.process_time), and the two alternate for ROUNDS rounds (default 3; who goes first
# alternates), so drifting load hits both. Each round gives a ratio; the table shows every
# round's and their median.
#
# PyTorch lives in a virtual environment outside the repository (pip install torch).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
rounds=${2:-3}
threads=${3:-1}
python=${TORCH_PYTHON:-python3}
shared=$(cd "${LEARN_SHARED:-../shared}" && pwd)
out=$(mktemp -d)
names=(perceptron mlp rnn lstm gru transformer transformer-large)

swift build -c release --product learn >/dev/null
learn=$PWD/.build/release/learn

run_learn() {  # round
    "$learn" bench --json --threads "$threads" --seconds "$seconds" "${names[@]}" | sed "s/^{/{\"round\": $1, /" >> "$out/learn.jsonl"
}

run_torch() {  # round
    (cd "$shared/bench" && OMP_NUM_THREADS=$threads "$python" - --threads "$threads" --seconds "$seconds" <<'PY'
import sys, time
if "--threads" in sys.argv and sys.argv[sys.argv.index("--threads") + 1] == "1":
    time.perf_counter = time.process_time  # CPU seconds of this process, as learn bench counts
sys.argv[0] = "torch_bench.py"
import torch_bench
torch_bench.main()
PY
    ) | sed "s/^{/{\"round\": $1, /" >> "$out/torch.jsonl"
}

for ((round = 1; round <= rounds; round++)); do
    if ((round % 2)); then run_learn "$round"; run_torch "$round"
    else run_torch "$round"; run_learn "$round"; fi
done

python3 - "$out/learn.jsonl" "$out/torch.jsonl" "$rounds" "$threads" <<'PY'
import json, statistics, sys
rounds = int(sys.argv[3])
learn, torch = {}, {}
for r in map(json.loads, open(sys.argv[1])):
    learn.setdefault(r["name"], {})[r["round"]] = r["steps_per_s"]
for r in map(json.loads, open(sys.argv[2])):
    row = torch.setdefault(r["name"].removesuffix("-builtin"), {})
    row[r["round"]] = max(row.get(r["round"], 0), r["steps_per_s"])
rounds_head = " | ".join(f"round {i}" for i in range(1, rounds + 1))
threads = sys.argv[4]
print(f"| name | learn steps/s | PyTorch steps/s ({threads} thread{'s' if threads != '1' else ''}) | {rounds_head} | median ratio |")
print("|---|---:|---:|" + "---:|" * rounds + "---:|")
for name, ours in learn.items():
    theirs = torch[name]
    ratios = [ours[i] / theirs[i] for i in range(1, rounds + 1)]
    cells = " | ".join(f"{x:.2f}×" for x in ratios)
    print(f"| {name} | {statistics.median(ours.values()):,.1f} | {statistics.median(theirs.values()):,.1f} | "
          f"{cells} | {statistics.median(ratios):.2f}× |")
PY
