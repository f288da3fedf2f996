# cron.sh - the man pages' crontab recipes and the shipped systemd units
# work as printed, against an installed prefix, in the bare environment
# cron and systemd give a job (env -i PATH=/usr/bin:/bin): an overdue
# deadline and an invalid file both produce output (which cron mails,
# standard error included), and nothing at all is printed when there is
# nothing to say (no mail).  Without the recipe's PATH line the job fails
# loudly, never silently.
. tests/lib.sh

O=$(cd "$CSP_BIN/.." && pwd)
p=$T/prefix
make -s install O="$O" PREFIX="$p" >"$T/out" 2>"$T/err"
rc=$?
ok "make install PREFIX=dir" '[ $rc -eq 0 ]'

# the case folders a job is pointed at: one with something overdue whatever
# the date, an invalid file and a quiet case; and one with only the quiet
# case, about which there is nothing to say
mkdir -p "$T/cases" "$T/quiet"
cat >"$T/cases/overdue.yaml" <<'EOF'
id: CRON-2001-001
partnership: Testshire
actions:
  - {id: a1, action: Write the learning brief, due: 2001-01-31}
EOF
cp tests/data/invalid/bad-dates.yaml "$T/cases/invalid.yaml"
printf 'id: CRON-2001-002\npartnership: Testshire\n' >"$T/cases/quiet.yaml"
cp "$T/cases/quiet.yaml" "$T/quiet/"

# every "# crontab" display in the man pages: its variables and its jobs
for page in man/*.[1-8]; do
	awk -v page="$page" '
	/^\.Bd -literal/ { lit = 1; tab = 0; next }
	/^\.Ed/ { lit = 0; tab = 0; next }
	lit && /^# crontab/ { tab = 1; n++; next }
	tab { gsub(/\\-/, "-"); print page "\t" n "\t" $0 }' "$page"
done >"$T/recipes"
ok "the man pages have crontab recipes" '[ "$(cut -f 1,2 $T/recipes | sort -u | wc -l)" -ge 2 ]'

# cron: /bin/sh -c COMMAND with LOGNAME, HOME, SHELL, PATH=/usr/bin:/bin,
# then the crontab's own variables; a % would be a newline to cron
cut -f 1,2 "$T/recipes" | sort -u >"$T/recipe.list"
while IFS='	' read -r page k; do
	awk -F '\t' -v p="$page" -v k="$k" '$1 == p && $2 == k { print $3 }' \
	    "$T/recipes" >"$T/tab"
	vars=$(grep -E '^[A-Z_]+=' "$T/tab" | sed "s|/usr/local|$p|g")
	grep -Ev '^[A-Z_]+=|^#|^$' "$T/tab" >"$T/jobs"
	ok "$page recipe $k: MAILTO and PATH set, no pipe into mail, no %" '
	    grep -q "^MAILTO=" $T/tab && grep -q "^PATH=/usr/local/bin:/usr/bin:/bin\$" $T/tab &&
	    ! grep -q "mail\|%" $T/jobs && [ -s $T/jobs ]'
	while read -r m h dom mon dow cmd; do
		for folder in cases quiet; do
			run_cmd=$(printf '%s' "$cmd" | sed "s|/srv/cases/|$T/$folder/|g")
			# shellcheck disable=SC2086
			env -i PATH=/usr/bin:/bin HOME="$T" LOGNAME=cron SHELL=/bin/sh \
			    $vars /bin/sh -c "$run_cmd" >"$T/out" 2>"$T/err" </dev/null
			rc=$?
			if [ $folder = cases ]; then
				ok "$page: $cmd: what is overdue and the invalid file are in the mail" '
				    [ $rc -ge 1 ] && grep -q "invalid.yaml:7:8: error: .child.dob" $T/err &&
				    { case $cmd in csp-deadlines*) grep -q "CRON-2001-001.*overdue" $T/out ;; *) true ;; esac; }'
			else
				ok "$page: $cmd: nothing to say, no output, no mail" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
			fi
		done
		# the same job without the PATH line: cron mails the failure
		env -i PATH=/usr/bin:/bin HOME="$T" LOGNAME=cron SHELL=/bin/sh \
		    /bin/sh -c "$(printf '%s' "$cmd" | sed "s|/srv/cases/|$T/quiet/|g")" \
		    >"$T/out" 2>"$T/err" </dev/null
		rc=$?
		ok "$page: $cmd: without the PATH line, a failure that is mailed" '[ $rc -ne 0 ] && grep -q "not found" $T/err'
	done <"$T/jobs"
done <"$T/recipe.list"

# the systemd pair: installed with this prefix's paths, and the service's
# ExecStart run as systemd runs it (no shell, PATH=/usr/bin:/bin)
u=$p/share/csp/examples
ok "the service and timer are installed" '[ -f $u/csp-deadlines.service ] && [ -f $u/csp-deadlines.timer ]'
exec_start=$(sed -n 's/^ExecStart=//p' "$u/csp-deadlines.service")
ok "ExecStart names the installed tool" 'case $exec_start in "$p/bin/csp-deadlines "*) true ;; *) false ;; esac'
ok "the service says where to install it, with this prefix" 'grep -q "cp $u/csp-deadlines.service $u/csp-deadlines.timer" $u/csp-deadlines.service'
for folder in cases quiet; do
	# shellcheck disable=SC2086
	env -i PATH=/usr/bin:/bin $(printf '%s' "$exec_start" | sed "s|/srv/cases/|$T/$folder/|g") \
	    >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	if [ $folder = cases ]; then
		ok "ExecStart: the overdue action and the invalid file, and a failed unit" '[ $rc -eq 2 ] &&
		    grep -q "CRON-2001-001.*overdue" $T/out && grep -q "invalid.yaml:7:8: error:" $T/err'
	else
		ok "ExecStart: nothing to say, no output, a unit that succeeds" '[ $rc -eq 0 ] && [ ! -s $T/out ] && [ ! -s $T/err ]'
	fi
done
if command -v systemd-analyze >/dev/null 2>&1; then
	(cd "$T" && systemd-analyze verify --man=no "$u/csp-deadlines.service" \
	    "$u/csp-deadlines.timer") >"$T/out" 2>"$T/err"
	rc=$?
	ok "systemd-analyze verify: both units are clean" '[ $rc -eq 0 ] && [ ! -s $T/err ]'
	systemd-analyze calendar 'Mon..Fri 07:00' >"$T/out" 2>&1
	ok "OnCalendar is a weekday at 07:00" 'grep -q "Normalized form: Mon..Fri \*-\*-\* 07:00:00" $T/out && grep -q "^OnCalendar=Mon..Fri 07:00$" $u/csp-deadlines.timer'
fi

make -s uninstall O="$O" PREFIX="$p" >/dev/null 2>&1
