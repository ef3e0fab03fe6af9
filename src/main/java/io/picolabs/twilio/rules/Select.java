package io.picolabs.twilio.rules;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the events a rule sees, as KRL's {@code select when <domain> <type>}:
 *
 * <pre>{@code
 * void answer(@Observes @Select(domain = "twilio", type = "inbound_call") RuleEvent event, Twilio twilio)
 * }</pre>
 *
 * An observer of {@link RuleEvent} without this qualifier sees every event.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Select {
  String domain();

  String type();

  /** The qualifier as a value, for raising an event of {@code domain} and {@code type}. */
  final class Literal extends AnnotationLiteral<Select> implements Select {
    private static final long serialVersionUID = 1L;
    private final String domain;
    private final String type;

    public Literal(String domain, String type) {
      this.domain = domain;
      this.type = type;
    }

    @Override
    public String domain() {
      return domain;
    }

    @Override
    public String type() {
      return type;
    }
  }
}
