#!/usr/bin/env bash
# Starts Debian's OpenSSH server on 127.0.0.1 for the tests that read run folders over SFTP from a real sshd
# (OpenSshServerTest): throwaway ECDSA host and user keys, key authentication only, its own config and pid file.
# Idempotent: a server this script started is stopped first. Prints the folder the test reads its keys from.
set -euo pipefail
dir="${TUNESCOPE_SSHD_DIR:-/tmp/tunescope-sshd}"
port="${TUNESCOPE_SSHD_PORT:-2222}"
if [ ! -x /usr/sbin/sshd ]; then
  apt-get update -q >/dev/null && apt-get install -y -q openssh-server >/dev/null
fi
if [ -f "$dir/sshd.pid" ]; then
  kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
  sleep 0.5
fi
rm -rf "$dir"
mkdir -p "$dir" /run/sshd
chmod 700 "$dir"
ssh-keygen -q -t ecdsa -b 256 -N '' -C tunescope-test-host -f "$dir/host_key"
ssh-keygen -q -t ecdsa -b 256 -N '' -C tunescope-test-user -f "$dir/user_key"
cp "$dir/user_key.pub" "$dir/authorized_keys"
cat > "$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PidFile $dir/sshd.pid
Subsystem sftp internal-sftp
CONFIG
/usr/sbin/sshd -f "$dir/sshd_config"
echo "$port" > "$dir/port"
for _ in $(seq 50); do
  [ -f "$dir/sshd.pid" ] && break
  sleep 0.1
done
echo "$dir"
