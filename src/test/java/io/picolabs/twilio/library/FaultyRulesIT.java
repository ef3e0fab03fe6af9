package io.picolabs.twilio.library;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.LibertyServer;
import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.Wars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The library JAR with faulty rules, on a server of its own: the application does not start, and
 * the server's log names every faulty method, all in the one failure.
 */
class FaultyRulesIT {
  private static final String RULES = FaultyRules.class.getName();

  @Test
  void theDeploymentIsRefusedNamingEveryFaultyRule() throws IOException {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "faulty.war")
            .addAsLibrary(Wars.LIBRARY)
            .addClasses(RootApplication.class, FaultyRules.class);
    Path derbyHome = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "faulty-derby-");
    try (LibertyServer server =
        new LibertyServer("faultyRulesServer")
            .env("DB_KIND", "derby")
            .env("DB_DERBY_PATH", derbyHome.resolve("twilio-rules").toString())
            .deploy(war, "/faulty")) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
      assertTrue(refused.getMessage().contains("failed to start"), refused.getMessage());

      String log = server.messages();
      List<String> problems =
          List.of(
              RULES
                  + ".spaced(RuleEvent): @Select type \"inbound call\" is malformed; use letters,"
                  + " digits, _ and -",
              RULES
                  + ".later(RuleEvent): a rule cannot be asynchronous (@ObservesAsync); the engine"
                  + " runs rules one by one while the request waits: use @Observes",
              RULES
                  + ".wantsLocale(RuleEvent, Twilio, Locale): parameter 3 (java.util.Locale) is not"
                  + " something the engine can supply: a rule's parameters are its RuleEvent and"
                  + " beans (Twilio, the variables, any bean of the application)",
              "two rules are named FaultyRules.twice ("
                  + RULES
                  + ".twice(RuleEvent), "
                  + RULES
                  + ".twice(RuleEvent, Twilio)); rename one (logs and metrics name rules"
                  + " Class.method)");
      int failure =
          log.indexOf("CWWKZ0002E: An exception occurred while starting the application faulty.");
      assertTrue(failure >= 0, log);
      String told = log.substring(failure);
      assertTrue(told.contains("the rules cannot run as written (4 problems):\n"), told);
      for (String problem : problems) {
        assertTrue(
            told.contains("\n  " + problem + "\n"),
            () -> "missing\n  " + problem + "\nin\n" + told);
      }
      assertFalse(log.contains("CWWKZ0001I: Application faulty started"), log);
    }
  }
}
