#!/usr/bin/env bash
# The whole-process benchmark: what footprint:check adds to a Maven build, cold, as users run it, against the whole
# run of `apache2 -t` on the same tree. Never part of the test command. Usage (from the repository's top folder):
#
#   bash bench/whole-process.sh [--rounds N] [--sizes "1000 10000 100000 1000000"] [--kinds "clean heavy jinja"]
#                               [--xmx 512m] [--no-install] [--no-examples] [--counters]
#
# It installs the plugin into the local Maven repository (unless --no-install), generates each tree with
# bench/gen-tree.py (clean; findings-heavy: two undefined ${LOGROOT} per virtual host; jinja: the clean tree's
# virtual hosts as Ansible-style Jinja2 templates with a vars file), then, round by round,
# alternates three whole processes on it: `mvn -o -q verify -Dfootprint.skip=true`, `mvn -o -q verify`, and
# `apache2 -t -f <tree>/apache2.conf`. It prints per tree the median wall time of each, what the check adds
# (median of the per-round differences check - skip), the same difference in CPU seconds (user + system, which a
# loaded machine disturbs less than wall time), the ratio added / apache2 -t, and the peak resident size of the
# checking mvn process (GNU time's maximum RSS). The examples (examples/*) are measured the same way, without
# apache2 -t. --xmx sets -Xmx for the Maven JVM (MAVEN_OPTS), to show the check fits a heap. --counters also has
# each Maven JVM save HotSpot's performance counters at exit (-XX:+PerfDataSaveToFile, read back with jstat) and
# prints, as medians of the per-round differences check - skip, the classes the check loads, HotSpot's
# class-loading time (sun.cls.time) and its JIT compilers' time (java.ci.totalTime, mostly on other cores).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
sizes="1000 10000 100000 1000000"
xmx=""
install=1
kinds="clean heavy jinja"
examples=1
counters=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --no-install) install=0; shift ;;
    --kinds) kinds=$2; shift 2 ;;
    --no-examples) examples=0; shift ;;
    --counters) counters=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
if [ $install = 1 ]; then
  mvn -B -ntp -q install -DskipTests -Dinvoker.skip=true
fi
apache=/usr/sbin/apache2
[ -x $apache ] || apache=""
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MAVEN_OPTS="${MAVEN_OPTS:-} ${xmx:+-Xmx$xmx}"

