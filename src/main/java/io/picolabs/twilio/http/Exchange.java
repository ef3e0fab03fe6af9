package io.picolabs.twilio.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the library's filters learned about one request, for the filters after them and the
 * resource: one typed object per request instead of a request attribute per fact. It lives in the
 * request's attributes under one key (JAX-RS request properties are the servlet request's
 * attributes), so that filters reach it through their {@link ContainerRequestContext} and resources
 * through their {@link HttpServletRequest}; each fact is read or computed once.
 */
public final class Exchange {
  private static final String KEY = Exchange.class.getName();

  private byte[] body = new byte[0];
  private Map<String, List<String>> form;
  private Map<String, List<String>> query;
  private String origin;
  private Enum<?> outcome;
  private EarlyResponse early;

  private Exchange() {}

  /** The request's exchange, made on first use. */
  public static Exchange of(ContainerRequestContext request) {
    if (request.getProperty(KEY) instanceof Exchange exchange) {
      return exchange;
    }
    Exchange exchange = new Exchange();
    request.setProperty(KEY, exchange);
    return exchange;
  }

  /** The request's exchange, made on first use. */
  public static Exchange of(HttpServletRequest request) {
    if (request.getAttribute(KEY) instanceof Exchange exchange) {
      return exchange;
    }
    Exchange exchange = new Exchange();
    request.setAttribute(KEY, exchange);
    return exchange;
  }

  /** The body as {@link BodyLimit} read it (empty before it ran). */
  public byte[] body() {
    return body;
  }

  public void body(byte[] body) {
    this.body = body;
  }

  /** The form body, parsed by whoever needs it first. */
  public Map<String, List<String>> form(Supplier<Map<String, List<String>>> parse) {
    if (form == null) {
      form = parse.get();
    }
    return form;
  }

  /** The query's parameters, parsed by whoever needs them first. */
  public Map<String, List<String>> query(HttpServletRequest servlet) {
    if (query == null) {
      query = FormBody.parse(servlet.getQueryString());
    }
    return query;
  }

  /** The public origin, read by whoever needs it first ({@link PublicUrl#originOf}). */
  public String origin(Supplier<String> read) {
    if (origin == null) {
      origin = read.get();
    }
    return origin;
  }

  /**
   * How the resource answered, if it ran and said so, for the response filters (the webhook's
   * answered, fallback or replayed).
   */
  public Enum<?> outcome() {
    return outcome;
  }

  public void outcome(Enum<?> outcome) {
    this.outcome = outcome;
  }

  /**
   * The response another thread may answer while this request's thread is busy, as {@link
   * ServletResponses} made it (null if it did not run): JAX-RS injects a proxy of the servlet
   * response that works on the request's thread only.
   */
  public EarlyResponse earlyResponse() {
    return early;
  }

  void earlyResponse(EarlyResponse early) {
    this.early = early;
  }
}
