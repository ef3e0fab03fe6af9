package io.picolabs.twilio.library;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.RootApplication;
import io.picolabs.twilio.testing.ServerLog;
import io.picolabs.twilio.testing.Wars;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library JAR with faulty rules, deployed to the managed Liberty by the test (not by Arquillian
 * before it): the application does not start, and the server's log names every faulty method, all
 * in the one failure. The server itself and its other applications are untouched.
 */
@ExtendWith(ArquillianExtension.class)
class FaultyRulesIT {
  private static final String RULES = FaultyRules.class.getName();

  @Deployment(name = "faulty", managed = false, testable = false)
  static WebArchive faulty() {
    return ShrinkWrap.create(WebArchive.class, "faulty.war")
        .addAsLibraries(Wars.library())
        .addClasses(RootApplication.class, FaultyRules.class);
  }

  @ArquillianResource Deployer deployer;

  @Test
  void theDeploymentIsRefusedNamingEveryFaultyRule() {
    long mark = ServerLog.length();
    try {
      assertThrows(Exception.class, () -> deployer.deploy("faulty"));
    } finally {
      deployer.undeploy("faulty");
    }

    String log = ServerLog.since(mark);
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
          told.contains("\n  " + problem + "\n"), () -> "missing\n  " + problem + "\nin\n" + told);
    }
    assertFalse(log.contains("CWWKZ0001I: Application faulty started"), log);
  }
}
