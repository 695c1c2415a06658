#!/usr/bin/env bash
# Starts a single-node Slurm cluster (Debian's slurm-wlm and munge, no systemd) for the tests that run a study's
# trials as Slurm jobs (SlurmStudyTest): munged, slurmctld and slurmd on this machine, one partition "debug" with
# this machine's cores and memory, jobs run as the submitting user. Idempotent: daemons this script started are
# stopped first. Prints the node name.
set -euo pipefail
need=""
for package in slurm-wlm munge; do
  dpkg -s "$package" >/dev/null 2>&1 || need="$need $package"
done
if [ -n "$need" ]; then
  apt-get update -q >/dev/null && apt-get install -y -q $need >/dev/null
fi

node="$(hostname -s)"
cpus="$(nproc)"
# slurmd refuses a node that claims more memory than it has: give it most of what is free to it
memory_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 8 / 10 ))
state=/var/lib/tunescope-slurm

for daemon in slurmd slurmctld munged; do
  pkill -x "$daemon" 2>/dev/null || true
done
sleep 0.5
rm -rf "$state"
mkdir -p "$state/ctld" "$state/d" /etc/slurm /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true

if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
fi
chown munge:munge /etc/munge/munge.key
chmod 400 /etc/munge/munge.key

cat > /etc/slurm/slurm.conf <<CONFIG
ClusterName=tunescope-ci
# the daemons find each other on loopback, whatever this machine's name resolves to
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# without a default a job is given the whole node's memory, and only one runs at a time
DefMemPerCPU=$(( memory_mb / cpus ))
SchedulerType=sched/backfill
ReturnToService=2
# the tests time a job out on purpose: end it within seconds, not minutes
KillWait=5
OverTimeLimit=0
# a finished job stays visible to squeue and scontrol for a while after it ends
MinJobAge=600
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONFIG

runuser -u munge -- /usr/sbin/munged
/usr/sbin/slurmctld
/usr/sbin/slurmd
for _ in $(seq 100); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "$node"
    exit 0
  fi
  sleep 0.2
done
echo "the single-node Slurm cluster did not come up; its logs:" >&2
tail -n 20 "$state/slurmctld.log" "$state/slurmd.log" >&2 || true
exit 1
