#!/usr/bin/env bash
# Run `make <target>` of this checkout inside a Debian chroot with Debian's own QGIS:
#   trixie (Debian 13) -> QGIS 3.40 LTR, sid (unstable) -> the latest QGIS 3.x.
# Usage: scripts/qgis_chroot.sh trixie|sid [make target ...]   (default target: test)
#        scripts/qgis_chroot.sh trixie|sid -- command ...        (any command, in the checkout's copy)
#
# The chroot is built once with debootstrap and cached outside the checkout
# (TERRITOIRE_CHROOT_CACHE, default /var/cache/territoire-chroots/<suite>); the checkout's working tree
# (files git tracks, plus untracked files it does not ignore) and ../shared are copied in at every run,
# the venv the Makefile makes inside the copy is kept between runs. The chroot gets the host's CA
# bundle, resolver and environment, so apt and pip work there as on the host. Mounts live in a private
# mount namespace (unshare), so nothing stays mounted when the run ends, even on failure.
set -euo pipefail

suite=${1:?usage: scripts/qgis_chroot.sh trixie|sid [make target ...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(test)
case "$suite" in
    trixie | sid) ;;
    *) echo "qgis_chroot: unknown suite '$suite' (trixie or sid)" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "qgis_chroot: run as root (debootstrap, chroot)" >&2; exit 2; }

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${TERRITOIRE_CHROOT_CACHE:-/var/cache/territoire-chroots}
root=$cache/$suite
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ca_bundle=/etc/ssl/certs/ca-certificates.crt
# Packages the chroot needs before the Makefile's own `make system` installs QGIS and the rest.
base_packages=ca-certificates,make,git,procps,locales

command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
}

# Host files the chroot shares: CA bundle (a proxy's CA may be in it), resolver, hosts.
sync_host_files() {
    mkdir -p "$1/etc/ssl/certs"
    [ ! -f "$ca_bundle" ] || cp -L "$ca_bundle" "$1$ca_bundle"
    cp -L /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
    cp -L /etc/hosts "$1/etc/hosts" 2>/dev/null || true
}

# Runs a command inside the chroot, with /proc, /sys, /dev mounted in a private mount namespace.
in_chroot() {
    local dir=$1
    shift
    unshare --mount --propagation private -- /bin/bash -euc '
        r=$1; shift
        mount -t proc proc "$r/proc"
        mount -t sysfs sysfs "$r/sys"
        mount --bind /dev "$r/dev"
        mount -t devpts -o newinstance,ptmxmode=0666 devpts "$r/dev/pts" 2>/dev/null || mount --bind /dev/pts "$r/dev/pts"
        mount -t tmpfs tmpfs "$r/dev/shm"
        mount -t tmpfs tmpfs "$r/tmp"
        exec chroot "$r" /usr/bin/env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
    ' territoire-chroot "$dir" "$@"
}

# A cached chroot older than TERRITOIRE_CHROOT_MAX_AGE_DAYS (default 14) is built again, so that sid's QGIS
# stays the latest one.
max_age=${TERRITOIRE_CHROOT_MAX_AGE_DAYS:-14}
if [ -e "$root/.territoire-ready" ] && [ -n "$(find "$root/.territoire-ready" -mtime +"$max_age")" ]; then
    echo "qgis_chroot: the $suite chroot is older than $max_age days: building it again"
    rm -f "$root/.territoire-ready"
fi
if [ ! -e "$root/.territoire-ready" ]; then
    echo "qgis_chroot: building the $suite chroot in $root (once; cached)"
    rm -rf "$root.partial"
    mkdir -p "$cache"
    debootstrap --variant=minbase --include="$base_packages" "$suite" "$root.partial" "$mirror"
    # sid's Release file on a mirror can be past its Valid-Until date: apt must still take it.
    printf 'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n' \
        >"$root.partial/etc/apt/apt.conf.d/99territoire"
    sync_host_files "$root.partial"
    in_chroot "$root.partial" apt-get update -qq -o Acquire::Check-Valid-Until=false
    touch "$root.partial/.territoire-ready"
    rm -rf "$root"
    mv "$root.partial" "$root"
fi

sync_host_files "$root"
# The checkout as the developer sees it, and ../shared beside it (read-only material).
work=$root/work
mkdir -p "$work/main"
find "$work/main" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
(cd "$here" && git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$work/main"
rm -rf "$work/shared"
[ ! -d "$here/../shared" ] || cp -a "$here/../shared" "$work/shared"

# The Makefile (`make system`) updates apt's lists and installs what is missing.
if [ "${targets[0]}" = "--" ]; then
    in_chroot "$root" /bin/bash -c 'cd /work/main && exec "$@"' run "${targets[@]:1}"
else
    in_chroot "$root" /bin/bash -c 'cd /work/main && exec make "$@"' make "${targets[@]}"
fi
