package com.makcrm.core.tenant;

import com.makcrm.core.tenant.OperationRecord.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The audit trail in {@code crm_control.operation_log}: every tenant operation, successful or not. */
public final class OperationLog {

    private final DataSource dataSource;

    public OperationLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(
            UUID tenantId, String slug, String operation, String actor, Outcome outcome, String detail, Instant start) {
        String sql = "insert into crm_control.operation_log"
                + " (tenant_id, tenant_slug, operation, actor, outcome, detail, started_at) values (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenantId);
            ps.setString(2, slug);
            ps.setString(3, operation);
            ps.setString(4, actor);
            ps.setString(5, outcome.name());
            ps.setString(6, detail);
            ps.setTimestamp(7, Timestamp.from(start));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw TenantStore.translate("writing the operation log", e);
        }
    }

    /** Newest first. */
    public List<OperationRecord> recent(String slug, int limit) {
        String sql = "select tenant_slug, operation, actor, outcome, detail, started_at, finished_at"
                + " from crm_control.operation_log where tenant_slug = ? order by id desc limit ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, slug);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<OperationRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new OperationRecord(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Outcome.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant()));
                }
                return out;
            }
        } catch (SQLException e) {
            throw TenantStore.translate("reading the operation log", e);
        }
    }
}
