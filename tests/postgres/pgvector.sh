# Sourced by tests/postgres/setup and tests/citus/setup: builds pgvector from Debian
# trixie's source package (0.8.0 when written) for the server whose pg_config is given, as a
# user builds pgvector for their own server. The source comes through apt from Debian's own
# archive (signatures checked against the machine's Debian keyring), with a private source
# list: the machine's own apt configuration is left as it is.
build_pgvector() {
  local pg_config=$1 src=$2
  if ! compgen -G "$src/pgvector-*/Makefile" >/dev/null; then
    rm -rf "$src" && mkdir -p "$src/lists/partial"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
      >"$src/sources.list"
    local apt_opts=(-o "Dir::Etc::sourcelist=$src/sources.list" -o "Dir::Etc::sourceparts=-"
      -o "Dir::State::Lists=$src/lists" -o "APT::Sandbox::User=root")
    apt-get "${apt_opts[@]}" update -qq
    (cd "$src" && apt-get "${apt_opts[@]}" source --download-only -qq pgvector)
    tar -xzf "$src"/pgvector_*.orig.tar.gz -C "$src"
  fi
  # OPTFLAGS="": no -march=native, as Debian builds it (pgvector picks its SIMD at run time).
  make -s -C "$src"/pgvector-*/ PG_CONFIG="$pg_config" OPTFLAGS="" clean >/dev/null
  make -s -C "$src"/pgvector-*/ PG_CONFIG="$pg_config" OPTFLAGS="" -j2 >/dev/null
  make -s -C "$src"/pgvector-*/ PG_CONFIG="$pg_config" OPTFLAGS="" install >/dev/null
}
