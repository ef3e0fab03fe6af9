package io.picolabs.twilio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A lean WebSocket client (RFC 6455, text frames, plain {@code ws://}) for the socket benchmarks: a
 * few selector threads read every connection, senders write frames straight to the socket. Why not
 * the JDK's client: on the two cores the server shares with the load, the JDK client's hand-offs
 * per message cost the generator about as much as the server's echo, so the benchmark measured the
 * client; this one costs a read and a write per message. Both the ceiling and our endpoints are
 * measured through it, so the ratio stays fair. Not for anything but loopback benchmarks: no TLS,
 * no extensions, messages up to 64 KiB.
 */
final class LeanSockets implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final List<Reader> readers = new ArrayList<>();
  private int next;

  /** {@code threads} selector threads read the connections, each its share. */
  LeanSockets(int threads) throws IOException {
    for (int i = 0; i < threads; i++) {
      Reader reader = new Reader(Selector.open());
      Thread thread = new Thread(reader, "lean-socket-reader-" + i);
      thread.setDaemon(true);
      thread.start();
      readers.add(reader);
    }
  }

  /**
   * Opens {@code url} ({@code ws://host:port/path}) with {@code headers} on the upgrade; each text
   * message the server sends goes to {@code onText}, on a reader thread.
   */
  Connection open(URI url, Map<String, String> headers, Consumer<String> onText)
      throws IOException {
    SocketChannel channel = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
    channel.socket().setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    StringBuilder request =
        new StringBuilder("GET ")
            .append(url.getRawPath())
            .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
            .append(" HTTP/1.1\r\nHost: ")
            .append(url.getHost())
            .append(':')
            .append(url.getPort())
            .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
            .append(key)
            .append("\r\nSec-WebSocket-Version: 13\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    ByteBuffer out = ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII));
    while (out.hasRemaining()) {
      channel.write(out);
    }
    Connection connection = new Connection(channel, onText);
    String head = connection.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      channel.close();
      throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(head));
    }
    if (!head.toLowerCase().contains("sec-websocket-accept: " + accept(key).toLowerCase())) {
      channel.close();
      throw new IOException("upgrade without the right Sec-WebSocket-Accept: " + head);
    }
    channel.configureBlocking(false);
    readers.get(next++ % readers.size()).add(connection);
    return connection;
  }

  private static String accept(String key) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-1")
                  .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Reader reader : readers) {
      reader.stop();
    }
  }

  /** One connection: text frames out (masked, from any thread), text messages in. */
  static final class Connection {
    private final SocketChannel channel;
    private final Consumer<String> onText;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 17);
    private final ByteBuffer out = ByteBuffer.allocate((1 << 16) + 14); // guarded by this
    private byte[] message = new byte[0]; // a fragmented message's parts so far (reader thread)
    private volatile boolean closed;

    private Connection(SocketChannel channel, Consumer<String> onText) {
      this.channel = channel;
      this.onText = onText;
    }

    /** The upgrade's response head (blocking); what follows it stays in {@code in}. */
    private String readHead() throws IOException {
      while (true) {
        if (channel.read(in) < 0) {
          throw new IOException("closed during the upgrade");
        }
        String read = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
        int end = read.indexOf("\r\n\r\n");
        if (end >= 0) {
          in.flip();
          in.position(end + 4);
          in.compact();
          return read.substring(0, end);
        }
      }
    }

    /** Sends {@code text} as one masked text frame; waits (spinning) while the socket is full. */
    synchronized void sendText(String text) {
      if (closed) {
        throw new IllegalStateException("the connection is closed");
      }
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      frame(0x1, payload);
    }

    private void frame(int opcode, byte[] payload) {
      out.clear();
      out.put((byte) (0x80 | opcode));
      if (payload.length < 126) {
        out.put((byte) (0x80 | payload.length));
      } else {
        out.put((byte) (0x80 | 126));
        out.putShort((short) payload.length);
      }
      int mask = ThreadLocalRandom.current().nextInt();
      out.putInt(mask);
      for (int i = 0; i < payload.length; i++) {
        out.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
      }
      out.flip();
      try {
        while (out.hasRemaining()) {
          if (channel.write(out) == 0) {
            Thread.onSpinWait();
          }
        }
      } catch (IOException e) {
        closed = true;
        throw new UncheckedIOException(e);
      }
    }

    /** Closes the connection at once (no close handshake: the load is over). */
    void abort() {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Reads what arrived and hands each whole text message on; false once the socket closed. */
    private boolean readable() throws IOException {
      if (channel.read(in) < 0) {
        closed = true;
        return false;
      }
      in.flip();
      while (in.remaining() >= 2) {
        int start = in.position();
        int b0 = in.get() & 0xFF;
        int b1 = in.get() & 0xFF;
        long length = b1 & 0x7F;
        if (length == 126) {
          if (in.remaining() < 2) {
            in.position(start);
            break;
          }
          length = in.getShort() & 0xFFFF;
        } else if (length == 127) {
          if (in.remaining() < 8) {
            in.position(start);
            break;
          }
          length = in.getLong();
        }
        if ((b1 & 0x80) != 0 || length > in.capacity() - 14) {
          throw new IOException("a frame this client does not read (masked, or too long)");
        }
        if (in.remaining() < length) {
          in.position(start);
          break;
        }
        byte[] payload = new byte[(int) length];
        in.get(payload);
        frameIn(b0, payload);
      }
      in.compact();
      return !closed;
    }

    private void frameIn(int b0, byte[] payload) {
      int opcode = b0 & 0x0F;
      boolean fin = (b0 & 0x80) != 0;
      switch (opcode) {
        case 0x0, 0x1 -> {
          byte[] whole = payload;
          if (message.length > 0 || !fin) {
            whole = new byte[message.length + payload.length];
            System.arraycopy(message, 0, whole, 0, message.length);
            System.arraycopy(payload, 0, whole, message.length, payload.length);
          }
          if (fin) {
            message = new byte[0];
            onText.accept(new String(whole, StandardCharsets.UTF_8));
          } else {
            message = whole;
          }
        }
        case 0x8 -> closed = true;
        case 0x9 -> {
          synchronized (this) {
            frame(0xA, payload); // pong
          }
        }
        default -> {} // binary frames and pongs: not used here
      }
    }
  }

  /** A selector thread reading its share of the connections. */
  private static final class Reader implements Runnable {
    private final Selector selector;
    private final Queue<Connection> added = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    Reader(Selector selector) {
      this.selector = selector;
    }

    void add(Connection connection) {
      added.add(connection);
      selector.wakeup();
    }

    void stop() {
      running = false;
      selector.wakeup();
    }

    @Override
    public void run() {
      try {
        while (running) {
          selector.select();
          for (Connection c; (c = added.poll()) != null; ) {
            c.channel.register(selector, SelectionKey.OP_READ, c);
            if (c.in.position() > 0) {
              c.readable(); // bytes that came with the upgrade's response
            }
          }
          for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            try {
              if (!connection.readable()) {
                key.cancel();
              }
            } catch (IOException e) {
              connection.closed = true;
              key.cancel();
            }
          }
          selector.selectedKeys().clear();
        }
        selector.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
