package com.makcrm.core.backup;

import com.makcrm.core.backup.BackupManifest.TablePart;
import com.makcrm.core.db.Sql;
import com.makcrm.core.storage.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Every table of one schema, read in a single {@code REPEATABLE READ, READ ONLY} transaction and streamed with
 * binary COPY through zstd into the repository: one snapshot, while writes to the tenant carry on.
 */
final class SchemaSnapshot {

    private static final String TABLES = """
            select c.relname
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
             order by c.relname""";

    private static final String PRIMARY_KEY = """
            select a.attname
              from pg_index i
              join unnest(i.indkey) with ordinality as k(attnum, position) on true
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
             where i.indrelid = ?::regclass and i.indisprimary
             order by k.position""";

    private final Connection connection;
    private final String schema;

    /** @param connection a connection in manual-commit mode whose transaction has not started yet */
    SchemaSnapshot(Connection connection, String schema) throws SQLException {
        this.connection = connection;
        this.schema = schema;
        try (Statement s = connection.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
    }

    /** The schema's tables; the first query, so it also fixes the snapshot. */
    List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** PostgreSQL's size of the schema's table data (without indexes): an estimate of what COPY will stream. */
    long estimatedBytes() throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("select coalesce(sum(pg_table_size(c.oid)), 0) from pg_class c"
                        + " where c.relnamespace = ?::regnamespace and c.relkind = 'r'")) {
            ps.setString(1, quote(schema));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    TablePart store(String table, PartWriter writer) throws SQLException, IOException {
        CopyManager copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "copy (select * from " + qualified(table) + " order by " + orderOf(table)
                + ") to stdout (format binary)";
        try (CopyOutInputStream data = new CopyOutInputStream(copyApi.copyOut(sql))) {
            DigestingInputStream raw = new DigestingInputStream(data);
            PartWriter.Stored stored = writer.write(raw);
            return new TablePart(table, data.rows(), raw.count(), stored.size(), stored.sha256(), raw.sha256Hex());
        }
    }

    // a stable order makes the data checksum of unchanged data the same from one backup to the next
    private String orderOf(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEY)) {
            ps.setString(1, qualified(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(quote(rs.getString(1)));
                }
            }
        }
        return columns.isEmpty() ? "ctid" : String.join(", ", columns);
    }

    private String qualified(String table) {
        return quote(schema) + "." + quote(table);
    }

    static String quote(String identifier) {
        return Sql.quoteIdentifier(identifier);
    }

    /** Stores one part: compresses and hashes what it reads, to its end. */
    interface PartWriter {
        record Stored(long size, String sha256) {}

        Stored write(InputStream data) throws IOException;
    }
}
