#!/usr/bin/env bash
# The version matrix: `make test` on this machine's QGIS (Debian 12: 3.22 LTR), then in a Debian 13 chroot
# (3.40 LTR) and a Debian sid chroot (latest 3.x), each through scripts/qgis_chroot.sh. Every version runs
# even when one fails; one line per version at the end, and the exit code is non-zero if any failed.
# Logs: test_matrix/<name>.log. Usage: scripts/test_matrix.sh [host] [trixie] [sid]   (default: all three)
set -uo pipefail
cd "$(dirname "$0")/.."
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(host trixie sid)
mkdir -p test_matrix
lines=()
status=0
declare -A total
for name in "${names[@]}"; do
    log=test_matrix/$name.log
    start=$(date +%s)
    echo "=== $name: make test (log: $log)"
    if [ "$name" = host ]; then
        make test 2>&1 | tee "$log"
        rc=${PIPESTATUS[0]}
        debian="Debian $(cut -d. -f1 /etc/debian_version 2>/dev/null) (host)"
    else
        bash scripts/qgis_chroot.sh "$name" test 2>&1 | tee "$log"
        rc=${PIPESTATUS[0]}
        debian="Debian $name (chroot)"
    fi
    seconds=$(($(date +%s) - start))
    # The suite's header line (tests/conftest.py): "QGIS 3.40.6-Bratislava, Qt …".
    qgis=$(sed -n 's/^QGIS \([0-9.]*\).*/\1/p' "$log" | head -n 1)
    # pytest's closing lines: the unit run, then the run on QGIS.
    counts=$(grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$log" | sed -E 's/^=+ (.*) in [0-9.]+s.*/\1/' |
        paste -sd '+' | sed 's/+/ + /g')
    verdict=ok
    if [ $rc -ne 0 ]; then
        verdict="FAILED (exit $rc)"
        status=1
    fi
    for kind in passed failed skipped error; do
        n=$(grep -E '^=+ .* in [0-9.]+s' "$log" | grep -oE "[0-9]+ $kind" | awk '{s += $1} END {print s + 0}')
        total[$kind]=$((${total[$kind]:-0} + n))
    done
    lines+=("QGIS ${qgis:-?} · $debian · ${counts:-no test summary} · $((seconds / 60)) min $((seconds % 60)) s · $verdict")
done
echo
echo "Version matrix:"
printf '  %s\n' "${lines[@]}"
echo "matrix: ${total[passed]} passed, $((total[failed] + total[error])) failed, ${total[skipped]} skipped"
exit $status
