package io.picolabs.twilio.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.TwilioRequests;
import io.picolabs.twilio.testing.Wars;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document Liberty's {@code mpOpenAPI} serves for the WAR as built: every endpoint with
 * its methods, answers and security, the three security schemes, and the UI.
 *
 * <p>The WAR is deployed at the context root {@code /}, as in production ({@code server.xml}), by
 * an {@code ibm-web-ext.xml} added to it: so the test also shows that the JAX-RS application mapped
 * at {@code /} does not shadow {@code /openapi} and {@code /openapi/ui}, which Liberty serves as
 * applications of their own at the server's root. (Deployed under a context root of its own, such
 * as {@code /openapi-it}, the same document lists the same paths without the prefix, and its {@code
 * servers} carry the context root: {@code http://127.0.0.1:9080/openapi-it}.) Should other
 * applications be deployed on the server, Liberty merges their documents into the same one; the
 * paths of this application are told apart by their tags, each of its operations having one.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Wars.project("openapi-it.war")
        .addAsWebInfResource(
            new StringAsset(
                "<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\" version=\"1.1\">"
                    + "<context-root uri=\"/\"/></web-ext>"),
            "ibm-web-ext.xml");
  }

  /** The tags of this application's operations. */
  static final Set<String> TAGS =
      Set.of("Twilio webhooks", "Event channel", "Outbound log", "Variables", "Numbers", "Pages");

  /** Path, method, security scheme and response codes of every documented operation. */
  static final Map<String, Map<String, String>> OPERATIONS =
      Map.of(
          "/twilio/{type}",
          Map.of(
              "get", "twilioSignature 200 400 403 405",
              "post", "twilioSignature 200 400 403 405 413 415"),
          "/events/{domain}/{type}",
          Map.of("post", "eventsToken 200 400 401 403 405 413 415"),
          "/{kind}",
          Map.of("get", "eventsToken 200 400 401 403 405"),
          "/entities/{entity}/vars",
          Map.of("get", "eventsToken 200 401 403 404 405"),
          "/app/vars",
          Map.of("get", "eventsToken 200 401 403 405"),
          "/numbers",
          Map.of("get", "eventsToken 200 401 403 409 502"),
          "/numbers/{number}/wire",
          Map.of("post", "eventsToken 200 401 403 404 409 502"),
          "/numbers/{number}/unwire",
          Map.of("post", "eventsToken 200 401 403 404 409 502"),
          "/monkey",
          Map.of("get", "consoleLogin 200 401 403 503"));

  @ArquillianResource URL base;

  /** The server's root: Liberty serves the document there, not under the app's context root. */
  private String root() {
    return "http://127.0.0.1:" + base.getPort();
  }

  private HttpResponse<String> get(String path) {
    return TwilioRequests.send(HttpRequest.newBuilder(URI.create(root() + path)).GET());
  }

  private JsonObject document() {
    HttpResponse<String> answer = get("/openapi?format=JSON");
    assertEquals(200, answer.statusCode(), answer.body());
    return TwilioRequests.json(answer.body());
  }

  @Test
  void everyEndpointWithItsMethodsSecurityAndAnswers() {
    JsonObject paths = document().getJsonObject("paths");
    Map<String, Map<String, String>> found = new TreeMap<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) -> {
                      if (operation.getValueType() == JsonValue.ValueType.OBJECT
                          && ours(operation.asJsonObject())) {
                        found
                            .computeIfAbsent(path, p -> new TreeMap<>())
                            .put(method, summary(operation.asJsonObject()));
                      }
                    }));
    assertEquals(new TreeMap<>(sorted(OPERATIONS)), found);
  }

  private static boolean ours(JsonObject operation) {
    return operation.containsKey("tags")
        && operation.getJsonArray("tags").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .anyMatch(TAGS::contains);
  }

  /** "scheme codes…": the names of the operation's security requirements and its answers. */
  private static String summary(JsonObject operation) {
    String security =
        operation.getJsonArray("security").getValuesAs(JsonObject.class).stream()
            .flatMap(requirement -> requirement.keySet().stream())
            .sorted()
            .collect(Collectors.joining(","));
    return security
        + " "
        + String.join(" ", new TreeSet<>(operation.getJsonObject("responses").keySet()));
  }

  private static Map<String, Map<String, String>> sorted(Map<String, Map<String, String>> map) {
    Map<String, Map<String, String>> sorted = new TreeMap<>();
    map.forEach((path, methods) -> sorted.put(path, new TreeMap<>(methods)));
    return sorted;
  }

  @Test
  void theThreeSecuritySchemes() {
    JsonObject schemes = document().getJsonObject("components").getJsonObject("securitySchemes");
    JsonObject signature = schemes.getJsonObject("twilioSignature");
    assertEquals("apiKey", signature.getString("type"));
    assertEquals("header", signature.getString("in"));
    assertEquals("X-Twilio-Signature", signature.getString("name"));
    assertTrue(signature.getString("description").contains("HMAC-SHA1"));
    JsonObject token = schemes.getJsonObject("eventsToken");
    assertEquals("http", token.getString("type"));
    assertEquals("bearer", token.getString("scheme"));
    JsonObject login = schemes.getJsonObject("consoleLogin");
    assertEquals("http", login.getString("type"));
    assertEquals("basic", login.getString("scheme"));
  }

  @Test
  void theWebhookAnswersTwimlAndRefusesUnsignedRequests() {
    JsonObject post =
        document().getJsonObject("paths").getJsonObject("/twilio/{type}").getJsonObject("post");
    JsonObject responses = post.getJsonObject("responses");
    JsonObject twiml = responses.getJsonObject("200").getJsonObject("content");
    assertEquals(Set.of("application/xml"), twiml.keySet());
    assertTrue(
        twiml.getJsonObject("application/xml").getString("example").contains("<Response>"),
        twiml.toString());
    assertEquals(
        Set.of("text/plain"), responses.getJsonObject("403").getJsonObject("content").keySet());
    assertEquals(
        Set.of("application/x-www-form-urlencoded", "application/json"),
        post.getJsonObject("requestBody").getJsonObject("content").keySet());
    JsonObject type =
        post.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("name").equals("type"))
            .findFirst()
            .orElseThrow();
    assertEquals("path", type.getString("in"));
    assertEquals("^[A-Za-z0-9_-]+$", type.getJsonObject("schema").getString("pattern"));
  }

  @Test
  void theEventChannelAnswersItsJsonSchema() {
    JsonObject document = document();
    JsonObject ok =
        document
            .getJsonObject("paths")
            .getJsonObject("/events/{domain}/{type}")
            .getJsonObject("post")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content")
            .getJsonObject("application/json");
    assertEquals("#/components/schemas/EventAnswer", ok.getJsonObject("schema").getString("$ref"));
    JsonObject answer =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject("EventAnswer");
    assertEquals(
        Set.of("domain", "type", "fired", "failed", "directives", "outbox"),
        answer.getJsonObject("properties").keySet());
  }

  @Test
  void theInfoCarriesTheProjectsVersion() throws IOException {
    Properties pom = new Properties();
    try (ZipFile war = new ZipFile(Wars.APPLICATION);
        InputStream in =
            war.getInputStream(
                war.getEntry("META-INF/maven/io.picolabs/twilio-rules/pom.properties"))) {
      pom.load(in);
    }
    JsonObject info = document().getJsonObject("info");
    assertEquals("Twilio rules", info.getString("title"));
    assertEquals(pom.getProperty("version"), info.getString("version"));
  }

  @Test
  void theDocumentAndTheUiAreNotShadowedByTheApplicationAtTheRoot() {
    HttpResponse<String> yaml = get("/openapi");
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.body().startsWith("---\nopenapi: 3.1"), yaml.body());
    HttpResponse<String> ui = get("/openapi/ui/");
    assertEquals(200, ui.statusCode());
    assertTrue(
        ui.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        ui.headers().toString());
    assertTrue(ui.body().toLowerCase().contains("<html"), ui.body());
    // the application is at the root all the same: its variables answer (closed: no events.token)
    HttpResponse<String> vars = get("/app/vars");
    assertEquals(403, vars.statusCode());
    assertFalse(vars.body().contains("openapi"), vars.body());
  }
}
