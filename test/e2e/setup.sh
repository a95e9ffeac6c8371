#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently and offline-safe (only the npm registry and Debian):
#   - Debian: chromium (the browser), libkrb5-dev (to build code-server's kerberos module), ripgrep (VS Code's
#     search binary, whose npm package would download it), neovim (the second LSP client);
#   - into .e2e/ (git-ignored): code-server (VS Code's server + web workbench) and playwright-core.
# A second run only checks and prints "ready" (well under a second).
# Env: ALPINIST_E2E_DIR (default <repo>/.e2e), ALPINIST_E2E_SKIP_APT=1 to skip the Debian part.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # newest release that accepts Node 20 (VS Code 1.100.3)
PLAYWRIGHT_VERSION=1
# Bump when the steps below change, so that an existing .e2e/ is rebuilt.
RECIPE=1

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${ALPINIST_E2E_DIR:-$repo/.e2e}"
stamp="$dir/.installed-code-server-$CODE_SERVER_VERSION-recipe-$RECIPE"
log() { printf 'e2e setup: %s\n' "$*" >&2; }

# --- Debian packages ------------------------------------------------------------------------------------------
apt_packages=(chromium libkrb5-dev ripgrep neovim)
if [[ "${ALPINIST_E2E_SKIP_APT:-}" != 1 ]]; then
  missing=()
  for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]} > 0)); then
    sudo=()
    if [[ $(id -u) != 0 ]]; then
      command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
      sudo=(sudo)
    fi
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q </dev/null
    "${sudo[@]}" apt-get install -y -q "${missing[@]}" </dev/null
  fi
fi
for binary in chromium rg nvim node; do
  command -v "$binary" >/dev/null || { log "missing $binary on PATH"; exit 1; }
done

# --- code-server and playwright-core into .e2e/ ----------------------------------------------------------------
entry="$dir/node_modules/code-server/out/node/entry.js"
if [[ -f "$stamp" && -f "$entry" && -d "$dir/node_modules/playwright-core" ]]; then
  log "ready ($dir)"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_VERSION into $dir"
rm -f "$dir"/.installed-*
mkdir -p "$dir"
cd "$dir"
[[ -f package.json ]] || printf '{ "name": "alpinist-e2e-tools", "private": true }\n' > package.json
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# Why --ignore-scripts: code-server's postinstall (and @vscode/ripgrep's) download binaries from outside the
# npm registry; the native modules are rebuilt explicitly below and rg comes from Debian.
npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" </dev/null
npm rebuild --loglevel=error argon2 </dev/null

cd "$dir/node_modules/code-server/lib/vscode"
npm install --omit=dev --ignore-scripts --loglevel=error </dev/null
npm rebuild --loglevel=error node-pty @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid </dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --loglevel=error </dev/null && node postinstall.mjs >/dev/null)

# Note: code-server writes a default config file on any start; keep it out of the user's home.
version="$(CODE_SERVER_CONFIG="$dir/config.yaml" node "$entry" --version | tail -n 1)"
[[ "$version" == "$CODE_SERVER_VERSION "* ]] || { log "unexpected code-server version: $version"; exit 1; }
touch "$stamp"
log "ready: code-server $version"
