# Sourced by ./mvnw and ./cepheid: makes JAVA_HOME point at a JDK 25 or newer.
# Order: JAVA_HOME if it already is 25+, then /usr/lib/jvm/*, then /opt/java/*, then `java` on PATH.
cepheid_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
cepheid_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(cepheid_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "cepheid: a JDK 25 or newer is required; set JAVA_HOME or install one under /usr/lib/jvm" >&2
  return 1
}
case $- in *f*) cepheid_noglob=1 ;; *) cepheid_noglob=0 ;; esac
set +f  # the wrapper runs with globbing off; the search below needs it
cepheid_find_jdk || exit 1
[ "$cepheid_noglob" = 1 ] && set -f
