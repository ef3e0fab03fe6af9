package io.picolabs.twilio.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A webhook's servlet response that another thread may answer while the request's thread is still
 * busy ({@link #answer}): the answer is written and flushed to the caller at once, and whatever the
 * request's thread writes afterwards (JAX-RS's status, headers and entity) is dropped, not added to
 * a response that is complete.
 */
public final class EarlyResponse extends HttpServletResponseWrapper {
  private volatile boolean answered;

  EarlyResponse(HttpServletResponse response) {
    super(response);
  }

  /**
   * Answers the caller now with {@code status}, {@code contentType} and {@code body}, closing the
   * connection afterwards (the request's thread still holds it). Throws what writing it threw (the
   * caller gone).
   */
  public synchronized void answer(int status, String contentType, byte[] body) throws IOException {
    answered = true;
    HttpServletResponse response = (HttpServletResponse) getResponse();
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.setHeader("Connection", "close");
    ServletOutputStream out = response.getOutputStream();
    out.write(body);
    out.flush();
    response.flushBuffer();
  }

  @Override
  public void setStatus(int status) {
    if (!answered) {
      super.setStatus(status);
    }
  }

  @Override
  public void sendError(int status) throws IOException {
    if (!answered) {
      super.sendError(status);
    }
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    if (!answered) {
      super.sendError(status, message);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!answered) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!answered) {
      super.addHeader(name, value);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    return answered ? DROPPED : super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    return answered ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
  }

  @Override
  public void flushBuffer() throws IOException {
    if (!answered) {
      super.flushBuffer();
    }
  }

  private static final ServletOutputStream DROPPED =
      new ServletOutputStream() {
        @Override
        public void write(int b) {
          // dropped: the caller has had its answer
        }

        @Override
        public void write(byte[] b, int off, int len) {
          // dropped: the caller has had its answer
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new IllegalStateException("not an asynchronous response");
        }
      };
}
