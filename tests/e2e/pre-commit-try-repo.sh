#!/usr/bin/env bash
# The pre-commit hooks with the real pre-commit: `pre-commit try-repo` of this repository on a
# broken backlog (the commit would fail, with the findings) and on a clean one (it would pass).
# A step of .ci/run rather than a test: try-repo installs the hooks' environment afresh each
# time (npm install of this repository, its build, npm pack, a global install of the tarball),
# which takes tens of seconds. It tries what is committed or staged here.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The hooks' npm install takes the packages from the cache `npm ci` filled.
export npm_config_prefer_offline=true NO_COLOR=1 BACKLOG_AS_OF=2026-06-01

# A repository holding a backlog, everything committed, as a team's would be.
backlog_repo() {
  local dir="$work/$1"
  cp -r "$2" "$dir"
  git -C "$dir" init -q
  git -C "$dir" add -A
  git -C "$dir" -c user.name=ci -c user.email=ci@example.com commit -qm "$1"
  echo "$dir"
}

fail() {
  echo "pre-commit-try-repo: $*" >&2
  exit 1
}

broken="$(backlog_repo broken "$repo/examples/broken")"
echo "== pre-commit try-repo $repo --all-files, on a broken backlog (examples/broken)"
set +e
(cd "$broken" && pre-commit try-repo "$repo" --all-files) > "$work/broken.txt" 2>&1
code=$?
set -e
cat "$work/broken.txt"
[ "$code" -eq 1 ] || fail "expected exit 1 on the broken backlog, got $code"
grep -q '^backlog validate\.*Failed$' "$work/broken.txt" || fail 'backlog-validate did not fail on the broken backlog'
grep -q 'UNKNOWN_REFERENCE' "$work/broken.txt" || fail 'the findings are not in the output'
grep -q '✖ 28 problems (17 errors, 11 warnings)' "$work/broken.txt" || fail 'the summary line is not in the output'
grep -q '^backlog fmt\.*Failed$' "$work/broken.txt" || fail 'backlog-fmt did not fail on files it cannot format'

clean="$(backlog_repo clean "$repo/examples/contoso")"
echo "== pre-commit try-repo $repo --all-files, on a clean backlog (examples/contoso)"
set +e
(cd "$clean" && pre-commit try-repo "$repo" --all-files) > "$work/clean.txt" 2>&1
code=$?
set -e
cat "$work/clean.txt"
[ "$code" -eq 0 ] || fail "expected exit 0 on the clean backlog, got $code"
grep -q '^backlog validate\.*Passed$' "$work/clean.txt" || fail 'backlog-validate did not pass on the clean backlog'
grep -q '^backlog fmt\.*Passed$' "$work/clean.txt" || fail 'backlog-fmt did not pass on the clean backlog'
echo "pre-commit-try-repo: 2 passed, 0 failed"
