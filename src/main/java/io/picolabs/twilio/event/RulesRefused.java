package io.picolabs.twilio.event;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;

/**
 * Why the application's rules cannot run as written: every problem found, one per line, each naming
 * its method. One exception for them all, without a stack trace (it would point into the container,
 * not at the rules), so that the deployment's failure reads as a list.
 */
public class RulesRefused extends DeploymentException {
  private static final long serialVersionUID = 1L;

  RulesRefused(List<String> problems) {
    super(
        "the rules cannot run as written ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n  "
            + String.join("\n  ", problems));
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
