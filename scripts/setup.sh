#!/usr/bin/env bash
# Sets up snn-figs on a fresh machine: system libraries, npm packages, the TypeScript build.
# Safe to run again: each step is skipped when already done.
#   scripts/setup.sh          what the CLI needs (canvas's native build libraries)
#   scripts/setup.sh --test   also what the tests need (rsvg-convert, pdftoppm, man, zsh, fish)
#   scripts/setup.sh --print-packages [--test]   only print the Debian packages, one line (CI installs them)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

# node-canvas has no prebuilt binary reachable here: it compiles against these (Debian names).
packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev)
# The tuning curve's WebAssembly kernel (src/wasm/*.c) is compiled with clang + lld (wasm32);
# `time` gives `make bench` its peak-memory column.
packages+=(clang lld time)
print_only=false
with_test=false
for arg in "$@"; do
  case $arg in
    --test) with_test=true ;;
    --print-packages) print_only=true ;;
    *) say "unknown option '$arg' (expected --test, --print-packages)"; exit 2 ;;
  esac
done
# The tests render SVG and PDF back to pixels with these; they render the man page with man-db
# and load the completion scripts into zsh and fish. The explorer pages are tested in Debian's
# chromium (driven by playwright-core; no browser download).
$with_test && packages+=(librsvg2-bin poppler-utils man-db zsh fish chromium)
if $print_only; then
  echo "${packages[*]}"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( node_major < 20 )); then
  say "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if (( ${#missing[@]} )); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    say "missing system packages: ${missing[*]}"
    say "install them first, e.g.: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

# npm ci only when the lock file changed since the last install (it rebuilds canvas: ~1 min).
stamp=node_modules/.snn-figs-lock
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]] || ! node -e "require('canvas')" 2>/dev/null; then
  say "installing npm packages (builds canvas from source)"
  npm ci --no-audit --no-fund >&2
  echo "$lock_hash" > "$stamp"
fi

# npm ci builds through the prepare script; sources change without it, so build whenever an input
# of the build changed since the last one (scripts/build-stamp.mjs).
if node scripts/build-stamp.mjs --check; then
  say "dist/ is up to date"
else
  say "building"
  npm run --silent build >&2
fi
