# completion.sh - the bash completions, installed from a scratch prefix
# in bash-completion's layout and loaded as bash-completion loads them
# (the first time a tool's name is completed), then asked with compgen's
# machinery what they offer: each tool's options from its --help, the
# formats it writes, files after --holidays, case files and folders as
# operands.  Without bash-completion they still work, more plainly.
. tests/lib.sh

bc=/usr/share/bash-completion/bash_completion
if [ ! -f "$bc" ]; then
	echo "ok 1 # SKIP bash-completion not installed"
	exit 0
fi
O=$(cd "$CSP_BIN/.." && pwd)
p=$T/prefix
make -s install O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
tools=$(sed -n 's/^TOOLS = //p' Makefile)
ok "make install: a completion for every tool" '[ $rc -eq 0 ] && for t in $tools; do [ -f $p/share/bash-completion/completions/$t ] || exit 1; done'

# complete LINE: what bash offers at the end of LINE (one per line, sorted),
# in an interactive-like bash with bash-completion loaded and the prefix's
# share folder among XDG_DATA_DIRS, as after `make install`
complete_line() {
	XDG_DATA_DIRS=$p/share:/usr/share PATH=$p/bin:/usr/bin:/bin \
	    bash --norc --noprofile -c '
	shopt -s extglob progcomp
	. '"$bc"'
	line=$1
	read -ra COMP_WORDS <<<"$line"
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line COMP_POINT=${#line}
	# as bash does on the first completion of a command
	__load_completion "${COMP_WORDS[0]}" || exit 3
	spec=$(complete -p "${COMP_WORDS[0]}") || exit 4
	fn=$(sed -n "s/.*-F \([^ ]*\).*/\1/p" <<<"$spec")
	"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf "%s\n" "${COMPREPLY[@]}" | sort' bash "$1"
}

for t in $tools; do
	complete_line "$t --" >"$T/out" 2>"$T/err"
	ok "$t --<TAB>: its long options, from its --help" '[ ! -s $T/err ] && grep -qx -- --format $T/out && grep -qx -- --help $T/out &&
	    grep -qx -- --stdin-name $T/out && grep -qx -- --version $T/out &&
	    [ "$(wc -l <$T/out)" -eq "$("$p/bin/$t" --help | grep -oE -- "(^|[ ,[])--[a-z][a-z-]*" | sed "s/^[ ,[]//" | sort -u | wc -l)" ]'
done
complete_line "csp-deadlines --for" >"$T/out" 2>"$T/err"
ok "csp-deadlines --for<TAB>: --format" 'out_is --format'
complete_line "csp-deadlines --format " >"$T/out" 2>"$T/err"
ok "csp-deadlines --format <TAB>: the formats it writes" 'out_is "csv
ics
json
text
tsv"'
complete_line "csp-validate --format " >"$T/out" 2>"$T/err"
ok "csp-validate --format <TAB>: text and json" 'out_is "json
text"'
complete_line "csp-notify --format y" >"$T/out" 2>"$T/err"
ok "csp-notify --format y<TAB>: yaml" 'out_is yaml'
complete_line "csp-deadlines --format=c" >"$T/out" 2>"$T/err"
ok "--format=c<TAB>: csv" 'out_is csv'
complete_line "csp-validate -" >"$T/out" 2>"$T/err"
ok "csp-validate -<TAB>: short options too" 'grep -qx -- -l $T/out && grep -qx -- -q $T/out && grep -qx -- -h $T/out'
complete_line "csp-deadlines --holidays tests/data/calendar/" >"$T/out" 2>"$T/err"
ok "--holidays <TAB>: any file" 'grep -qx tests/data/calendar/holidays.txt $T/out && grep -qx tests/data/calendar/bank-holidays.json $T/out'
complete_line "csp-decide examples/0" >"$T/out" 2>"$T/err"
ok "operands: case files" 'grep -qx examples/01-referral.yaml $T/out && [ "$(wc -l <$T/out)" -eq "$(ls examples/0*.yaml | wc -l)" ]'
complete_line "csp-decide examples/" >"$T/out" 2>"$T/err"
ok "operands: folders, and no other files" 'grep -qx examples/reports $T/out && ! grep -q "\.md$" $T/out'
complete_line "csp-deadlines --today " >"$T/out" 2>"$T/err"
ok "--today <TAB>: nothing to guess" '[ -z "$(cat $T/out)" ]'

# without bash-completion loaded: the function still answers
XDG_DATA_DIRS=$p/share PATH=$p/bin:/usr/bin:/bin bash --norc --noprofile -c '
	shopt -s extglob
	. "$1/share/bash-completion/completions/csp-deadlines"
	COMP_WORDS=(csp-deadlines --format "")
	COMP_CWORD=2
	_csp csp-deadlines "" --format
	printf "%s\n" "${COMPREPLY[@]}" | sort' bash "$p" >"$T/out" 2>"$T/err"
ok "without bash-completion: the formats still" '[ "$(tr "\n" " " <$T/out)" = "csv ics json text tsv " ]'

make -s uninstall O="$O" PREFIX="$p" >/dev/null 2>&1
ok "make uninstall takes them away" '[ ! -e $p/share/bash-completion/completions/csp-validate ]'
