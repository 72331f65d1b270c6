#!/usr/bin/env bash
# Builds the release server and runs the real-client tests (boto3, the AWS
# CLI, load and crash safety) against it. Needs .venv from
# scripts/install-tools.sh. Exits non-zero when anything fails.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  echo "test-clients: no .venv; run 'bash scripts/install-tools.sh' first" >&2
  exit 1
fi

cargo build --profile server -p account-server
ACCOUNT_SERVER_BIN="$(cargo metadata --format-version 1 --no-deps \
  | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')/server/account-server" \
  .venv/bin/python -m pytest tests/clients -q "$@"
