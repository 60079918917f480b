package io.arrears.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * {@code /q/health/group/outbox}: down while events wait longer than {@code arrears.messaging.relay.max-lag}
 * to leave, or while a row Kafka refused sits in {@code outbox_parked}. Both need a person; neither makes
 * the service unable to take work, so they are not part of readiness.
 */
@HealthGroup("outbox")
@ApplicationScoped
public class OutboxLag implements HealthCheck {

    private final OutboxRelay relay;
    private final AgroalDataSource dataSource;
    private final MessagingConfig config;

    public OutboxLag(OutboxRelay relay, AgroalDataSource dataSource, MessagingConfig config) {
        this.relay = relay;
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Duration oldest = relay.oldestPending();
        long parked;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from outbox_parked")) {
            rs.next();
            parked = rs.getLong(1);
        } catch (SQLException e) {
            return HealthCheckResponse.named("arrears-outbox").down().withData("database", e.getMessage()).build();
        }
        boolean flowing = oldest.compareTo(config.relay().maxLag()) <= 0;
        return HealthCheckResponse.named("arrears-outbox").status(flowing && parked == 0)
                .withData("oldestPendingSeconds", oldest.toSeconds())
                .withData("maxLagSeconds", config.relay().maxLag().toSeconds())
                .withData("parked", parked)
                .build();
    }
}
