package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "plan_instalment")
@IdClass(PlanInstalment.Key.class)
public class PlanInstalment {

    @Id
    public String planId;
    @Id
    public int seq;
    public LocalDate dueDate;
    public BigDecimal amount;

    public static class Key implements Serializable {
        public String planId;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && java.util.Objects.equals(planId, other.planId) && seq == other.seq;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(planId, seq);
        }
    }
}
