package io.arrears.messaging;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.metamodel.mapping.MappingModelExpressible;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.sql.SqmToSqlAstConverter;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.type.StandardBasicTypes;

import java.util.List;

/**
 * The HQL function behind {@link KeyArrays#oneOf}: {@code key_in_array(:keys, path)} is {@code path = any(:keys)}.
 * HQL's own array functions either need the array's type before a value is bound ({@code unnest}) or test
 * containment ({@code array_contains}, {@code @>}), which no index on the key answers. Found by Hibernate
 * through {@code META-INF/services}.
 *
 * <p>Two details keep the query's translation in Hibernate's plan cache, where it is made once: the keys come
 * first (a parameter as a function's last argument may be bound to a list, and Hibernate caches no plan of a
 * query with such a parameter), and they are declared a text array up front (a parameter typed only by its
 * bound value makes the translated SQL depend on that value).
 */
public final class KeyArrayFunction implements FunctionContributor {

    static final String NAME = "key_in_array";

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().patternDescriptorBuilder(NAME, "(?2 = any(?1))")
                .setExactArgumentCount(2)
                .setInvariantType(functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN))
                .setArgumentTypeResolver(new KeysAreTextArray())
                .register();
    }

    private static final class KeysAreTextArray implements FunctionArgumentTypeResolver {

        @Override
        @SuppressWarnings("removal")
        public MappingModelExpressible<?> resolveFunctionArgumentType(SqmFunction<?> function, int argumentIndex, SqmToSqlAstConverter converter) {
            return typeOf(argumentIndex, converter);
        }

        @Override
        public MappingModelExpressible<?> resolveFunctionArgumentType(List<? extends SqmTypedNode<?>> arguments, int argumentIndex,
                                                                      SqmToSqlAstConverter converter) {
            return typeOf(argumentIndex, converter);
        }

        private static MappingModelExpressible<?> typeOf(int argumentIndex, SqmToSqlAstConverter converter) {
            return argumentIndex == 0 ? converter.getCreationContext().getTypeConfiguration().getBasicTypeForJavaType(String[].class) : null;
        }
    }
}
