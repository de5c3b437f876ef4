#!/usr/bin/env bash
# Runs a command with a real Neo4j 5.26 on a free loopback port and NEO4J_URI set for it.
# Neo4j comes from Maven Central (test/neo4j) and runs embedded with Bolt; its store is temporary.
# Where Java or Maven are absent the command still runs, without NEO4J_URI: the Neo4j suites then
# skip and say why.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  echo "› Neo4j: java or mvn not found; the Neo4j suites will skip" >&2
  exec "$@"
fi

launcher=test/neo4j
echo "› Neo4j: building the launcher (Maven Central; cached after the first run)"
(cd "$launcher" && mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)

home=$(mktemp -d -t quanta-neo4j-XXXXXX)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$home/launcher.log"
# stdin is a pipe that closes when this script exits, which stops the database (see Neo4jLauncher).
java -Xms512m -Xmx1g -cp "$launcher/target/classes:$(cat $launcher/target/classpath.txt)" \
  quanta.test.Neo4jLauncher "$home/store" "$port" > "$log" 2>&1 < <(tail -f /dev/null --pid=$$) &
neo4j_pid=$!
cleanup() { kill "$neo4j_pid" 2>/dev/null || true; wait "$neo4j_pid" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  grep -q '^READY' "$log" && break
  kill -0 "$neo4j_pid" 2>/dev/null || { cat "$log" >&2; echo "Neo4j failed to start" >&2; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$log" || { cat "$log" >&2; echo "Neo4j did not start within 120 s" >&2; exit 1; }
export NEO4J_URI="bolt://127.0.0.1:$port"
echo "› Neo4j 5.26 ready at $NEO4J_URI"
"$@"
