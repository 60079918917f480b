package io.arrears.messaging;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The HQL function behind {@link KeyArrays#oneOf}: {@code key_in_array(path, :keys)} is {@code path = any(:keys)}.
 * HQL's own array functions either need the array's type before a value is bound ({@code unnest}) or test
 * containment ({@code array_contains}, {@code @>}), which no index on the key answers. Found by Hibernate
 * through {@code META-INF/services}.
 */
public final class KeyArrayFunction implements FunctionContributor {

    static final String NAME = "key_in_array";

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().registerPattern(NAME, "(?1 = any(?2))",
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN));
    }
}
