package io.arrears.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events of some topics that this service has committed and its relay has not yet put on Kafka. */
@ApplicationScoped
public class OutboxQueue {

    private final AgroalDataSource dataSource;

    public OutboxQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For each of {@code topics}, how many of its events wait in the outbox; a topic with none is given as 0. */
    public Map<String, Long> waiting(Collection<String> topics) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select topic, count(*) from outbox where topic = any(?) group by topic")) {
            count.setArray(1, connection.createArrayOf("varchar", topics.toArray()));
            Map<String, Long> waiting = new LinkedHashMap<>();
            topics.forEach(topic -> waiting.put(topic, 0L));
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    waiting.put(rs.getString(1), rs.getLong(2));
                }
            }
            return waiting;
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be counted", e);
        }
    }
}
