#!/usr/bin/env bash
# TPC-H, Cepheid side by side with DuckDB (see docs/PERFORMANCE.md). Builds the bench module when its jar
# is missing or older than any main source or pom, then runs io.cepheid.bench.tpch.TpchBenchmark from the
# project root, so that ../shared/testdata is found. Options go to the harness (--scale, --threads, ...);
# JVM options come from BENCH_JAVA_OPTS (default -Xmx8g). Generated data is kept in bench/target/tpch-data.
CEPHEID_HOME="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=../.mvn/find-jdk.sh
. "$CEPHEID_HOME/.mvn/find-jdk.sh"
set -euo pipefail
cd "$CEPHEID_HOME"

JAR="$CEPHEID_HOME/bench/target/benchmarks.jar"
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml storage executor loader spectrum planner server jdbc-driver bench \
    -path '*/target' -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)" ]; then
  echo "building the bench module..." >&2
  ./mvnw -B -q -DskipTests -pl bench -am package
fi

# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx8g} \
  --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  --sun-misc-unsafe-memory-access=allow --add-opens=java.base/java.nio=ALL-UNNAMED \
  -cp "$JAR" io.cepheid.bench.tpch.TpchBenchmark --work "$CEPHEID_HOME/bench/target/tpch-data" "$@"
