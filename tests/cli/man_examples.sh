# man_examples.sh - the examples in the man pages are what the tools do.
# Every "$ csp-..." line in a literal display of man/*.[1-8] is run from the
# top of the tree, without CSP_TODAY (an example whose output depends on the
# date says --today, so that a reader gets what it shows), and its output,
# stdout and stderr together, must be the lines shown under it; "$ echo $?"
# checks the exit status of the command before.  Commands with a pipe, or
# that run anything but a csp tool, are illustrations and are skipped.
. tests/lib.sh
unset CSP_TODAY

for page in man/*.[1-8]; do
	awk -v page="$page" '
	function flush() {
		if (cmd != "") print "CMD\t" cmd "\t" page
		for (i = 0; i < nout; i++) print "OUT\t" out[i]
		cmd = ""; nout = 0
	}
	/^\.Bd -literal/ { lit = 1; next }
	/^\.Ed/ { if (lit) { flush(); print "END" } lit = 0; next }
	lit {
		line = $0
		gsub(/\\-/, "-", line); gsub(/\\e/, "\\", line)
		gsub(/\\&/, "", line)
		if (line ~ /^\$ /) { flush(); cmd = substr(line, 3); next }
		if (cmd != "") out[nout++] = line
	}' "$page"
done >"$T/examples"

# group each command with the lines shown under it
awk -F '\t' -v dir="$T" '
	$1 == "CMD" { if (file) close(file); n++; file = dir "/want." n
		printf "" >file
		print $2 > (dir "/cmd." n); close(dir "/cmd." n)
		print $3 > (dir "/page." n); close(dir "/page." n); next }
	$1 == "OUT" { print $2 >> file; next }
	END { print n + 0 > (dir "/count") }' "$T/examples"

count=$(cat "$T/count")
last_rc=0
i=0
while [ "$i" -lt "$count" ]; do
	i=$((i + 1))
	cmd=$(cat "$T/cmd.$i")
	page=$(cat "$T/page.$i")
	case $cmd in
	'echo $?')
		n=$((n + 1))
		if [ "$(cat "$T/want.$i")" = "$last_rc" ]; then
			echo "ok $n - $page: exit status $last_rc"
		else
			echo "not ok $n - $page: exit status $last_rc, page says $(cat "$T/want.$i")"
		fi
		continue
		;;
	*'|'* | *'>'* | *';'*) continue ;;
	csp-*) ;;
	*) continue ;;
	esac
	sh -c "$cmd" >"$T/got" 2>&1 </dev/null
	last_rc=$?
	n=$((n + 1))
	if cmp -s "$T/want.$i" "$T/got"; then
		echo "ok $n - $page: $cmd"
	else
		echo "not ok $n - $page: $cmd"
		diff "$T/want.$i" "$T/got" | head -n 20 | sed 's/^/# /'
	fi
done
