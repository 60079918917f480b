package io.arrears.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/** Events of some topics that this service has committed and its relay has not yet put on Kafka. */
@ApplicationScoped
public class OutboxQueue {

    private final AgroalDataSource dataSource;

    public OutboxQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long waiting(Collection<String> topics) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox where topic = any(?)")) {
            count.setArray(1, connection.createArrayOf("varchar", topics.toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be counted", e);
        }
    }
}