now() { date +%s.%N; }
# runs "$@" and prints its wall seconds; the peak RSS in KiB goes to $work/rss, the CPU seconds (user + system, all
# threads: JIT compiler and garbage collector included) to $work/cpu
timed() {
  local t0 t1
  t0=$(now)
  /usr/bin/time -f '%M %U %S' -o "$work/time" "$@" >"$work/out" 2>&1 || { echo "FAILED: $*" >&2; tail -20 "$work/out" >&2; exit 1; }
  t1=$(now)
  awk '{print $1}' "$work/time" >"$work/rss"
  awk '{print $2 + $3}' "$work/time" >"$work/cpu"
  echo "$t1 - $t0" | bc -l
}
# the counters a Maven run saved to $work/$1.hsperf (see --counters): classes, class-loading ms, JIT ms
counters_of() {
  jstat -J-Djstat.showUnsupported=true -snap "file://$work/$1.hsperf" | awk -F= '
    $1 == "sun.os.hrt.frequency" {f = $2} $1 == "java.cls.loadedClasses" {n = $2}
    $1 == "sun.cls.time" {c = $2} $1 == "java.ci.totalTime" {j = $2}
    END {printf "%d %.1f %.1f\n", n, c / f * 1000, j / f * 1000}'
}
# MAVEN_OPTS for a run, with the counters saved to $work/$1.hsperf when --counters asks for them
mvn_opts() {
  if [ $counters = 1 ]; then
    echo "$MAVEN_OPTS -XX:+PerfDataSaveToFile -XX:PerfDataSaveFile=$work/$1.hsperf"
  else
    echo "$MAVEN_OPTS"
  fi
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # name project-dir [apache-conf]
  local name=$1 dir=$2 conf=${3:-} s c a rss
  : >"$work/skip"; : >"$work/check"; : >"$work/apache"; : >"$work/added"; : >"$work/rssmax"
  : >"$work/cpuadded"; : >"$work/classes"; : >"$work/clsms"; : >"$work/jitms"
  # one warm-up of each, not counted: the first Maven start of a tree pays for the disk cache
  (cd "$dir" && mvn -B -o -q verify -Dfootprint.skip=true >/dev/null 2>&1) || true
  for r in $(seq "$rounds"); do
    s=$(cd "$dir" && timed env MAVEN_OPTS="$(mvn_opts skip)" mvn -B -o -q verify -Dfootprint.skip=true)
    cs=$(cat "$work/cpu")
    c=$(cd "$dir" && timed env MAVEN_OPTS="$(mvn_opts check)" mvn -B -o -q verify)
    rss=$(cat "$work/rss")
    if [ $counters = 1 ]; then
      paste -d' ' <(counters_of skip) <(counters_of check) | awk -v w="$work" '{
        print $4 - $1 >> (w "/classes"); print $5 - $2 >> (w "/clsms"); print $6 - $3 >> (w "/jitms")}'
    fi
    echo "$(cat "$work/cpu") - $cs" | bc -l >>"$work/cpuadded"
    if [ -n "$conf" ] && [ -n "$apache" ]; then
      a=$(timed $apache -t -f "$conf")
      echo "$a" >>"$work/apache"
    fi
    echo "$s" >>"$work/skip"; echo "$c" >>"$work/check"; echo "$c - $s" | bc -l >>"$work/added"
    echo "$rss" >>"$work/rssmax"
  done
  local ms mc ma md mcpu peak ratio
  ms=$(median <"$work/skip"); mc=$(median <"$work/check"); md=$(median <"$work/added"); mcpu=$(median <"$work/cpuadded")
  peak=$(sort -n "$work/rssmax" | tail -1)
  if [ -s "$work/apache" ]; then
    ma=$(median <"$work/apache"); ratio=$(echo "$md / $ma" | bc -l)
  else
    ma="n/a"; ratio="n/a"
  fi
  printf '%-26s %9.2f %9.2f %9.2f %9.2f %10s %8s %9d' "$name" "$ms" "$mc" "$md" "$mcpu" \
    "$( [ "$ma" = n/a ] && echo n/a || printf '%.2f' "$ma")" \
    "$( [ "$ratio" = n/a ] && echo n/a || printf '%.2f' "$ratio")" "$((peak / 1024))"
  if [ $counters = 1 ]; then
    printf ' %8.0f %9.0f %9.0f' "$(median <"$work/classes")" "$(median <"$work/clsms")" "$(median <"$work/jitms")"
  fi
  printf '\n'
}

printf 'footprint %s, %s rounds, medians in seconds; MAVEN_OPTS=%s; %s cores, load average %s\n' "$version" "$rounds" \
  "${MAVEN_OPTS:- }" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %9s %9s %9s %9s %10s %8s %9s' tree "mvn skip" "mvn check" "adds" "adds CPU" "apache2 -t" "ratio" \
  "peak MiB"
[ $counters = 0 ] || printf ' %8s %9s %9s' "classes" "load ms" "JIT ms"
printf '\n'
for ex in examples/*/; do
  [ -f "$ex/pom.xml" ] && [ $examples = 1 ] || continue
  measure "example $(basename "$ex")" "$ex"
done
for n in $sizes; do
  for kind in $kinds; do
    dir="$work/$kind-$n"
    python3 bench/gen-tree.py "$dir" "$n" "$version" $([ $kind = clean ] || echo --$kind) >/dev/null
    # httpd reads no .j2 file: the Jinja2 tree is compared with the clean one, not with apache2 -t
    measure "$kind $n lines" "$dir" "$([ $kind = jinja ] || echo "$dir/src/main/deploy/apache2.conf")"
    rm -rf "$dir"
  done
done
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
