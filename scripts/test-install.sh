#!/usr/bin/env bash
# CI: install into a temporary prefix, then use the installed learn from another folder
# with no flags: list, version, manual, completions, the notebook in tmux, and a headless
# check of every installed lesson. Uninstall at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$(mktemp -d)"
elsewhere="$(mktemp -d)"
session="learn-install-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$prefix" "$elsewhere"' EXIT

scripts/install.sh "$prefix"
learn="$prefix/bin/learn"
fail() { echo "install test: $*" >&2; exit 1; }

cd "$elsewhere"
export HOME="$elsewhere" XDG_STATE_HOME="$elsewhere/state"
unset LEARN_LESSONS
# Captured first: `grep -q` stops reading at its match, and a `learn` still writing would
# then end by SIGPIPE, which pipefail reports as a failure.
list="$("$learn" list)"
grep -q "perceptron" <<<"$list" || fail "learn list shows no lessons: $list"
version="$("$learn" --version)"
grep -q "commit" <<<"$version" || fail "--version names no commit: $version"
test -s "$prefix/share/man/man1/learn.1" || fail "no manual page"
for f in bash-completion/completions/learn zsh/site-functions/_learn fish/vendor_completions.d/learn.fish; do
    test -s "$prefix/share/$f" || fail "no completion script $f"
done

# The notebook opens lesson 00 from here, as a student would start it.
tmux new-session -d -s "$session" -x 120 -y 40 "TERM=xterm-256color LANG=C.UTF-8 '$learn' 00"
screen=""
for _ in $(seq 50); do
    screen="$(tmux capture-pane -p -t "$session")"
    grep -q "learn · 00" <<<"$screen" && break
    sleep 0.2
done
grep -q "learn · 00" <<<"$screen" || fail "the notebook did not open lesson 00:
$screen"
tmux send-keys -t "$session" q

# Every installed lesson, headless, as an instructor's CI would run it.
"$learn" check

cd - >/dev/null
scripts/install.sh --uninstall "$prefix"
test ! -e "$learn" || fail "uninstall left $learn"
echo "install test passed"
