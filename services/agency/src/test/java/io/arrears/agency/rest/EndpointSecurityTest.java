package io.arrears.agency.rest;

import io.arrears.testing.ArrearsTestResource;
import io.arrears.testing.OpenApiSecurityContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.stream.Stream;

/** Every operation this service documents refuses missing, expired, foreign and mis-addressed tokens, and other roles. */
@QuarkusTest
@QuarkusTestResource(value = ArrearsTestResource.class, initArgs = @ResourceArg(name = ArrearsTestResource.DATABASE, value = "agency"))
class EndpointSecurityTest {

    @TestHTTPResource("/")
    URI root;

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesBadTokensAndRolesItDoesNotList() {
        return OpenApiSecurityContract.of(root).open("GET /agencies/whitelist").tests();
    }
}
