#!/usr/bin/env bash
# Installs the real peers the tests talk to. Tests that need one skip visibly when it is missing.
#   Debian: chromium (renders report.html), nginx-light and wrk (HTTP client tests and benchmarks)
#   PyPI:   hdrhistogram (reference HDR histogram), boto3/botocore and moto (AWS SDK and emulator)
# Safe to run again; does nothing when everything is present.
set -uo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v nginx >/dev/null 2>&1 || need_apt+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need_apt+=(wrk)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "install-test-deps: apt-get install ${need_apt[*]}"
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null; then
        :
    else
        echo "install-test-deps: WARNING: apt-get install failed; the tests that need ${need_apt[*]} will skip"
    fi
fi

need_pip=()
python3 -c "import hdrh" 2>/dev/null || need_pip+=(hdrhistogram)
python3 -c "import botocore, boto3" 2>/dev/null || need_pip+=(boto3 botocore)
python3 -c "import moto" 2>/dev/null || need_pip+=("moto[server]")
if [ ${#need_pip[@]} -gt 0 ]; then
    echo "install-test-deps: pip install ${need_pip[*]}"
    python3 -m pip install --quiet --disable-pip-version-check "${need_pip[@]}" \
        || echo "install-test-deps: WARNING: pip install failed; the tests that need ${need_pip[*]} will skip"
fi
exit 0
