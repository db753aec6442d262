#!/usr/bin/env bash
# A real single-node SLURM cluster on localhost for the integration test, all state in one folder.
#   cluster.sh start DIR   start munged (if needed), slurmctld and slurmd; wait for the node to be idle
#   cluster.sh stop DIR    stop the daemons started by 'start' (by the PIDs in their pid files)
# Needs root and Debian's slurm-wlm and munge packages. Clients find the cluster through
# SLURM_CONF=DIR/slurm.conf.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"
action=$1
dir=$(readlink -f "$2")
conf="$dir/slurm.conf"

start() {
  mkdir -p "$dir/state" "$dir/spool"
  if ! munge -n >/dev/null 2>&1; then
    if [ ! -s /etc/munge/munge.key ]; then
      mkdir -p /etc/munge
      dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    fi
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    runuser -u munge -- /usr/sbin/munged
    echo started > "$dir/munged.started"
    for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  cpus=$(nproc)
  cat > "$conf" <<CONF
ClusterName=dnptest
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=localhost CPUs=$cpus RealMemory=20000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  slurmctld -f "$conf" -c
  slurmd -f "$conf"
  for _ in $(seq 100); do
    if sinfo -h -o %t 2>/dev/null | grep -q '^idle'; then
      return 0
    fi
    sleep 0.3
  done
  echo "cluster.sh: the node did not become idle; see $dir/slurmctld.log and $dir/slurmd.log" >&2
  exit 1
}

stop() {
  for daemon in slurmd slurmctld; do
    if [ -f "$dir/$daemon.pid" ]; then
      pid=$(cat "$dir/$daemon.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ -f "$dir/munged.started" ]; then
    pkill -u munge munged 2>/dev/null || true
    rm -f "$dir/munged.started"
  fi
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
