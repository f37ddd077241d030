#!/bin/sh
# clock-edges.sh - prints the clocks (ISO times, Asia/Shanghai) at which the
# test suites run again with the servers' clock moved by libfaketime
# (tests/clock.mjs, XF_CLOCK): the last half hour of the current year, the
# first hour of the next, the last half hour of its first quarter, and the
# 29th of February of the next leap year.
set -eu
y=$(TZ=Asia/Shanghai date +%Y)
ny=$((y + 1))
leap=$y
while ! { [ $((leap % 4)) -eq 0 ] && { [ $((leap % 100)) -ne 0 ] || [ $((leap % 400)) -eq 0 ]; }; }; do
	leap=$((leap + 1))
done
echo "$y-12-31T23:30:00+08:00 $ny-01-01T00:30:00+08:00 $ny-03-31T23:30:00+08:00 $leap-02-29T10:00:00+08:00"
