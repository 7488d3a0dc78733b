#!/usr/bin/env bash
# The failover drill (docs/operations.md, "Failover drill"): builds the application and the load harness, then
# runs three nodes of the jar behind HAProxy on a fresh MariaDB schema (assay_drill) with candidates, reviewers
# and the outbox at work, kills one node, restarts the others one by one, and checks that nothing was lost or
# done twice. About ten minutes; exits non-zero when a check fails. Extra arguments go to the drill, e.g.
#   load/drill.sh --candidates 500 --typing 420 --out /tmp/drill
# Needs: a JDK 21+, MariaDB on 127.0.0.1:3306 (root, no password; --db-url/--db-user/--db-password to change),
# Debian's haproxy package, and the ports 8190-8193 free on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1; }
jdk=""
for candidate in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
    jdk="$candidate"
    break
  fi
done
[ -n "$jdk" ] || { echo "No JDK 21 or newer under JAVA_HOME or /usr/lib/jvm" >&2; exit 1; }
export JAVA_HOME="$jdk"
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { echo "Install HAProxy: apt-get install haproxy" >&2; exit 1; }
mysqladmin --protocol=tcp -h 127.0.0.1 -u root ping >/dev/null 2>&1 || { echo "MariaDB is not answering on 127.0.0.1:3306" >&2; exit 1; }

./mvnw -B -q package -DskipTests
./mvnw -B -q -f load/pom.xml package
exec "$JAVA_HOME/bin/java" -jar load/target/assay-load.jar drill --app target/assay-0.1.0-SNAPSHOT.jar \
  --java-home "$JAVA_HOME" "$@"
