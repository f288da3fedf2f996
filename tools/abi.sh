#!/bin/sh
# abi.sh < csprcore.h > csprcore.map - the linker version script of the
# shared library: every function and object the public header declares is
# exported, nothing else (the library's internal cspr_ functions stay
# local).  The public header is the one statement of the ABI.
awk '
# drop comments, which name functions in passing
{
	line = $0; out = ""
	while (line != "") {
		if (incomment) {
			i = index(line, "*/")
			if (!i) { line = ""; break }
			line = substr(line, i + 2); incomment = 0
		}
		i = index(line, "/*")
		if (!i) { out = out line; break }
		out = out substr(line, 1, i - 1) " "
		line = substr(line, i + 2); incomment = 1
	}
	print out
}' | grep -oE '\<cspr_[a-z0-9_]+[[:space:]]*[([]' |
    sed 's/[[:space:]]*[([]$//' | LC_ALL=C sort -u |
    awk 'BEGIN { print "{\n\tglobal:" } { print "\t\t" $0 ";" }
	END { print "\tlocal:\n\t\t*;\n};" }'
