package io.picolabs.twilio.examples;

import static io.picolabs.twilio.testing.TwilioRequests.XML;
import static io.picolabs.twilio.testing.TwilioRequests.entityVars;
import static io.picolabs.twilio.testing.TwilioRequests.gathered;
import static io.picolabs.twilio.testing.TwilioRequests.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.ProjectServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAR as built, on embedded Derby in a directory of its own (DB_DERBY_PATH; the shared {@link
 * ProjectServer}), keeps a caller's favorite number across a server restart.
 */
class RestartIT {
  private static final String CALLER = "+8015552311";

  private static Path derbyDatabase;
  private static LibertyServer server;

  @BeforeAll
  static void startServer() {
    ProjectServer shared = ProjectServer.get();
    server = shared.server();
    derbyDatabase = shared.derbyDatabase();
  }

  @Test
  void theFavoriteNumberOutlivesARestart() {
    HttpResponse<String> answer =
        postForm(server.base(), "twilio/monkey_handle", gathered(CALLER, "7"));
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(
        XML + "<Response><Say>Your favorite number is 7.</Say><Hangup/></Response>", answer.body());
    assertEquals("200 {\"favorite\":\"7\"}", entityVars(server.base(), CALLER));

    // the database is where DB_DERBY_PATH says, not in the server's directory
    assertTrue(
        Files.isRegularFile(derbyDatabase.resolve("service.properties")),
        "no Derby database in " + derbyDatabase);
    assertTrue(
        Files.isDirectory(derbyDatabase.resolve("seg0")), "no Derby data in " + derbyDatabase);
    assertTrue(
        !Files.exists(server.directory().resolve("data/twilio-rules")),
        "a Derby database in the server's directory: DB_DERBY_PATH was not used");

    server.stop();
    server.start();

    assertEquals("200 {\"favorite\":\"7\"}", entityVars(server.base(), CALLER));
  }
}
