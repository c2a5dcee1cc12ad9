#!/usr/bin/env bash
# Makes sure Suricata 7 is installed: the engine tests run the Network Firewall rules in it.
# Called by the test command (jest's globalSetup, test/global-setup.js) when `suricata` is not on
# PATH, and usable by hand. As root on Debian bookworm with apt, it installs Suricata 7 from
# bookworm-backports, using a backports sources entry derived from the machine's own Debian entry
# (so no mirror is named here). Anywhere else it changes nothing and fails with one line saying
# how to install it.
set -euo pipefail

if command -v suricata >/dev/null 2>&1; then
  if suricata -V 2>/dev/null | grep -q 'version [7-9]\.'; then exit 0; fi
  echo "agora-egress tests: $(suricata -V 2>/dev/null | head -n 1 || echo 'suricata') found, but the engine tests need Suricata 7 or later (Debian bookworm: scripts/ensure-suricata.sh as root after removing it)." >&2
  exit 1
fi

codename=$( (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || true)
if [ "$(id -u)" != 0 ] || [ "$codename" != bookworm ] || ! command -v apt-get >/dev/null 2>&1; then
  if [ "$codename" = bookworm ]; then
    echo "agora-egress tests: Suricata 7 is missing; install it with 'sudo scripts/ensure-suricata.sh' (apt-get install -t bookworm-backports suricata, from a bookworm-backports sources entry)." >&2
  else
    echo "agora-egress tests: Suricata 7 is missing; install Suricata 7 with your package manager (Debian bookworm: 'sudo scripts/ensure-suricata.sh'), then rerun." >&2
  fi
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # The first stanza is the main archive (debian-security has no backports suite).
    awk 'BEGIN{RS=""} NR==1' /etc/apt/sources.list.d/debian.sources \
      | sed 's/^Suites:.*/Suites: bookworm-backports/' > /etc/apt/sources.list.d/debian-backports.sources
  elif [ -f /etc/apt/sources.list ] && grep -qE '^deb .* bookworm main' /etc/apt/sources.list; then
    grep -E '^deb .* bookworm main' /etc/apt/sources.list | head -n 1 \
      | sed 's/ bookworm main/ bookworm-backports main/' > /etc/apt/sources.list.d/debian-backports.list
  else
    echo "agora-egress tests: Suricata 7 is missing and no Debian sources entry was found to derive bookworm-backports from; add one, then run scripts/ensure-suricata.sh again." >&2
    exit 1
  fi
fi
echo "agora-egress tests: installing Suricata 7 from bookworm-backports (the engine tests need it)" >&2
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends -t bookworm-backports suricata >&2
suricata -V >&2
