package io.arrears.console.session;

import io.arrears.console.LocalSignIn;
import io.arrears.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

/**
 * Signing in through the bank's identity provider (OpenID Connect's code flow), here its local stand-in:
 * the console never sees a password, keeps the tokens in an HttpOnly cookie, and puts no token in a URL.
 */
@QuarkusTest
@QuarkusTestResource(LocalSignIn.class)
class SignInTest {

    @Test
    void aPageAskedForWithoutASessionSendsTheBrowserToTheBanksSignIn() {
        given().redirects().follow(false).get("/queue").then().statusCode(302)
                .header("Location", startsWith(LocalSignIn.url + "/authorize?"))
                .header("Location", containsString("client_id=" + LocalSignIn.CLIENT))
                .header("Location", containsString("response_type=code"));
    }

    @Test
    void aComplaintsOfficerSignsInAndStartsOnTheComplaintQueueWithAnHttpOnlySession() {
        CookieFilter browser = new CookieFilter();
        List<String> locations = signIn(browser, "complaints-officer", "officer-1");
        assertThat(locations).noneMatch(l -> l.contains("eyJ")).as("no token in any address");
        given().filter(browser).redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/complaints"));
        given().filter(browser).redirects().follow(false).get("/approvals").then().statusCode(403)
                .body(containsString("Your role may not do this"));
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProviderToo() {
        CookieFilter browser = new CookieFilter();
        signIn(browser, "agent", "agent-1");
        given().filter(browser).redirects().follow(false).get("/sign-out").then().statusCode(302)
                .header("Location", startsWith(LocalSignIn.url + "/logout"));
        given().filter(browser).redirects().follow(false).get("/queue").then().statusCode(302)
                .header("Location", startsWith(LocalSignIn.url + "/authorize"));
    }

    @Test
    void behindAProxyThatSignedTheUserInTheBearerTokenIsTheSessionAndABadOneIsRefused() {
        given().redirects().follow(false).header("Authorization", TestTokens.bearer("officer-3", "complaints-officer")).get("/")
                .then().statusCode(303).header("Location", endsWith("/complaints"));
        for (String token : new String[] {TestTokens.expired("a", "agent"), TestTokens.signedByAnotherKey("a", "agent")}) {
            given().redirects().follow(false).header("Authorization", "Bearer " + token).get("/queue").then().statusCode(401);
        }
    }

    @Test
    void theLanguageIsTheUsersChoiceElseTheBrowsers() {
        String officer = TestTokens.bearer("officer-4", "complaints-officer");
        given().header("Authorization", officer).header("Accept-Language", "zh-CN,zh;q=0.9").get("/approvals").then().statusCode(403)
                .body(containsString("您的角色无权执行此操作"));
        given().header("Authorization", officer).header("Accept-Language", "en-GB").get("/approvals").then()
                .body(containsString("Your role may not do this"));
        given().header("Authorization", officer).header("Accept-Language", "zh-CN").cookie("console-lang", "en").get("/approvals").then()
                .body(containsString("Your role may not do this"));
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false).header("Authorization", TestTokens.bearer("agent-2", "agent"))
                .contentType("application/x-www-form-urlencoded").formParam("lang", "zh-CN").post("/language").then().statusCode(400);
    }

    @Test
    void switchingLanguageReturnsOnlyToAPathOfThisSite() {
        assertThat(HomeResource.backTo("http://console.bank/queue?state=OPEN")).isEqualTo("/queue?state=OPEN");
        assertThat(HomeResource.backTo("https://evil.example//phish")).isEqualTo("/");
        assertThat(HomeResource.backTo(null)).isEqualTo("/");
        assertThat(HomeResource.backTo("//evil.example/x")).as("only the path of any address is kept").isEqualTo("/x");
    }

    /** As a browser does it: the console sends it to the provider, the user picks a role, the provider sends it back with a code. */
    private static List<String> signIn(CookieFilter browser, String role, String user) {
        Response start = given().filter(browser).redirects().follow(false).get("/");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.header("Location");
        assertThat(given().filter(browser).urlEncodingEnabled(false).get(authorize).then().statusCode(200).extract().asString()).contains("role-" + role);

        Map<String, String> form = query(authorize);
        form.put("role", role);
        form.put("user", user);
        Response code = given().filter(browser).redirects().follow(false).formParams(form).post(LocalSignIn.url + "/authorize");
        assertThat(code.statusCode()).isEqualTo(302);
        String back = code.header("Location");
        Response signedIn = given().filter(browser).urlEncodingEnabled(false).redirects().follow(false).get(back);
        assertThat(signedIn.statusCode()).as("the console takes the code").isEqualTo(302);
        List<String> session = signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("q_session")).toList();
        assertThat(session).isNotEmpty().allMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("httponly"));
        return List.of(authorize, back, signedIn.header("Location"));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
