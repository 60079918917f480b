package io.arrears.console.session;

import io.arrears.console.ConsoleKeys;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** Signing in: the token is checked as the services check it, kept in a cookie scripts cannot read, and never in a URL. */
@QuarkusTest
@QuarkusTestResource(ConsoleKeys.class)
class SignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void aPageWithoutASessionLeadsToTheSignInPage() {
        given().redirects().follow(false).get("/queue").then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void aValidTokenSignsInToTheRolesStartPageWithAStrictHttpOnlyCookie() {
        CookieFilter cookies = new CookieFilter();
        Response signedIn = signIn(cookies, TestTokens.token("officer-1", "complaints-officer"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/complaints");
        String session = signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("arrears_session=")).findFirst()
                .orElseThrow();
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Max-Age=");
        assertThat(signedIn.header("Location")).doesNotContain("eyJ");
    }

    @Test
    void behindTheBanksSingleSignOnTheTokenInTheAuthorizationHeaderIsASession() {
        given().redirects().follow(false).header("Authorization", TestTokens.bearer("officer-3", "complaints-officer")).get("/")
                .then().statusCode(303).header("Location", endsWith("/complaints"));
        given().redirects().follow(false).header("Authorization", "Bearer " + TestTokens.expired("officer-3", "complaints-officer"))
                .get("/complaints").then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void anExpiredForeignOrMisaddressedTokenIsRefusedAndNoSessionIsSet() {
        for (String token : new String[] {TestTokens.expired("a", "agent"), TestTokens.signedByAnotherKey("a", "agent"),
                TestTokens.forAnotherAudience("a", "agent"), "not a token"}) {
            Response refused = signIn(new CookieFilter(), token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body().asString()).contains("That token was refused");
            assertThat(refused.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("arrears_session=ey"));
        }
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("token", TestTokens.token("a", "agent"))
                .post("/sign-in").then().statusCode(400);
    }

    @Test
    void aRoleOpensOnlyItsOwnPagesAndIsToldWhenItMayNot() {
        CookieFilter officer = new CookieFilter();
        signIn(officer, TestTokens.token("officer-2", "complaints-officer"));
        given().filter(officer).redirects().follow(false).get("/approvals").then().statusCode(403)
                .body(containsString("Your role may not do this"));
    }

    @Test
    void theLanguageIsTheUsersChoiceElseTheBrowsers() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/sign-in").then().statusCode(200).body(containsString("登录"));
        given().header("Accept-Language", "en-GB").get("/sign-in").then().statusCode(200).body(containsString("Sign in"));
        given().header("Accept-Language", "zh-CN").cookie("console-lang", "en").get("/sign-in").then().body(containsString("Sign in"));
    }

    @Test
    void switchingLanguageReturnsOnlyToAPathOfThisSite() {
        assertThat(SignInResource.backTo("http://console.bank/queue?state=OPEN")).isEqualTo("/queue?state=OPEN");
        assertThat(SignInResource.backTo("https://evil.example//phish")).isEqualTo("/");
        assertThat(SignInResource.backTo(null)).isEqualTo("/");
        assertThat(SignInResource.backTo("//evil.example/x")).as("only the path of any address is kept").isEqualTo("/x");
    }

    /** As a browser does: the sign-in page first (it sets the CSRF cookie and field), then the form. */
    private static Response signIn(CookieFilter cookies, String token) {
        String page = given().filter(cookies).get("/sign-in").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf.group(1)).formParam("token", token).post("/sign-in");
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
