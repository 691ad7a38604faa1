package dev.authjvm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing service skips a test outside CI and fails it under CI, saying what is missing and how to fix it. */
class ServicesTest {
  @Test
  void underCiAMissingServiceIsAFailureNamingItsAddressAndTheRemedy() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Services.missing("PostgreSQL is not reachable at 127.0.0.1:1: start it", true));
    assertTrue(e.getMessage().startsWith("CI: PostgreSQL is not reachable at 127.0.0.1:1: start it"), e.getMessage());
  }

  @Test
  void outsideCiAMissingServiceSkipsTheTestWithTheSameMessage() {
    TestAbortedException e = assertThrows(TestAbortedException.class,
        () -> Services.missing("Redis is not reachable at 127.0.0.1:1: start it", false));
    assertTrue(e.getMessage().contains("Redis is not reachable at 127.0.0.1:1: start it"), e.getMessage());
  }

  @Test
  void aListeningPortAnswersAndAClosedOneDoesNot() throws IOException {
    int closed;
    try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertTrue(Services.answers("127.0.0.1", open.getLocalPort()));
      closed = open.getLocalPort();
    }
    assertFalse(Services.answers("127.0.0.1", closed));
  }

  @Test
  void theAddressOfAUrlFallsBackToTheDefaultPort() {
    assertEquals("db.example:5432", Services.address("jdbc:postgresql://db.example/test", 5432));
    assertEquals("127.0.0.1:6380", Services.address("redis://127.0.0.1:6380/0", 6379));
  }
}
