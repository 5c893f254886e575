#!/bin/sh
# The machine's moment, for reading figures measured on a shared VM: a CPU-only loop, a million
# small system calls, and 1 GB of fresh pages touched (page faults). Run it before and after a
# comparison; on the 2-core VM of 2026-12-03 the three took about 1.55 s, 2.6 s and 2.8 s.
#
#   bench/machine.sh
set -eu
cpu=$(node -e 'let t=process.hrtime.bigint();let x=0;for(let i=0;i<3e8;i++){x=(x+i*7)|0}console.log(Number(process.hrtime.bigint()-t)/1e6|0)')
s0=$(date +%s%N)
dd if=/dev/zero of=/dev/null bs=512 count=1000000 2>/dev/null
s1=$(date +%s%N)
faults=$(node -e 'let t=process.hrtime.bigint();for(let k=0;k<4;k++){const b=Buffer.alloc(256*1024*1024);for(let i=0;i<b.length;i+=4096)b[i]=1;}console.log(Number(process.hrtime.bigint()-t)/1e6|0)')
echo "cpu loop ${cpu} ms, 1M system calls $(( (s1 - s0) / 1000000 )) ms, 262144 page faults ${faults} ms, load average $(cut -d' ' -f1-3 /proc/loadavg)"
