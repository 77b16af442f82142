# What bench/run and bench/peers share: the tools, the corpora, medians.
# Sourced, after BUILD is set and the build is done.
kn=$BUILD/kn
measure=$BUILD/measure
work=$BUILD/bench
mkdir -p "$work"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The corpus of n issues: the 14 real ones, or n generated from them.
corpus() {
  local n=$1 dir=$work/corpus-$1
  if [ ! -d "$dir" ]; then
    if [ "$n" = 14 ]; then
      mkdir -p "$dir" && cp seeds/* tests/data/* "$dir"/
    else
      "$BUILD"/gen_corpus "$dir" "$n" seeds/* tests/data/*
    fi
  fi
  echo "$dir"
}
