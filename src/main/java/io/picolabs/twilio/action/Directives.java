package io.picolabs.twilio.action;

import io.picolabs.twilio.spi.RuleEffects;
import io.picolabs.twilio.twiml.Container;
import io.picolabs.twilio.twiml.Response;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The directives of one request, as the TwiML {@code <Response>} they will become.
 *
 * <p>Verbs go into the innermost open container ({@code <Gather>} between {@code gatherStart} and
 * {@code gatherStop}, {@code <Dial>} between {@code dialStart} and {@code dialStop}), else into the
 * response. A verb the open container cannot hold is refused at once, so a mistake surfaces in the
 * rule that made it rather than as a broken call. Containers left open are closed (and logged) when
 * the rule that opened them ends, so one rule's forgotten {@code gatherStop} never swallows the
 * next rule's verbs.
 */
@RequestScoped
public class Directives implements RuleEffects {
  private static final Logger LOG = Logger.getLogger(Directives.class.getName());

  private final Response response = new Response();
  // Outermost first; the response itself is always at index 0.
  private final List<Container> open = new ArrayList<>(List.of(response));

  /** Where one rule started, so that its directives can be closed or undone as a unit. */
  private record Mark(int depth, int[] sizes) {}

  /** Appends {@code verb} to the innermost open container. */
  public void add(Object verb) {
    Container target = innermost();
    String name = Container.elementName(verb);
    if (!target.accepts(name)) {
      String container = Container.elementName(target);
      throw new IllegalStateException(
          "<"
              + name
              + "> cannot go inside <"
              + container
              + ">; close the <"
              + container
              + "> first");
    }
    if (name.equals("Reject") && target == response && !response.children().isEmpty()) {
      throw new IllegalStateException(
          "<Reject> must be the first verb: once another verb is given the call is answered");
    }
    target.children().add(verb);
  }

  /** Appends {@code container} and sends the following verbs into it until {@link #close}. */
  public <C extends Container> C open(C container) {
    add(container);
    open.add(container);
    return container;
  }

  /**
   * Closes the innermost container, which must be of {@code type}; a stray close is only logged.
   */
  public void close(Class<? extends Container> type) {
    if (!type.isInstance(innermost())) {
      LOG.warning(
          () ->
              "ignoring a close of <"
                  + type.getSimpleName()
                  + ">: the open element is <"
                  + Container.elementName(innermost())
                  + ">");
      return;
    }
    open.remove(open.size() - 1);
  }

  /** The container the next verb goes into. */
  public Container innermost() {
    return open.get(open.size() - 1);
  }

  @Override
  public Object emptySavepoint() {
    return new Mark(1, new int[] {0}); // the response, empty
  }

  @Override
  public Object savepoint() {
    int[] sizes = new int[open.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = open.get(i).children().size();
    }
    return new Mark(open.size(), sizes);
  }

  /** A rule returned: what it left open is closed, so it cannot swallow the next rule's verbs. */
  @Override
  public void check(Object savepoint, String rule) {
    closeOpenedSince((Mark) savepoint, rule);
  }

  /**
   * Removes every directive given since {@code savepoint}: what a failed rule did is not answered.
   */
  @Override
  public void rollback(Object savepoint) {
    Mark mark = (Mark) savepoint;
    while (open.size() > mark.depth()) {
      open.remove(open.size() - 1);
    }
    for (int i = 0; i < mark.depth(); i++) {
      List<Object> children = open.get(i).children();
      children.subList(mark.sizes()[i], children.size()).clear();
    }
  }

  /** Closes what was opened since {@code mark} and not closed, naming {@code owner} in the log. */
  private void closeOpenedSince(Mark mark, String owner) {
    while (open.size() > mark.depth()) {
      Container unclosed = open.remove(open.size() - 1);
      LOG.warning(() -> owner + " left <" + Container.elementName(unclosed) + "> open; closed it");
    }
  }

  /** The response, with anything still open closed. */
  public Response response() {
    closeOpenedSince(new Mark(1, new int[] {0}), "the request");
    return response;
  }
}
