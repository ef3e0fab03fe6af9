package io.picolabs.twilio.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.opentest4j.TestAbortedException;

/**
 * What several test classes share within one run of the tests, because starting it costs more than
 * the tests that use it (a Liberty server starts in about 25 s on two cores): started by the first
 * class that asks for it, closed when the run ends (this class is the JUnit Platform's {@link
 * LauncherSessionListener}, registered in META-INF/services), last started first closed. The
 * fixtures' own JVM shutdown hooks stop what a run that ends otherwise leaves.
 *
 * <p>A fixture that failed to start is not started again: each class that asks gets the first
 * failure at once instead of waiting for the same timeout again.
 */
public final class SharedFixtures implements LauncherSessionListener {
  private static final Map<Class<?>, Object> STARTED = new LinkedHashMap<>();
  private static final Map<Class<?>, RuntimeException> FAILED = new LinkedHashMap<>();

  /** The run's fixture of type {@code type}, started by {@code start} on the first call. */
  public static synchronized <T extends AutoCloseable> T get(Class<T> type, Supplier<T> start) {
    RuntimeException failed = FAILED.get(type);
    if (failed instanceof TestAbortedException) {
      throw failed; // e.g. no PostgreSQL here: each class that asks is skipped alike
    }
    if (failed != null) {
      throw new IllegalStateException(
          "the shared " + type.getSimpleName() + " failed to start earlier in this run", failed);
    }
    Object fixture = STARTED.get(type);
    if (fixture == null) {
      try {
        fixture = start.get();
      } catch (RuntimeException e) {
        FAILED.put(type, e);
        throw e;
      }
      STARTED.put(type, fixture);
    }
    return type.cast(fixture);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    closeAll();
  }

  private static synchronized void closeAll() {
    List<Object> open = new ArrayList<>(STARTED.values());
    STARTED.clear();
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        ((AutoCloseable) open.get(i)).close();
      } catch (Exception e) {
        // the run is over: report it, and close the others
        System.err.println("could not close the shared " + open.get(i) + ": " + e);
      }
    }
  }
}
