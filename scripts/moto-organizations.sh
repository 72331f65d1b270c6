#!/usr/bin/env bash
# moto's AWS Organizations tests (tests/test_organizations) in moto's server
# mode against account-server: an external check of the Organizations
# subset, not part of `make test`. It downloads nothing and builds nothing.
#
#   scripts/moto-organizations.sh <moto checkout> [pytest arguments...]
#
# <moto checkout> is a directory holding at least moto's tests/__init__.py,
# tests/conftest.py, tests/markers.py and tests/test_organizations/ (a
# `git archive ... | tar -x` of those paths is enough). The moto *library*
# is whatever $PYTHON imports (the project's .venv has moto[server]); the
# tests run with --import-mode=append from outside the checkout, so a
# moto/ folder in the checkout does not shadow it. Use a checkout of the
# same moto version as the library, so tests and library agree.
#
# moto's mock_aws() in server mode (TEST_SERVER_MODE=true, see
# moto/settings.py) points every boto3 client at TEST_SERVER_MODE_ENDPOINT
# and POSTs /moto-api/reset there before each test; account-server serves
# that reset. moto's tests expect the default account 123456789012 and call
# with the access key FOOBARKEY, which account-server maps to --account-id.
#
# Expect many failures that are moto's choices, not the sandbox's bugs:
# moto's CreateAccount answers SUCCEEDED with an AccountId at once (the
# service answers IN_PROGRESS), moto enables SCPs and RCPs at
# CreateOrganization (here EnablePolicyType does), and moto serves policy
# types, partitions and operations the sandbox does not model.
#
# Environment: ACCOUNT_SERVER_BIN (default target/server/account-server),
# PYTHON (default .venv/bin/python), PORT (default: a free one), LOG (the
# server's log file; default: a temporary file, printed at the end).
set -euo pipefail

if [ $# -lt 1 ] || [ ! -d "$1/tests/test_organizations" ]; then
    echo "usage: $0 <moto checkout with tests/test_organizations> [pytest arguments...]" >&2
    exit 2
fi
moto=$(cd "$1" && pwd)
shift

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ACCOUNT_SERVER_BIN:-$root/target/server/account-server}
python=${PYTHON:-$root/.venv/bin/python}
if [ ! -x "$bin" ]; then
    echo "no server binary at $bin: run \`cargo build --profile server -p account-server\` or set ACCOUNT_SERVER_BIN" >&2
    exit 2
fi
"$python" -c 'import moto, boto3' || { echo "$python cannot import moto and boto3" >&2; exit 2; }

port=${PORT:-$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
log=${LOG:-$(mktemp -t moto-organizations-server.XXXXXX.log)}
workdir=$(mktemp -d -t moto-organizations.XXXXXX)

# In memory (no --state): moto's reset between tests needs no files.
"$bin" --port "$port" --account-id 123456789012 >"$log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

for _ in $(seq 1 200); do
    if "$python" -c "import socket; socket.create_connection(('127.0.0.1', $port), timeout=0.2)" 2>/dev/null; then
        break
    fi
    kill -0 "$server" 2>/dev/null || { echo "account-server exited at start:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
done

export TEST_SERVER_MODE=true
export TEST_SERVER_MODE_ENDPOINT="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=FOOBARKEY AWS_SECRET_ACCESS_KEY=FOOBARSECRET AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

status=0
(cd "$workdir" && "$python" -m pytest "$moto/tests/test_organizations" \
    --rootdir "$moto" --import-mode=append -p no:cacheprovider -q -rfE "$@") || status=$?
echo "server log: $log"
exit "$status"
