package io.picolabs.twilio.state;

import static io.picolabs.twilio.testing.TwilioRequests.event;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picolabs.twilio.testing.ServerLog;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Variables on the default database, embedded Derby, of the managed Liberty. */
@ExtendWith(ArquillianExtension.class)
class StateIT extends StateContract {

  @Deployment(testable = false)
  static WebArchive application() {
    return deployment("state");
  }

  @ArquillianResource URL base;

  @Override
  protected URL base() {
    return base;
  }

  @Test
  void badNamesAndValuesAreLoggedNamingTheVariable() {
    long start = ServerLog.length();
    String entity = "{\"entity\":\"" + newEntity() + "\"}";
    for (String type : new String[] {"bad_name", "long_name", "too_big", "wrong_type"}) {
      event(base, "events/state/" + type, "application/json", entity);
    }
    String log = ServerLog.since(start);
    for (String expected :
        new String[] {
          "rule StateRules.badName failed on event state bad_name: java.lang.IllegalArgumentException: a variable needs a name",
          "rule StateRules.longName failed on event state long_name: java.lang.IllegalArgumentException: variable name nnnnnnnnnnnnnnnnnnnn… is 201 characters long; at most 200",
          "rule StateRules.tooBig failed on event state too_big: java.lang.IllegalArgumentException: variable big: the value is 65538 bytes as JSON; at most 65536",
          "rule StateRules.wrongType failed on event state wrong_type: java.lang.IllegalArgumentException: variable ent:word of "
        }) {
      assertTrue(log.contains(expected), expected + " not in\n" + log);
    }
    assertTrue(log.contains("holds \"seven\", which is not a Integer"), log);
  }
}
