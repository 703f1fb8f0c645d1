#!/usr/bin/env bash
# 在 PostgreSQL 上运行网页版测试（tests/web）：
#   - 缺少 PostgreSQL 时用 apt-get 安装（需要 root 或免密 sudo；否则给出提示并跳过，退出码 0）；
#   - 在 127.0.0.1 的私有端口上启动一个临时数据库集群（数据目录默认 /tmp/jixiao-ci-postgres），
#     已在运行则直接使用（可重复执行）；
#   - 建立用户 jixiao（可建库，测试库由 pytest-django 创建），以 JIXIAO_DB=postgres 运行测试；
#   - 结束时停止集群（JIXIAO_PG_KEEP=1 时保留）。
# 其余参数原样传给 pytest，例如：bash scripts/ci-postgres.sh -x -k api
set -euo pipefail
# shellcheck source=scripts/privileges.sh
source "$(dirname "$0")/privileges.sh"

cd "$(dirname "$0")/.."
PGDATA_DIR="${JIXIAO_PG_DIR:-/tmp/jixiao-ci-postgres}"
PGPORT="${JIXIAO_PG_PORT:-54329}"
PGPASSWORD_JIXIAO="${JIXIAO_PG_PASSWORD:-jixiao-ci-password}"

say() { echo "ci-postgres: $*" >&2; }

find_bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then
        echo "$found"
    elif command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
    fi
}

BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        say "未找到 PostgreSQL，且不是 Debian/Ubuntu 系统：跳过 PostgreSQL 测试"
        exit 0
    fi
    if ! pick_runner; then
        say "未安装 PostgreSQL，当前用户不是 root 且无免密 sudo：跳过（请执行 apt-get install -y postgresql）"
        exit 0
    fi
    say "安装 postgresql"
    export DEBIAN_FRONTEND=noninteractive
    "${run[@]}" apt-get update -qq
    "${run[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    BINDIR="$(find_bindir)"
    if [ -z "$BINDIR" ]; then
        say "安装后仍未找到 initdb：跳过 PostgreSQL 测试"
        exit 0
    fi
fi

# PostgreSQL refuses to run as root: run the cluster as the postgres system user then.
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        say "以 root 运行但没有 postgres 系统用户：跳过 PostgreSQL 测试"
        exit 0
    fi
    as_owner=(runuser -u postgres --)
else
    as_owner=()
fi

if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    say "初始化数据库集群 $PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PGDATA_DIR"; fi
    chmod 700 "$PGDATA_DIR"
    "${as_owner[@]}" "$BINDIR/initdb" -D "$PGDATA_DIR" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

started_here=0
if ! "${as_owner[@]}" "$BINDIR/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    say "启动 PostgreSQL（127.0.0.1:$PGPORT）"
    "${as_owner[@]}" "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -w -t 60 -l "$PGDATA_DIR/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDATA_DIR -c fsync=off" \
        start >/dev/null
    started_here=1
fi

stop_cluster() {
    if [ "$started_here" -eq 1 ] && [ "${JIXIAO_PG_KEEP:-0}" != "1" ]; then
        "${as_owner[@]}" "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null || true
    fi
}
trap stop_cluster EXIT

psql_admin=("${as_owner[@]}" "$BINDIR/psql" -h "$PGDATA_DIR" -p "$PGPORT" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1)
if [ "$("${psql_admin[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'jixiao'")" != "1" ]; then
    "${psql_admin[@]}" -c "CREATE ROLE jixiao LOGIN CREATEDB PASSWORD '$PGPASSWORD_JIXIAO'"
fi
if [ "$("${psql_admin[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'jixiao'")" != "1" ]; then
    "${psql_admin[@]}" -c "CREATE DATABASE jixiao OWNER jixiao"
fi

say "在 PostgreSQL 上运行 tests/web"
JIXIAO_DB=postgres JIXIAO_DB_HOST=127.0.0.1 JIXIAO_DB_PORT="$PGPORT" JIXIAO_DB_NAME=jixiao \
    JIXIAO_DB_USER=jixiao JIXIAO_DB_PASSWORD="$PGPASSWORD_JIXIAO" \
    uv run pytest tests/web -p no:cacheprovider "$@"
