#!/bin/sh
# table.sh — the closing table of `make bench`: every `RESULT bench figure
# peer ratio goal verdict` line of LOG (what the bench programs print beside
# their own output), a line for every bench target that exited non-zero
# (`bench-exit TARGET STATUS`, written by the Makefile), then the machine
# and the versions of the libraries and tools the figures depend on.
set -eu
log=${1:?usage: table.sh LOG}
printf '\n%-20s %-34s %-36s %-12s %-18s %s\n' bench figure peer ratio goal result
printf '%-20s %-34s %-36s %-12s %-18s %s\n' -------------------- \
	---------------------------------- ------------------------------------ ------------ \
	------------------ ------
awk '$1 == "RESULT" { printf "%-20s %-34s %-36s %-12s %-18s %s\n", $2, $3, $4, $5, $6, $7 }
     $1 == "bench-exit" && $3 != 0 { printf "%-20s %-34s %-36s %-12s %-18s %s\n", $2, "(exited " $3 ")", "-", "-", "-", "error" }' "$log"

v() { "$@" 2> /dev/null | head -1 || true; }
pc() { pkg-config --modversion "$1" 2> /dev/null || echo "?"; }
model=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$( . /etc/os-release 2> /dev/null && echo "$PRETTY_NAME" || uname -s)
echo
echo "machine: $(nproc) cores ($model), $mem, $os, $(uname -r)"
echo "gcc $(gcc -dumpfullversion 2> /dev/null || echo ?), libssh2 $(pc libssh2)," \
	"$(ssh -V 2>&1 | sed 's/,.*//'), pcre2 $(pc libpcre2-8), ncurses $(pc ncursesw)," \
	"curl $(pc libcurl), tmux $(v tmux -V | sed 's/^tmux //'), $(v htop --version)," \
	"valgrind $(v valgrind --version | sed 's/^valgrind-//'), $(v python3 --version)"
