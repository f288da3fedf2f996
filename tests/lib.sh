# lib.sh - a small TAP harness for the tools' command-line contracts.
#
#   run CMD ARGS...         run a tool (found in $CSP_BIN) with stdin from
#                           /dev/null; sets $rc, and $T/out, $T/err
#   run_in FILE CMD ARGS... the same with stdin from FILE
#   ok NAME COND            one TAP line: COND is a shell test of $rc, out, err
#   same NAME FILE WHICH    $T/WHICH (out or err) is byte-for-byte FILE
#   diag TOOL FILE WHAT     the diagnostic TOOL prints (see below)
#
# Tests run from the top of the tree with the build's tools first on PATH.
set -u
cd "${CSP_TOP:?run through tests/run.sh}" || exit 1
PATH=$CSP_BIN:$PATH
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0

run() { "$@" </dev/null >"$T/out" 2>"$T/err"; rc=$?; }
run_in() { f=$1; shift; "$@" <"$f" >"$T/out" 2>"$T/err"; rc=$?; }

# show: the evidence under a failing test, as TAP diagnostics
show() {
	echo "# status $rc"
	sed -n '1,15s/^/# out: /p' "$T/out"
	sed -n '1,15s/^/# err: /p' "$T/err"
}

ok() {
	n=$((n + 1))
	if eval "$2"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		show
	fi
}

same() {
	n=$((n + 1))
	if cmp -s "$2" "$T/$3"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		echo "# status $rc; diff $2 (expected) against the $3 produced:"
		diff "$2" "$T/$3" | head -n 30 | sed 's/^/# /'
	fi
}

# diag TOOL FILE WHAT: the line TOOL prints about FILE, where WHAT is
# ":LINE:COL: message" (then gcc's form, "FILE:LINE:COL: error: message")
# or ": message" for the file as a whole ("TOOL: FILE: message")
diag() {
	case $3 in
	:[0-9]*)
		set -- "$1" "$2" "${3#:}"
		printf '%s:%s: error: %s\n' "$2" "${3%%: *}" "${3#*: }" ;;
	*) printf '%s: %s%s\n' "$1" "$2" "$3" ;;
	esac
}

# err_is TEXT: stderr is exactly TEXT (one or more lines)
err_is() { [ "$(cat "$T/err")" = "$1" ]; }
out_is() { [ "$(cat "$T/out")" = "$1" ]; }
out_has() { grep -qF -- "$1" "$T/out"; }
err_has() { grep -qF -- "$1" "$T/err"; }
