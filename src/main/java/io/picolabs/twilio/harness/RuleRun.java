package io.picolabs.twilio.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules did with one event ({@link RuleHarness#raise}), including the rules of the events
 * they raised and of the outcomes of their sends.
 *
 * @param twiml the answer, as the webhook would give it ({@code <?xml …?><Response>…</Response>};
 *     {@code <Response/>} when no rule answered)
 * @param fired the rules that ran, {@code Class.method}, in the order they ran
 * @param failed those of them that threw (what they did is taken back; the others still answer)
 * @param sends the messages and calls written to the outbox, in order
 * @param writes the variables written, in the order their rules committed
 */
public record RuleRun(
    String twiml,
    List<String> fired,
    List<String> failed,
    List<Send> sends,
    List<VarWrite> writes) {

  public RuleRun {
    fired = List.copyOf(fired);
    failed = List.copyOf(failed);
    sends = List.copyOf(sends);
    writes = List.copyOf(writes);
  }

  /**
   * The variables written for {@code entity} ({@code ent.set}), name to value (as {@link
   * VarWrite#value}; the last write of each, {@code null} for one removed).
   */
  public Map<String, Object> entityVars(String entity) {
    return written("ent", entity);
  }

  /** The application variables written ({@code app.set}), as {@link #entityVars}. */
  public Map<String, Object> appVars() {
    return written("app", "app");
  }

  /**
   * The variables written for the call {@code callSid} ({@code call.set}), as {@link #entityVars}.
   */
  public Map<String, Object> callVars(String callSid) {
    return written("call", callSid);
  }

  private Map<String, Object> written(String scope, String owner) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (VarWrite write : writes) {
      if (write.scope().equals(scope) && write.owner().equals(owner)) {
        values.put(write.name(), write.value());
      }
    }
    return values;
  }
}
