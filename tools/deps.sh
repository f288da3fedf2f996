#!/bin/sh
# deps.sh build|check - make sure the Debian packages the build needs are
# here.  As root with apt-get, install what is missing; otherwise print the
# exact command and fail.
set -u
what=${1:-build}
cc=${CC:-cc}
missing=

have_header() { printf '#include <%s>\n' "$1" | "$cc" -E -x c - >/dev/null 2>&1; }

have_header yaml.h || missing="$missing libyaml-dev"
have_header jansson.h || missing="$missing libjansson-dev"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkgconf"
# the ordinary English words possible.c leaves alone, compiled in
[ -f /usr/share/dict/british-english ] || missing="$missing wbritish"
if [ "$what" = check ]; then
	printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <cmocka.h>\n' |
	    "$cc" -E -x c - >/dev/null 2>&1 || missing="$missing libcmocka-dev"
	[ -d /usr/share/json-schema-test-suite/tests/draft7 ] ||
	    missing="$missing json-schema-test-suite"
	command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
	# the command-line tests read the tools' JSON with jq
	command -v jq >/dev/null 2>&1 || missing="$missing jq"
	# csp-summary's board: drawn by a real browser, checked by a
	# validator; its CSV read back by Python's csv module
	command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
	command -v tidy >/dev/null 2>&1 || missing="$missing tidy"
	command -v python3 >/dev/null 2>&1 || missing="$missing python3"
	# a real git repository for the hook; calendars, schemas and
	# completions read back as other programs read them
	command -v git >/dev/null 2>&1 || missing="$missing git"
	/usr/bin/python3 -c 'import icalendar' 2>/dev/null ||
	    missing="$missing python3-icalendar"
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null ||
	    missing="$missing python3-jsonschema"
	[ -f /usr/share/bash-completion/bash_completion ] ||
	    missing="$missing bash-completion"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps.sh: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >&2 ||
	    { apt-get update -q >&2 &&
	      apt-get install -y -q --no-install-recommends $missing >&2; } ||
	    { echo "deps.sh: apt-get could not install:$missing" >&2; exit 1; }
	exit 0
fi
echo "deps.sh: missing packages; install them with:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
