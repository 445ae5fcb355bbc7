#!/usr/bin/env bash
# Installs learn under a prefix:  scripts/install.sh [PREFIX]       (default ~/.local)
# Removes it again:               scripts/install.sh --uninstall [PREFIX]
#
#   PREFIX/bin/learn                                the release binary
#   PREFIX/share/learn/Lessons/                     the course (an installed learn finds it)
#   PREFIX/share/learn/commit                       the commit it was built from
#   PREFIX/share/man/man1/learn*.1                  the manual pages
#   PREFIX/share/bash-completion/completions/learn  shell completions (also zsh, fish)
set -euo pipefail
cd "$(dirname "$0")/.."

uninstall=false
if [ "${1:-}" = "--uninstall" ]; then uninstall=true; shift; fi
if [ $# -gt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
prefix="${1:-$HOME/.local}"
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

files=(
    "$prefix/bin/learn"
    "$prefix/share/learn"
    "$prefix/share/bash-completion/completions/learn"
    "$prefix/share/zsh/site-functions/_learn"
    "$prefix/share/fish/vendor_completions.d/learn.fish"
)

if $uninstall; then
    rm -rf "${files[@]}" "$prefix"/share/man/man1/learn.1 "$prefix"/share/man/man1/learn.*.1
    echo "removed learn from $prefix"
    exit 0
fi

echo "building the release binary (a first build takes a few minutes)"
swift build -c release --product learn
bin="$(swift build -c release --show-bin-path)/learn"

mkdir -p "$prefix/bin" "$prefix/share/learn" "$prefix/share/man/man1" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin" "$prefix/bin/learn"
rm -rf "$prefix/share/learn/Lessons"
cp -R Lessons "$prefix/share/learn/Lessons"
git rev-parse --short=12 HEAD > "$prefix/share/learn/commit" 2>/dev/null || rm -f "$prefix/share/learn/commit"

# Completions and manual pages come from the argument parser itself.
"$prefix/bin/learn" --generate-completion-script bash > "$prefix/share/bash-completion/completions/learn"
"$prefix/bin/learn" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_learn"
"$prefix/bin/learn" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/learn.fish"
swift package --allow-writing-to-package-directory generate-manual --multi-page \
    --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)" >/dev/null
cp .build/plugins/GenerateManual/outputs/learn/*.1 "$prefix/share/man/man1/"

echo "installed $("$prefix/bin/learn" --version) into $prefix"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to your PATH, e.g.  export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
