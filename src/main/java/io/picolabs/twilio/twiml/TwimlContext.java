package io.picolabs.twilio.twiml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/**
 * The one {@link JAXBContext} of the model: thread-safe, and by far the costliest part to build.
 */
final class TwimlContext {
  static final JAXBContext CONTEXT = create();

  private TwimlContext() {}

  private static JAXBContext create() {
    try {
      return JAXBContext.newInstance(Response.class);
    } catch (JAXBException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
