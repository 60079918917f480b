package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The calls agents logged; appended to, never changed. */
@ApplicationScoped
public class AgentContactRepository implements PanacheRepositoryBase<AgentContact, Long> {
}
