#!/usr/bin/env bash
# bench/grow.sh — how every command's time and memory grow with the input:
# the six samples with their body content repeated 1, 10, 100 and 1,000
# times (bench/grow), each command run on each set under GNU time.
#
# Usage: bench/grow.sh                 (factors 1 10 100 1000, median of 3 runs)
#        FACTORS="1 10 100" RUNS=1 bench/grow.sh
#
# It prints a Markdown table: per command and set, the median wall time,
# CPU time (user + system, steadier than wall time on a busy machine) and
# peak resident memory, then the ratios of the largest set to the one
# before it: for linear growth, about the ratio of their sizes.
#
# The commands: inspect SET, check SET, consolidate --draft -o OUT SET,
# index -o OUT SET, and diff SET SET' where SET' has one paragraph changed
# per copy (bench/grow -edit). check and diff exit 1 (findings, changes).
set -euo pipefail
cd "$(dirname "$0")/.."

factors=(${FACTORS:-1 10 100 1000})
runs=${RUNS:-3}
if [ ! -x /usr/bin/time ]; then
	echo "grow.sh: GNU time is needed (Debian/Ubuntu: apt-get install time)" >&2
	exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building tsagmerge and growing the samples…" >&2
go build -o "$work/tsagmerge" ./cmd/tsagmerge
go build -o "$work/grow" ./bench/grow
for n in "${factors[@]}"; do
	"$work/grow" -n "$n" -o "$work/x$n" testdata/samples
	"$work/grow" -n "$n" -edit -o "$work/x$n-edited" testdata/samples
done

median() {
	printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# measure CMD… runs CMD $runs times under GNU time and prints
# "WALL_S CPU_S PEAK_MB" (medians); exit status 0 or 1 is a result, any
# other stops the script with the command's messages.
measure() {
	local i walls=() cpus=() mems=()
	for ((i = 0; i < runs; i++)); do
		rm -f "$work/out.docx" "$work/out.xlsx"
		local code=0
		/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/log" 2>&1 || code=$?
		if [ "$code" -gt 1 ]; then
			echo "grow.sh: $* exited $code:" >&2
			tail -n 20 "$work/log" >&2
			exit 1
		fi
		read -r w u s m < <(tail -n 1 "$work/time")
		walls+=("$w")
		cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
		mems+=("$((m / 1024))")
	done
	echo "$(median "${walls[@]}") $(median "${cpus[@]}") $(median "${mems[@]}")"
}

commands=(inspect check consolidate index diff)
run_command() {
	local c=$1 set=$2
	case $c in
	inspect) measure "$work/tsagmerge" inspect "$set" ;;
	check) measure "$work/tsagmerge" check -q "$set" ;;
	consolidate) measure "$work/tsagmerge" consolidate --draft -q -o "$work/out.docx" "$set" ;;
	index) measure "$work/tsagmerge" index -q -o "$work/out.xlsx" "$set" ;;
	diff) measure "$work/tsagmerge" diff "$set" "$set-edited" ;;
	esac
}

header="| command |"
rule="|---|"
for n in "${factors[@]}"; do
	header+=" ${n}× ($(du -sk "$work/x$n" | cut -f1) KB) |"
	rule+="---|"
done
last=${factors[-1]}
prev=${factors[-2]:-$last}
header+=" ${last}×/${prev}×: CPU, memory |"
rule+="---|"
echo "$header"
echo "$rule"
for c in "${commands[@]}"; do
	row="| \`$c\` |"
	declare -A cpu=() mem=()
	for n in "${factors[@]}"; do
		read -r w u m < <(run_command "$c" "$work/x$n")
		cpu[$n]=$u
		mem[$n]=$m
		row+=" ${w} s (CPU ${u} s), ${m} MB |"
	done
	row+=" $(awk -v a="${cpu[$last]}" -v b="${cpu[$prev]}" -v c="${mem[$last]}" -v d="${mem[$prev]}" \
		'BEGIN {printf "%.1f×, %.1f×", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0)}') |"
	echo "$row"
	unset cpu mem
done
