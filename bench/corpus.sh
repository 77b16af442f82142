# What bench/run and bench/peers share: the tools, the corpora, medians.
# Sourced, after BUILD is set and the build is done.
kn=$BUILD/kn
measure=$BUILD/measure
work=$BUILD/bench
mkdir -p "$work"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The corpus named n: the 14 real issues (14), n issues generated from them
# and varied (16000), or the 14 copied unchanged until there are n, each
# copy with a number and URL of its own, so every entry ties with its
# copies (repeated-16000).
corpus() {
  local n=$1 dir=$work/corpus-$1
  if [ ! -d "$dir" ]; then
    if [ "$n" = 14 ]; then
      mkdir -p "$dir" && cp seeds/* tests/data/* "$dir"/
    elif [ "${n#repeated-}" != "$n" ]; then
      "$BUILD"/gen_corpus --repeat "$dir" "${n#repeated-}" seeds/* tests/data/*
    else
      "$BUILD"/gen_corpus "$dir" "$n" seeds/* tests/data/*
    fi
  fi
  echo "$dir"
}

# How many issues the corpus named n holds.
issues_in() { echo "${1#repeated-}"; }

# The corpus named n, as a heading says it.
corpus_name() {
  case $1 in
    repeated-*) echo "${1#repeated-} issues, the 14 real ones repeated" ;;
    *) echo "$1 issues" ;;
  esac
}
