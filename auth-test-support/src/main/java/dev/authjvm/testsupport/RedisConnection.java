package dev.authjvm.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the Redis protocol to clean up after a test run (select the database, scan for keys,
 * delete them), so this module needs no Redis client library of its own.
 */
final class RedisConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RedisConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects to {@code redis://[:password@]host[:port][/db]}. */
  static RedisConnection open(String url) {
    URI uri = URI.create(url);
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 2_000);
      socket.setSoTimeout(10_000);
      RedisConnection redis = new RedisConnection(socket);
      String userInfo = uri.getUserInfo();
      if (userInfo != null && !userInfo.isEmpty()) {
        redis.command("AUTH", userInfo.substring(userInfo.indexOf(':') + 1));
      }
      String db = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
      if (!db.isEmpty()) {
        redis.command("SELECT", db);
      }
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void deleteKeysStartingWith(String prefix) {
    String cursor = "0";
    do {
      List<?> page = (List<?>) command("SCAN", cursor, "MATCH", prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*",
          "COUNT", "1000");
      cursor = (String) page.get(0);
      List<?> keys = (List<?>) page.get(1);
      if (!keys.isEmpty()) {
        List<String> del = new ArrayList<>(List.of("DEL"));
        keys.forEach(k -> del.add((String) k));
        command(del.toArray(String[]::new));
      }
    } while (!cursor.equals("0"));
  }

  /** Sends one command and reads its reply: a String, a Long, a List, or null. */
  Object command(String... args) {
    try {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.write(bytes);
        request.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(request.toByteArray());
      out.flush();
      return reply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object reply() throws IOException {
    String line = line();
    switch (line.charAt(0)) {
      case '+':
        return line.substring(1);
      case '-':
        throw new IllegalStateException("Redis: " + line.substring(1));
      case ':':
        return Long.parseLong(line.substring(1));
      case '$': {
        int length = Integer.parseInt(line.substring(1));
        if (length < 0) {
          return null;
        }
        String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        line();
        return value;
      }
      case '*': {
        int count = Integer.parseInt(line.substring(1));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(reply());
        }
        return items;
      }
      default:
        throw new IllegalStateException("unexpected Redis reply: " + line);
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("Redis closed the connection");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a connection we are done with
    }
  }
}
