#!/usr/bin/env bash
# Installs the real peers the tests talk to. Tests that need one skip visibly when it is missing.
#   PyPI:   hdrhistogram (reference HDR histogram), boto3/botocore and moto (AWS SDK and emulator)
# Safe to run again; quiet when everything is present.
set -uo pipefail

need_pip=()
python3 -c "import hdrh" 2>/dev/null || need_pip+=(hdrhistogram)
python3 -c "import botocore, boto3" 2>/dev/null || need_pip+=(boto3 botocore)
if [ ${#need_pip[@]} -gt 0 ]; then
    echo "install-test-deps: pip install ${need_pip[*]}"
    python3 -m pip install --quiet --disable-pip-version-check "${need_pip[@]}" \
        || echo "install-test-deps: WARNING: pip install failed; the tests that need ${need_pip[*]} will skip"
fi
exit 0
