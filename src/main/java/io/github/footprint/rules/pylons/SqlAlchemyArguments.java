package io.github.footprint.rules.pylons;

import java.util.Set;

import io.github.footprint.base.EditDistance;

/**
 * What {@code create_engine()} accepts, as far as footprint checks it: the keyword arguments of
 * {@code create_engine} itself, of its pools and of {@code Engine} in SQLAlchemy 1.3, 1.4 and 2.0 (their
 * documented parameters), plus the common dialect-specific ones. Any other argument reaches the "all kwargs should
 * be consumed" check of {@code create_engine} and raises {@code TypeError: Invalid argument(s) ...}
 * (docs/domain/paste.md#pylons-and-sqlalchemy,
 * docs/domain/paste.md#engine-options-from-the-ini-file). Dialect arguments are open-ended, so only near misses of the
 * known names and unknown
 * {@code pool_...} names are called unknown.
 */
final class SqlAlchemyArguments {
    private SqlAlchemyArguments() {
    }

    /** create_engine, pool and Engine arguments of SQLAlchemy 1.3 to 2.0. */
    static final Set<String> ENGINE = Set.of("url", "case_sensitive", "connect_args", "convert_unicode", "creator",
            "echo", "echo_pool", "empty_in_strategy", "enable_from_linting", "encoding", "execution_options", "future",
            "hide_parameters", "implicit_returning", "insertmanyvalues_page_size", "isolation_level",
            "json_deserializer", "json_serializer", "label_length", "listeners", "logging_name",
            "max_identifier_length", "max_overflow", "module", "paramstyle", "plugins", "pool", "pool_events",
            "pool_logging_name", "pool_pre_ping", "pool_recycle", "pool_reset_on_return", "pool_size",
            "pool_threadlocal", "pool_timeout", "pool_use_lifo", "poolclass", "query_cache_size",
            "skip_autocommit_rollback", "strategy", "use_insertmanyvalues");

    /** Common dialect arguments (psycopg2, MySQL drivers, pyodbc/mssql, cx_Oracle, SQLite). */
    static final Set<String> DIALECT = Set.of("client_encoding", "use_native_unicode", "use_native_hstore",
            "use_native_uuid", "executemany_mode", "executemany_batch_page_size", "executemany_values_page_size",
            "server_side_cursors", "use_batch_mode", "fast_executemany", "deprecate_large_types",
            "legacy_schema_aliasing", "use_setinputsizes", "supports_comments", "auto_convert_lobs",
            "coerce_to_decimal", "arraysize", "exclude_tablespaces", "threaded", "use_ansi", "use_oids",
            "optimize_limits", "use_binds_for_limits", "is_mariadb", "native_datetime", "supports_unicode_binds",
            "ignore_no_transaction_on_rollback", "use_scope_identity", "schema_name", "max_identifier_length");

    /** The known name an unknown argument looks like a typo of, or null when it is not a near miss. */
    static String nearMiss(String option) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : ENGINE) {
            int d = EditDistance.between(option, known);
            if (d < bestDistance || (d == bestDistance && known.compareTo(best) < 0)) {
                best = known;
                bestDistance = d;
            }
        }
        int allowed = Math.min(option.length(), best.length()) <= 5 ? 1 : 2;
        return bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /** True when create_engine() would refuse the argument (by the rule above). */
    static boolean unknown(String option) {
        if (ENGINE.contains(option) || DIALECT.contains(option)) {
            return false;
        }
        return option.startsWith("pool_") || nearMiss(option) != null;
    }
}
