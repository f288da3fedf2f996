# golden.sh - every example's output for every line of tests/golden.list
# matches the expected output kept in tests/golden/.
cd "${CSP_TOP:?}" && exec tests/golden.sh "$CSP_BIN/.."
