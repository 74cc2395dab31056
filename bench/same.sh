#!/usr/bin/env bash
# bench/same.sh — prove a change leaves tsagmerge's outputs as they were:
# build BASE (a commit; default HEAD) and the work tree, run both on the
# samples, the bench sets and every corpus file (alone, as Africa's
# contribution), in the three ways a TD is written (a draft; published with
# the tracked changes accepted; with them rejected), plus the activity
# index of each set, and compare the outputs byte for byte.
#
# Usage: bench/same.sh [--parts] [BASE]
#
# It prints one line per output that differs (or that one side wrote and
# the other refused), then a count; it exits 1 when any differs. Refusals
# count as outputs: both sides must refuse the same inputs. An output whose
# bytes differ but whose zip holds the same entries (names, order, times
# and contents) is "repacked": a change of compression alone. With --parts
# that is taken as the same; without, it differs.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=no
if [ "${1:-}" = --parts ]; then
	parts=yes
	shift
fi
base=${1:-HEAD}
shared=../shared
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base-tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "building $base and the work tree…" >&2
git worktree add --detach -q "$work/base-tree" "$base"
(cd "$work/base-tree" && go build -o "$work/old" ./cmd/tsagmerge)
go build -o "$work/new" ./cmd/tsagmerge

cover=(--td TSAG-TD000 --place Geneva --date "1-2 January 2026"
	--contact "name=A; org=ITU; country=Switzerland; email=a@itu.int")
modes=(draft accept reject)

# run BIN INBOX OUT MODE writes OUT (and OUT.log, the exit status and the
# messages, so a refusal compares too).
run() {
	local bin=$1 inbox=$2 out=$3 mode=$4 args=()
	case $mode in
	draft) args=(--draft) ;;
	accept) args=(--force --comments drop --revisions accept "${cover[@]}") ;;
	reject) args=(--force --comments drop --revisions reject "${cover[@]}") ;;
	index) "$bin" index "$inbox" -o "$out" >"$out.log" 2>&1 || echo "exit $?" >>"$out.log"; return ;;
	esac
	"$bin" consolidate -q "$inbox" -o "$out" "${args[@]}" >"$out.log" 2>&1 || echo "exit $?" >>"$out.log"
}

differ=0 compared=0 repacked=0

# same_entries A B: whether two zips hold the same entries, in the same
# order, with the same times and contents.
same_entries() {
	python3 - "$1" "$2" <<'PY'
import sys, zipfile
def entries(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, i.date_time, i.CRC, z.read(i)) for i in z.infolist()]
sys.exit(0 if entries(sys.argv[1]) == entries(sys.argv[2]) else 1)
PY
}
# compare NAME INBOX MODE runs both binaries and compares what they wrote.
compare() {
	local name=$1 inbox=$2 mode=$3 ext=docx
	[ "$mode" = index ] && ext=xlsx
	local a="$work/a.$ext" b="$work/b.$ext"
	rm -f "$a" "$b"
	run "$work/old" "$inbox" "$a" "$mode"
	run "$work/new" "$inbox" "$b" "$mode"
	# The messages name the output file, which differs between the runs.
	sed -i "s#$work/[ab]\.#OUT.#g" "$a.log" "$b.log"
	compared=$((compared + 1))
	local wrote_a=no wrote_b=no
	[ -e "$a" ] && wrote_a=yes
	[ -e "$b" ] && wrote_b=yes
	if ! cmp -s "$a.log" "$b.log" || [ "$wrote_a" != "$wrote_b" ]; then
		echo "differs: $name $mode"
		differ=$((differ + 1))
	elif [ "$wrote_a" = yes ] && ! cmp -s "$a" "$b"; then
		if same_entries "$a" "$b"; then
			repacked=$((repacked + 1))
			[ "$parts" = yes ] && return
		fi
		echo "differs: $name $mode"
		differ=$((differ + 1))
	fi
}

for set in testdata/samples "$shared/bench/x40" "$shared/bench/x400"; do
	for mode in "${modes[@]}" index; do
		compare "$set" "$set" "$mode"
	done
done

echo "comparing the corpus walk…" >&2
mkdir "$work/one"
for f in "$shared"/corpus/docx/*; do
	ln -sf "$(realpath "$f")" "$work/one/AFR-contribution.docx"
	for mode in "${modes[@]}"; do
		compare "corpus/$(basename "$f")" "$work/one" "$mode"
	done
done

echo "$compared outputs compared, $differ differ ($repacked repacked: the same entries, compressed otherwise)"
[ "$differ" -eq 0 ]
