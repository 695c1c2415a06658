# median: the median of the whitespace-separated numbers on standard input (the upper middle one of an even count).
# Sourced by the bench scripts that repeat whole commands.
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
