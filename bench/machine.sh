#!/bin/sh
# The machine's moment, for reading figures measured on a shared VM: a CPU-only loop, a million
# small system calls, 1 GB of fresh pages touched (page faults), and 20000 round trips between two
# threads (each side waking the other, as the player's threads do). Run it before and after a
# comparison; on the 2-core VM of 2026-12-03 they took about 1.55 s, 2.5 s, 2.8 s and 0.49 s.
#
#   bench/machine.sh
set -eu
cpu=$(node -e 'let t=process.hrtime.bigint();let x=0;for(let i=0;i<3e8;i++){x=(x+i*7)|0}console.log(Number(process.hrtime.bigint()-t)/1e6|0)')
s0=$(date +%s%N)
dd if=/dev/zero of=/dev/null bs=512 count=1000000 2>/dev/null
s1=$(date +%s%N)
faults=$(node -e 'let t=process.hrtime.bigint();for(let k=0;k<4;k++){const b=Buffer.alloc(256*1024*1024);for(let i=0;i<b.length;i+=4096)b[i]=1;}console.log(Number(process.hrtime.bigint()-t)/1e6|0)')
wakeups=$(node -e '
const { Worker } = require("worker_threads");
const a = new Int32Array(new SharedArrayBuffer(8));
const w = new Worker("const { workerData } = require(\"worker_threads\"); const a = new Int32Array(workerData); let i = 0;"
  + "for (;;) { Atomics.wait(a, 0, i); i = Atomics.load(a, 0); if (i < 0) break; Atomics.store(a, 1, i); Atomics.notify(a, 1); }",
  { eval: true, workerData: a.buffer });
setTimeout(() => {
  const t = process.hrtime.bigint();
  for (let i = 1; i <= 20000; i++) {
    Atomics.store(a, 0, i); Atomics.notify(a, 0);
    while (Atomics.load(a, 1) !== i) Atomics.wait(a, 1, i - 1, 100);
  }
  console.log(Number(process.hrtime.bigint() - t) / 1e6 | 0);
  Atomics.store(a, 0, -1); Atomics.notify(a, 0);
}, 100);')
echo "thread round trips ${wakeups} ms, cpu loop ${cpu} ms, 1M system calls $(( (s1 - s0) / 1000000 )) ms, 262144 page faults ${faults} ms, load average $(cut -d' ' -f1-3 /proc/loadavg)"
