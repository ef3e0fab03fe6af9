package io.picolabs.twilio.http;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors of this library's resources as one line of plain text: input it cannot read ({@link
 * BadInput}) 400 with the reason; an unexpected failure 500 with "internal error", its stack trace
 * going to the log and never to the client. An interceptor on our resources rather than an {@code
 * ExceptionMapper<Throwable>}, which would replace a host application's own error mapping for all
 * of its resources.
 */
@TwilioEndpoint
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class InternalErrors {
  private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());

  @AroundInvoke
  public Object answer(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (WebApplicationException answered) {
      throw answered; // carries its own answer
    } catch (BadInput e) {
      throw new BadRequestException(
          ErrorAnswers.plain(Response.Status.BAD_REQUEST, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "unexpected error answering " + call.getMethod(), e);
      throw new InternalServerErrorException(
          ErrorAnswers.plain(Response.Status.INTERNAL_SERVER_ERROR, "internal error"));
    }
  }
}
