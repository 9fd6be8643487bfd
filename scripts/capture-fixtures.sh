#!/usr/bin/env bash
# Captures this machine's system-wide /proc files into a fixture tree
# (default fixtures/proc). Run by hand when a new kernel's layout is wanted;
# tests read the copy, never the live /proc. Binary and write-only files are
# left out (kcore, kmsg, kpage*, config.gz, sysrq-trigger, net/rt_acct).
set -euo pipefail
dest=${1:-fixtures/proc}
mkdir -p "$dest"
copy() { # copy REL: cat the live file so the copy holds its real contents (stat sizes lie)
  local rel=$1
  mkdir -p "$dest/$(dirname "$rel")"
  cat "/proc/$rel" > "$dest/$rel" 2>/dev/null || rm -f "$dest/$rel"
}
for f in /proc/*; do
  name=${f#/proc/}
  [[ -f $f && ! -L $f ]] || continue
  case $name in kcore|kmsg|kpage*|config.gz|sysrq-trigger|[0-9]*) continue ;; esac
  copy "$name"
done
for f in /proc/net/* /proc/net/*/*; do
  rel=${f#/proc/}
  [[ -f $f ]] || continue
  case $rel in net/rt_acct) continue ;; esac
  copy "$rel"
done
for f in /proc/pressure/* /proc/sysvipc/*; do copy "${f#/proc/}"; done
for rel in sys/fs/file-nr sys/kernel/random/entropy_avail sys/kernel/random/poolsize \
  sys/kernel/pid_max sys/kernel/threads-max sys/kernel/hung_task_detect_count \
  sys/net/netfilter/nf_conntrack_count sys/net/netfilter/nf_conntrack_max \
  sys/kernel/ostype sys/kernel/osrelease sys/kernel/version sys/kernel/hostname sys/kernel/domainname sys/kernel/arch; do copy "$rel"; done
# The filesystem collector reads init's mount table (node_exporter's /proc/1/mountinfo).
for rel in 1/mounts 1/mountinfo; do copy "$rel"; done
echo "captured into $dest from $(uname -sr) on $(date -u +%F)"
