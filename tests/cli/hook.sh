# hook.sh - the shipped git pre-commit hook (share/csp/hooks/pre-commit),
# installed from a scratch prefix into a real repository: a valid case is
# committed, an invalid one refused with its errors named by the path in the
# repository; it checks what is staged, not the working tree; deleting a
# bad file, hidden YAML and names with spaces are handled; and the CI
# example of csp-validate(1) works as printed.
. tests/lib.sh

command -v git >/dev/null 2>&1 || { echo "ok 1 # SKIP git not installed"; exit 0; }
O=$(cd "$CSP_BIN/.." && pwd)
p=$T/prefix
make -s install O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
ok "make install PREFIX=dir installs the hook, executable" '[ $rc -eq 0 ] && [ -x $p/share/csp/hooks/pre-commit ]'

# a repository of cases, as a partnership would keep one; git sees only the
# installed tools and no configuration of this machine
export HOME="$T" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org
export GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
PATH=$p/bin:/usr/bin:/bin
r=$T/repo
git init -q "$r"
cp "$p/share/csp/hooks/pre-commit" "$r/.git/hooks/pre-commit"
mkdir -p "$r/cases"
cd "$r" || exit 1

# commit FILE...: stage and commit; sets rc, out and err
commit() { git add -- "$@" && git commit -q -m "cases" >"$T/out" 2>"$T/err"; rc=$?; }
committed() { git ls-tree -r --name-only HEAD | grep -qxF -- "$1"; }

cp "$CSP_TOP/examples/01-referral.yaml" cases/HSCP-2026-031.yaml
commit cases/HSCP-2026-031.yaml
ok "a valid case is committed" '[ $rc -eq 0 ] && committed cases/HSCP-2026-031.yaml'

cp "$CSP_TOP/tests/data/invalid/bad-dates.yaml" cases/HSCP-2099-001.yaml
commit cases/HSCP-2099-001.yaml
ok "an invalid case is refused, its errors named by its path" '[ $rc -ne 0 ] && ! committed cases/HSCP-2099-001.yaml &&
    grep -qx "cases/HSCP-2099-001.yaml:7:8: error: .child.dob: must be a date (YYYY-MM-DD) that exists" $T/err &&
    grep -qx "cases/HSCP-2099-001.yaml:8:3: error: .child: unknown field \"dobb\" (did you mean \"dob\"?)" $T/err &&
    grep -q "commit refused" $T/err'

# the staged content is what counts: fixed in the tree but not staged...
cp "$CSP_TOP/examples/08-no-review.yaml" cases/HSCP-2099-001.yaml
git commit -q -m "cases" >"$T/out" 2>"$T/err"
rc=$?
ok "fixed in the working tree but not staged: still refused" '[ $rc -ne 0 ] && grep -q "cases/HSCP-2099-001.yaml:7:8: error:" $T/err'
commit cases/HSCP-2099-001.yaml
ok "staged once fixed: committed" '[ $rc -eq 0 ] && committed cases/HSCP-2099-001.yaml'
# ...and a valid staged file commits whatever the tree holds
sed 's/^partnership: .*/partnership: Testshire/' "$CSP_TOP/examples/01-referral.yaml" >cases/HSCP-2026-031.yaml
git add cases/HSCP-2026-031.yaml
cp "$CSP_TOP/tests/data/invalid/bad-dates.yaml" cases/HSCP-2026-031.yaml
git commit -q -m "cases" >"$T/out" 2>"$T/err"
rc=$?
ok "valid when staged, broken in the tree since: committed" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
git checkout -q -- cases/HSCP-2026-031.yaml

# deleting a file is no content to check; other files, hidden YAML and
# names with spaces
git rm -q cases/HSCP-2099-001.yaml
git commit -q -m "cases" >"$T/out" 2>"$T/err"
rc=$?
ok "a deletion is committed" '[ $rc -eq 0 ]'
mkdir -p .ci
printf 'not: [a case\n' >.ci/pipeline.yml
printf 'stages: [test\n' >.gitlab-ci.yml
printf 'notes\n' >README
commit .ci/pipeline.yml .gitlab-ci.yml README
ok "hidden YAML and other files are not case files" '[ $rc -eq 0 ]'
cp "$CSP_TOP/tests/data/invalid/bad-dates.yaml" "cases/with space.yaml"
commit "cases/with space.yaml"
ok "a name with a space: refused, named" '[ $rc -ne 0 ] && grep -q "^cases/with space.yaml:7:8: error:" $T/err'
git reset -q
rm "cases/with space.yaml"

# one bad file among good ones refuses the commit, every error shown
cp "$CSP_TOP/examples/02-rapid-review.yaml" cases/HSCP-2026-027.yaml
cp "$CSP_TOP/tests/data/invalid/bad-dates.yaml" cases/HSCP-2099-002.yaml
cp "$CSP_TOP/examples/03-decision.yaml" cases/HSCP-2026-019.yaml
commit cases/
ok "one bad file among good ones: refused" '[ $rc -ne 0 ] && [ "$(grep -c ": error: " $T/err)" -eq 2 ] && ! committed cases/HSCP-2026-027.yaml'
ok "no case file was modified by the hook" 'cmp -s cases/HSCP-2099-002.yaml "$CSP_TOP/tests/data/invalid/bad-dates.yaml"'
rm cases/HSCP-2099-002.yaml
git add -A cases/
git commit -q -m "cases" >"$T/out" 2>"$T/err"
rc=$?
ok "without it: committed" '[ $rc -eq 0 ] && committed cases/HSCP-2026-027.yaml'
git commit -q --allow-empty -m "empty" >"$T/out" 2>"$T/err"
rc=$?
ok "nothing staged: the hook passes" '[ $rc -eq 0 ]'

# the CI example of csp-validate(1): every "# CI" display run as it stands
awk '/^\.Bd -literal/ { lit = 1; ci = 0; next } /^\.Ed/ { lit = 0; ci = 0; next }
    lit && /^# CI/ { ci = 1; next } ci { gsub(/\\-/, "-"); gsub(/\\e/, "\\"); print }' \
    "$CSP_TOP/man/csp-validate.1" >"$T/ci.sh"
ok "csp-validate(1) has a CI example" '[ -s $T/ci.sh ]'
sh -e "$T/ci.sh" >"$T/out" 2>"$T/err"
rc=$?
ok "the CI example passes on a clean repository" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
cp "$CSP_TOP/tests/data/invalid/bad-dates.yaml" cases/HSCP-2099-003.yaml
git add cases/HSCP-2099-003.yaml
git commit -q --no-verify -m "bad" >/dev/null 2>&1
sh -e "$T/ci.sh" >"$T/out" 2>"$T/err"
rc=$?
ok "and fails with the errors in gcc's form when a bad case got in" '[ $rc -ne 0 ] && grep -q "^cases/HSCP-2099-003.yaml:7:8: error:" $T/err'

cd "$CSP_TOP" || exit 1
PATH=$CSP_BIN:/usr/bin:/bin make -s uninstall O="$O" PREFIX="$p" >/dev/null 2>&1
