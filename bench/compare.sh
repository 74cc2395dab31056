#!/usr/bin/env bash
# bench/compare.sh — merge the bench contributions with tsagmerge, docxcompose
# and pandoc side by side, and print each one's wall time and peak memory and
# their ratios to tsagmerge's.
#
# Usage: bench/compare.sh [SET_DIR...]   (default: ../shared/bench/x40 ../shared/bench/x400)
#        RUNS=3 bench/compare.sh          (median of 3 runs of each tool; default 1)
#
# tsagmerge is built fresh from this work tree and run as
# "tsagmerge consolidate SET -o OUT --draft"; docxcompose appends the other
# regions to the first one ("docxcompose AFR.docx AMS.docx … -o OUT"); pandoc
# reads them all and writes one .docx ("pandoc A.docx B.docx … -o OUT").
# Missing tools (GNU time, pandoc, python3-docxcompose) are installed with
# apt-get when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-1}
if [ "$#" -gt 0 ]; then
	sets=("$@")
else
	sets=(../shared/bench/x40 ../shared/bench/x400)
fi

# install_missing installs what is missing, or says how to.
install_missing() {
	local pkgs=()
	[ -x /usr/bin/time ] || pkgs+=(time)
	command -v pandoc >/dev/null || pkgs+=(pandoc)
	command -v docxcompose >/dev/null || pkgs+=(python3-docxcompose)
	[ "${#pkgs[@]}" -eq 0 ] && return 0
	if ! command -v apt-get >/dev/null; then
		echo "compare.sh: missing ${pkgs[*]}; install them (Debian/Ubuntu: apt-get install ${pkgs[*]};" \
			"elsewhere: pip install docxcompose, and pandoc from https://pandoc.org/installing.html)" >&2
		exit 2
	fi
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "compare.sh: installing ${pkgs[*]}" >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

install_missing

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building tsagmerge…" >&2
go build -o "$work/tsagmerge" ./cmd/tsagmerge

# measure TOOL OUT CMD… runs CMD $runs times under GNU time and prints
# "WALL_S CPU_S PEAK_KB" (medians); it stops the script, showing the tool's
# messages, when the command fails. CPU time (user + system) is printed
# beside wall time because it varies less on a busy machine.
measure() {
	local tool=$1 out=$2
	shift 2
	local i times=() cpus=() mems=()
	for ((i = 0; i < runs; i++)); do
		rm -f "$out"
		if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/log" 2>&1; then
			echo "compare.sh: $tool failed:" >&2
			tail -n 20 "$work/log" >&2
			exit 1
		fi
		if [ ! -s "$out" ]; then
			echo "compare.sh: $tool wrote no $out" >&2
			exit 1
		fi
		read -r t u s m <"$work/time"
		times+=("$t")
		cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
		mems+=("$m")
	done
	echo "$(median "${times[@]}") $(median "${cpus[@]}") $(median "${mems[@]}")"
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

printf '%-6s %-12s %8s %8s %8s %8s %8s %8s %8s\n' set tool "wall s" "cpu s" "peak MB" "out MB" "wall x" "cpu x" "mem x"
for set in "${sets[@]}"; do
	if [ ! -d "$set" ]; then
		echo "compare.sh: no folder $set" >&2
		exit 2
	fi
	name=$(basename "$set")
	mapfile -t files < <(find "$set" -maxdepth 1 -name '*.docx' ! -name '~$*' | sort)
	if [ "${#files[@]}" -lt 2 ]; then
		echo "compare.sh: $set holds fewer than two .docx files" >&2
		exit 2
	fi
	declare -A wall=() cpu=() peak=() size=()
	for tool in tsagmerge docxcompose pandoc; do
		out="$work/$name-$tool.docx"
		case $tool in
		tsagmerge) cmd=("$work/tsagmerge" consolidate "$set" -o "$out" --draft) ;;
		docxcompose) cmd=(docxcompose "${files[@]}" -o "$out") ;;
		pandoc) cmd=(pandoc "${files[@]}" -o "$out") ;;
		esac
		result=$(measure "$tool" "$out" "${cmd[@]}")
		read -r "wall[$tool]" "cpu[$tool]" "peak[$tool]" <<<"$result"
		size[$tool]=$(stat -c %s "$out")
	done
	for tool in tsagmerge docxcompose pandoc; do
		awk -v set="$name" -v tool="$tool" -v t="${wall[$tool]}" -v c="${cpu[$tool]}" -v m="${peak[$tool]}" \
			-v s="${size[$tool]}" -v t0="${wall[tsagmerge]}" -v c0="${cpu[tsagmerge]}" -v m0="${peak[tsagmerge]}" '
			function ratio(a, b) { return b > 0 ? sprintf("%.1f", a / b) : "-" }
			BEGIN {
				printf "%-6s %-12s %8.2f %8.2f %8.0f %8.1f %8s %8s %8s\n", set, tool, t, c, m / 1024, s / 1048576,
					ratio(t, t0), ratio(c, c0), ratio(m, m0)
			}'
	done
done
echo "(median of $runs run(s); the x columns are each tool's figure over tsagmerge's)"
